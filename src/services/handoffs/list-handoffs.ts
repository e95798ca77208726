/**
 * The list of hand-offs (the sales inbox, SPEC §6.1 and §10): a rep their own, a sales manager
 * their team's, an SDR the ones they made, the roles that run the funnel all — the same scoping
 * as reading one hand-off's lead (domain/policy.ts). Each item carries the lead's name and
 * company and the acceptance SLA at the server's clock.
 */
import { Forbidden, InvalidInput } from '../../domain/errors.js';
import { authorize, leadScope } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import {
  type HandoffCursor,
  type HandoffListFilter,
  type HandoffListScope,
  type HandoffOrder,
  handoffSortKey,
  listHandoffs,
} from '../../store/repositories/handoff-list.js';
import type { ServiceContext } from '../context.js';
import { slaInForce } from '../sla/sla-clock.js';
import { type HandoffView, presentHandoff } from './create-handoff.js';
import { type AcceptanceSla, acceptanceSla } from './handoff-sla.js';

export interface HandoffListItem {
  handoff: HandoffView;
  lead: { id: string; name: string | null; company: string | null; status: string | null };
  sdrName: string | null;
  repName: string | null;
  sla: AcceptanceSla | null;
}

export interface HandoffListQuery extends HandoffListFilter {
  order?: HandoffOrder;
  cursor?: string;
  limit: number;
}

function listScope(actor: Actor): HandoffListScope {
  const scope = leadScope(actor);
  switch (scope.kind) {
    case 'all':
      return { kind: 'all' };
    case 'handed_to':
      return { kind: 'to_rep', userId: scope.userId };
    case 'sales_team':
      return { kind: 'to_team', userId: scope.userId, teamId: scope.teamId };
    case 'sdr_team':
      return { kind: 'made_by', userId: scope.userId };
  }
}

function encodeCursor(order: HandoffOrder, key: string, id: string): string {
  return Buffer.from(JSON.stringify({ o: order, k: key, id })).toString('base64url');
}

function decodeCursor(cursor: string, order: HandoffOrder): HandoffCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const at = new Date(value?.k);
    if (
      value?.o === order &&
      typeof value.id === 'string' &&
      value.id.length <= 100 &&
      typeof value.k === 'string' &&
      !Number.isNaN(at.getTime()) &&
      at.toISOString() === value.k
    )
      return { key: value.k, id: value.id };
  } catch {
    // fall through: a cursor we did not make
  }
  throw new InvalidInput([
    {
      field: 'query.cursor',
      message: 'is not a cursor this API returned for this order',
      messageZh: '不是本接口按此排序返回的游标',
    },
  ]);
}

export async function listHandoffsPage(
  ctx: ServiceContext,
  actor: Actor,
  query: HandoffListQuery,
): Promise<{ items: HandoffListItem[]; nextCursor: string | null }> {
  authorize(actor, 'leads.read');
  const scope = listScope(actor);
  if (scope.kind === 'to_rep' && query.repId && query.repId !== actor.id)
    throw new Forbidden(`the role ${actor.role} sees only the hand-offs made to them (repId must be your own id)`);
  const order = query.order ?? (query.state === 'pending' ? 'due' : 'newest');
  const rows = await listHandoffs(ctx.db, query, scope, {
    order,
    cursor: query.cursor ? decodeCursor(query.cursor, order) : undefined,
    limit: query.limit + 1,
  });
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const now = ctx.clock.now();
  const sla = page.some((r) => r.status === 'pending' && r.due_at !== null) ? await slaInForce(ctx.db) : null;
  const items = page.map(
    (row): HandoffListItem => ({
      handoff: presentHandoff(row),
      lead: { id: row.lead_id, name: row.lead_name, company: row.lead_company, status: row.lead_status },
      sdrName: row.sdr_name,
      repName: row.rep_name,
      sla: sla ? acceptanceSla(row, sla, now) : null,
    }),
  );
  const last = page[page.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(order, handoffSortKey(last, order), last.id) : null };
}
