/** The SQL of cleaning: reason taxonomies, ICP rules, and the lead updates cleaning makes. */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { IcpCondition, IcpRule } from '../../domain/cleaning/icp-rules.js';
import type { Reason, StoredReason } from '../../domain/cleaning/reasons.js';
import type { Database } from '../schema.js';
import type { LeadRow } from './leads.js';

const anyText = (values: readonly string[]) => sql<string>`any(${[...values]}::text[])`;

// ——— reasons ———

export async function listReasons(db: Kysely<Database>, kind: string): Promise<StoredReason[]> {
  const rows = await db.selectFrom('reasons').selectAll().where('kind', '=', kind).orderBy('position').execute();
  return rows.map((r) => ({
    code: r.code,
    labelZh: r.label_zh,
    labelEn: r.label_en,
    active: r.active,
    position: r.position,
    used: r.used,
  }));
}

export async function findReason(db: Kysely<Database>, kind: string, code: string): Promise<StoredReason | undefined> {
  return (await listReasons(db, kind)).find((r) => r.code === code);
}

/** Stores the planned list: upserts its reasons (keeping `used`), removes the never-used left out. */
export async function saveReasons(
  trx: Transaction<Database>,
  kind: string,
  reasons: readonly Reason[],
  removed: readonly string[],
  at: Date,
): Promise<void> {
  if (removed.length) {
    await trx.deleteFrom('reasons').where('kind', '=', kind).where('code', '=', anyText(removed)).execute();
  }
  if (reasons.length === 0) return;
  await trx
    .insertInto('reasons')
    .values(
      reasons.map((r) => ({
        kind,
        code: r.code,
        label_zh: r.labelZh,
        label_en: r.labelEn,
        active: r.active,
        position: r.position,
        updated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['kind', 'code']).doUpdateSet((eb) => ({
        label_zh: eb.ref('excluded.label_zh'),
        label_en: eb.ref('excluded.label_en'),
        active: eb.ref('excluded.active'),
        position: eb.ref('excluded.position'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** markReasonsUsed as a statement to run with others (capture's insert). */
export function markReasonsUsedUpdate(kind: string, codes: readonly string[]): RawBuilder<unknown> {
  return sql`UPDATE reasons SET used = true
    WHERE kind = ${kind} AND code = ${anyText([...new Set(codes)])} AND used = false`;
}

/** Marks reasons as given to something: from then on they are deactivated, never deleted. */
export async function markReasonsUsed(
  trx: Transaction<Database>,
  kind: string,
  codes: readonly string[],
): Promise<void> {
  if (codes.length === 0) return;
  await trx
    .updateTable('reasons')
    .set({ used: true })
    .where('kind', '=', kind)
    .where('code', '=', anyText([...new Set(codes)]))
    .where('used', '=', false)
    .execute();
}

// ——— ICP rules ———

export async function loadIcpRules(db: Kysely<Database>): Promise<IcpRule[]> {
  const rows = await db.selectFrom('icp_rules').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    condition: r.condition as IcpCondition,
    action: r.action,
    reason: r.reason,
    flag: r.flag,
    enabled: r.enabled,
  }));
}

export async function replaceIcpRules(trx: Transaction<Database>, rules: readonly IcpRule[], at: Date): Promise<void> {
  await trx.deleteFrom('icp_rules').execute();
  if (rules.length === 0) return;
  await trx
    .insertInto('icp_rules')
    .values(
      rules.map((r, i) => ({
        id: r.id,
        position: i + 1,
        description: r.description,
        condition: JSON.stringify(r.condition),
        action: r.action,
        reason: r.reason,
        flag: r.flag,
        enabled: r.enabled,
        updated_at: at,
      })),
    )
    .execute();
}

// ——— leads ———

export type CleaningLeadRow = Pick<
  LeadRow,
  | 'id'
  | 'status'
  | 'status_reason'
  | 'owner_id'
  | 'name'
  | 'phone'
  | 'email'
  | 'company'
  | 'title'
  | 'region'
  | 'region_code'
  | 'industry'
  | 'employees'
  | 'channel_id'
  | 'fields'
  | 'flags'
  | 'history'
>;

/** Everything cleaning reads about a batch of leads, in one query. */
export async function loadLeadsForCleaning(trx: Kysely<Database>, ids: readonly string[]): Promise<CleaningLeadRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('leads')
    .select([
      'id',
      'status',
      'status_reason',
      'owner_id',
      'name',
      'phone',
      'email',
      'company',
      'title',
      'region',
      'region_code',
      'industry',
      'employees',
      'channel_id',
      'fields',
      'flags',
      'history',
    ])
    .where('id', '=', anyText(ids))
    .execute();
}

/** Leads among these that a person has requalified: automatic cleaning leaves their status alone. */
export async function findRequalified(trx: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom('audit_log')
    .select('lead_id')
    .distinct()
    .where('lead_id', '=', anyText(ids))
    .where('action', '=', 'lead.requalified')
    .execute();
  return new Set(rows.map((r) => r.lead_id as string));
}

export interface CleaningUpdate {
  id: string;
  /** null: status unchanged. */
  status: string | null;
  statusReason: string | null;
  flags: string[];
}

/** Applies a batch of cleaning results, a thousand leads per statement. */
export async function applyCleaningUpdates(trx: Transaction<Database>, updates: readonly CleaningUpdate[], at: Date) {
  for (let i = 0; i < updates.length; i += 1000) {
    const chunk = updates.slice(i, i + 1000);
    await sql`
      UPDATE leads AS l SET
        status = coalesce(v.status, l.status),
        status_reason = CASE WHEN v.status IS NULL THEN l.status_reason ELSE v."statusReason" END,
        flags = ARRAY(SELECT jsonb_array_elements_text(v.flags)),
        updated_at = ${at}
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        AS v(id text, status text, "statusReason" text, flags jsonb)
      WHERE l.id = v.id`.execute(trx);
  }
}

/** Locks the lead's row for a status change and answers what the change depends on. */
export async function lockLeadStatus(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('leads')
    .select(['status', 'status_reason', 'owner_id', 'history'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setLeadStatus(
  trx: Transaction<Database>,
  id: string,
  status: string,
  statusReason: string | null,
  at: Date,
): Promise<void> {
  await trx
    .updateTable('leads')
    .set({ status, status_reason: statusReason, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** The status a lead had before its latest disqualification, from the audit log. */
export async function statusBeforeDisqualification(db: Kysely<Database>, leadId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('from_state')
    .where('lead_id', '=', leadId)
    .where('action', '=', 'lead.disqualified')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const status = (row?.from_state as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? status : undefined;
}
