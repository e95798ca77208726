/**
 * Reads of a policy simulation (SPEC §8.6), in bulk: the live leads captured in a period with
 * what scoring, the MQL definition and routing look at, the hand-offs and opportunities of
 * those leads, and a stored settings version by id. Read-only by construction: selects only.
 */
import { sql } from 'kysely';
import type { Queryable } from '../db.js';

export interface PeriodLeadRow {
  id: string;
  name: string | null;
  company: string | null;
  company_key: string | null;
  title: string | null;
  region: string | null;
  region_code: string | null;
  industry: string | null;
  employees: number | null;
  channel_id: string | null;
  default_path: string | null;
  status: string;
  phone: string | null;
  email: string | null;
  fields: Record<string, unknown>;
  flags: string[];
  score: number;
  scored_at: Date | string | null;
  created_at: Date | string;
}

/** Live leads (never history leads) captured in [from, to), in capture order. */
export async function loadPeriodLeads(db: Queryable, period: { from: Date; to: Date }): Promise<PeriodLeadRow[]> {
  return db
    .selectFrom('leads')
    .leftJoin('channels', 'channels.id', 'leads.channel_id')
    .select([
      'leads.id',
      'leads.name',
      'leads.company',
      'leads.company_key',
      'leads.title',
      'leads.region',
      'leads.region_code',
      'leads.industry',
      'leads.employees',
      'leads.channel_id',
      'channels.default_path',
      'leads.status',
      'leads.phone',
      'leads.email',
      'leads.fields',
      'leads.flags',
      'leads.score',
      'leads.scored_at',
      'leads.created_at',
    ])
    .where('leads.history', '=', false)
    .where('leads.created_at', '>=', period.from)
    .where('leads.created_at', '<', period.to)
    .orderBy('leads.created_at')
    .orderBy('leads.id')
    .execute();
}

export interface PeriodHandoffRow {
  id: string;
  lead_id: string;
  rep_id: string | null;
  status: string;
  created_at: Date | string;
  decided_at: Date | string | null;
}

const periodLeadIds = (period: { from: Date; to: Date }) =>
  sql`(SELECT id FROM leads WHERE history = false AND created_at >= ${period.from} AND created_at < ${period.to})`;

/** Every hand-off of the period's leads (manual dispatches included; they have no rep yet). */
export async function loadPeriodHandoffs(db: Queryable, period: { from: Date; to: Date }): Promise<PeriodHandoffRow[]> {
  const { rows } = await sql<PeriodHandoffRow>`SELECT id, lead_id, rep_id, status, created_at, decided_at
    FROM handoffs WHERE lead_id IN ${periodLeadIds(period)} ORDER BY created_at, id`.execute(db);
  return rows;
}

/** Leads of the period with an opportunity that was not withdrawn (the SQL/opportunity milestones). */
export async function loadPeriodOpportunityLeads(
  db: Queryable,
  period: { from: Date; to: Date },
): Promise<Set<string>> {
  const { rows } = await sql<{ lead_id: string }>`SELECT DISTINCT lead_id FROM opportunities
    WHERE stage <> 'withdrawn' AND lead_id IN ${periodLeadIds(period)}`.execute(db);
  return new Set(rows.map((r) => r.lead_id));
}

export async function hasAccounts(db: Queryable): Promise<boolean> {
  return (await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export interface StoredVersionRow {
  id: string;
  kind: string;
  version: number;
  body: unknown;
  status: string;
}

export async function findPolicyVersion(db: Queryable, id: string): Promise<StoredVersionRow | undefined> {
  return db
    .selectFrom('policy_versions')
    .select(['id', 'kind', 'version', 'body', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}
