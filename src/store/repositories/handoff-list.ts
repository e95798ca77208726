/** The hand-off list (sales inbox, SPEC §6.1): filtered, scoped by who may see which, keyset-paged. */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database, HandoffsTable } from '../schema.js';
import type { HandoffRow } from './handoffs.js';

/** Whose hand-offs a caller lists: all, those to one rep, to a team's reps, or those an SDR made. */
export type HandoffListScope =
  | { kind: 'all' }
  | { kind: 'to_rep'; userId: string }
  | { kind: 'to_team'; userId: string; teamId: string | null }
  | { kind: 'made_by'; userId: string };

export type HandoffOrder = 'newest' | 'due';

export interface HandoffListFilter {
  state?: HandoffsTable['status'];
  repId?: string;
  sdrId?: string;
  leadId?: string;
}

/** The position after the last row of a page: its sort key (ISO time) and id. */
export interface HandoffCursor {
  key: string;
  id: string;
}

export interface HandoffListRow extends HandoffRow {
  lead_name: string | null;
  lead_company: string | null;
  lead_status: string | null;
  sdr_name: string | null;
  rep_name: string | null;
}

/** Undecided dispatches have no deadline: they sort after every dated one (the same key as index handoffs_rep_due). */
const NO_DUE = '9999-12-31T00:00:00.000Z';

function scopeWhere(scope: HandoffListScope) {
  return (eb: ExpressionBuilder<Database, 'handoffs'>): Expression<SqlBool> => {
    switch (scope.kind) {
      case 'all':
        return sql<SqlBool>`true`;
      case 'to_rep':
        return eb('handoffs.rep_id', '=', scope.userId);
      case 'to_team':
        return eb(
          'handoffs.rep_id',
          'in',
          eb
            .selectFrom('users')
            .select('users.id')
            .where((w) => (scope.teamId ? w('users.team_id', '=', scope.teamId) : w('users.id', '=', scope.userId))),
        );
      case 'made_by':
        return eb('handoffs.sdr_id', '=', scope.userId);
    }
  };
}

export async function listHandoffs(
  db: Queryable,
  filter: HandoffListFilter,
  scope: HandoffListScope,
  page: { order: HandoffOrder; cursor?: HandoffCursor; limit: number },
): Promise<HandoffListRow[]> {
  // A literal, not a parameter: the planner matches it to the index's expression.
  const dueKey = sql<Date>`COALESCE(handoffs.due_at, ${sql.lit(NO_DUE)}::timestamptz)`;
  let query = db
    .selectFrom('handoffs')
    .leftJoin('leads', 'leads.id', 'handoffs.lead_id')
    .leftJoin('users as sdr', 'sdr.id', 'handoffs.sdr_id')
    .leftJoin('users as rep', 'rep.id', 'handoffs.rep_id')
    .selectAll('handoffs')
    .select([
      'leads.name as lead_name',
      'leads.company as lead_company',
      'leads.status as lead_status',
      'sdr.name as sdr_name',
      'rep.name as rep_name',
    ])
    .where(scopeWhere(scope));
  if (filter.state) query = query.where('handoffs.status', '=', filter.state);
  if (filter.repId) query = query.where('handoffs.rep_id', '=', filter.repId);
  if (filter.sdrId) query = query.where('handoffs.sdr_id', '=', filter.sdrId);
  if (filter.leadId) query = query.where('handoffs.lead_id', '=', filter.leadId);
  if (page.order === 'due') {
    if (page.cursor) {
      const { key, id } = page.cursor;
      query = query.where(sql<SqlBool>`(${dueKey}, handoffs.id) > (${key}::timestamptz, ${id})`);
    }
    query = query.orderBy(dueKey).orderBy('handoffs.id');
  } else {
    if (page.cursor) {
      const { key, id } = page.cursor;
      query = query.where(sql<SqlBool>`(handoffs.created_at, handoffs.id) < (${key}::timestamptz, ${id})`);
    }
    query = query.orderBy('handoffs.created_at', 'desc').orderBy('handoffs.id', 'desc');
  }
  return (await query.limit(page.limit).execute()) as HandoffListRow[];
}

/** The sort key of a row in the given order, as the cursor keeps it. */
export function handoffSortKey(row: HandoffRow, order: HandoffOrder): string {
  if (order === 'due') return row.due_at === null ? NO_DUE : new Date(row.due_at).toISOString();
  return new Date(row.created_at).toISOString();
}
