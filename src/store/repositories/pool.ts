/**
 * The nurture pool in storage (SPEC §7): who claimed what and when, releases for the cool-off,
 * saved segments, the pool listing with its filters, ownership changes and re-surfacing.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { PoolFilters } from '../../domain/pool/pool-filters.js';
import type { Queryable } from '../db.js';
import { recordset } from '../recordset.js';
import type { Database } from '../schema.js';
import type { LeadRow } from './leads.js';

/** The lead's row, locked until the transaction ends: claims of one lead queue up here. */
export async function lockLead(trx: Transaction<Database>, leadId: string): Promise<LeadRow | undefined> {
  return trx.selectFrom('leads').selectAll().where('id', '=', leadId).forUpdate().executeTakeFirst();
}

/** Leads locked in id order (two bulk assignments never deadlock). */
export async function lockLeads(trx: Transaction<Database>, leadIds: readonly string[]): Promise<LeadRow[]> {
  if (leadIds.length === 0) return [];
  return trx
    .selectFrom('leads')
    .selectAll()
    .where('id', '=', sql<string>`any(${[...leadIds]}::text[])`)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Serialises claims and assignments to one SDR, so the limits are counted exactly. FOR NO KEY
 * UPDATE: rows that merely refer to the user (activities, audit, leads they own) never wait.
 */
export async function lockUser(trx: Transaction<Database>, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'name', 'role', 'active'])
    .where('id', '=', userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function userNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function countClaimsSince(db: Queryable, userId: string, from: Date): Promise<number> {
  const row = await db
    .selectFrom('pool_claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('kind', '=', 'claim')
    .where('at', '>=', from)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Leads the SDR holds in `working` (SPEC §7 open-lead limit). */
export async function countOpenLeads(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', userId)
    .where('status', '=', 'working')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function lastReleaseBy(db: Queryable, leadId: string, userId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('pool_releases')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('lead_id', '=', leadId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as Date | string) : null;
}

export interface ClaimRecord {
  id: string;
  leadId: string;
  userId: string;
  kind: 'claim' | 'assign';
  actorId: string;
  fromStatus: string;
  fromOwnerId: string | null;
  at: Date;
}

export async function insertClaims(trx: Transaction<Database>, claims: readonly ClaimRecord[]): Promise<void> {
  if (claims.length === 0) return;
  await trx
    .insertInto('pool_claims')
    .values(
      claims.map((c) => ({
        id: c.id,
        lead_id: c.leadId,
        user_id: c.userId,
        kind: c.kind,
        actor_id: c.actorId,
        from_status: c.fromStatus,
        from_owner_id: c.fromOwnerId,
        at: c.at,
      })),
    )
    .execute();
}

export async function insertRelease(
  trx: Transaction<Database>,
  r: { id: string; leadId: string; userId: string; releasedBy: string; reason: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('pool_releases')
    .values({ id: r.id, lead_id: r.leadId, user_id: r.userId, released_by: r.releasedBy, reason: r.reason, at: r.at })
    .execute();
}

/** The SDR holds these leads from now: `working`, owned since now. */
export async function giveLeadsToSdr(
  trx: Transaction<Database>,
  leadIds: readonly string[],
  ownerId: string,
  at: Date,
): Promise<void> {
  if (leadIds.length === 0) return;
  await trx
    .updateTable('leads')
    .set({ status: 'working', owner_id: ownerId, owned_since: at, updated_at: at })
    .where('id', '=', sql<string>`any(${[...leadIds]}::text[])`)
    .execute();
}

/** Back to the pool: nurturing, nobody's; an earlier re-surfacing no longer describes it. */
export async function putBackInPool(trx: Transaction<Database>, leadId: string, at: Date): Promise<void> {
  await trx
    .updateTable('leads')
    .set({
      status: 'nurturing',
      owner_id: null,
      owned_since: null,
      resurfaced_trigger: null,
      resurfaced_at: null,
      updated_at: at,
    })
    .where('id', '=', leadId)
    .execute();
}

/**
 * Pooled leads (nurturing, unowned, live) back to the SDR queue (`new`) with their trigger.
 * Leads no longer pooled are left alone; the ids answered are those that moved.
 */
export async function resurfaceLeads(
  trx: Transaction<Database>,
  leads: readonly { id: string; trigger: string }[],
  at: Date,
): Promise<{ id: string; trigger: string }[]> {
  if (leads.length === 0) return [];
  const { rows } = await sql<{ id: string; trigger: string }>`
    UPDATE leads SET status = 'new', resurfaced_trigger = r.trigger, resurfaced_at = ${at}, updated_at = ${at}
    FROM ${recordset(leads, [
      ['id', 'text'],
      ['trigger', 'text'],
    ])}
    WHERE leads.id = r.id AND leads.status = 'nurturing' AND leads.owner_id IS NULL AND leads.history = false
    RETURNING leads.id, r.trigger`.execute(trx);
  return rows;
}

/**
 * A pooled lead that did a key behaviour, back to the SDR queue — in one statement, the key
 * behaviours read from the pool policy in force (policy_versions, kind 'pool', as
 * latestSettings reads it) or `defaults` when none was saved: POST /track runs this for every
 * event, and almost always nothing matches.
 */
export async function resurfaceOnBehaviour(
  trx: Transaction<Database>,
  leadId: string,
  type: string,
  trigger: string,
  defaults: readonly string[],
  at: Date,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    UPDATE leads SET status = 'new', resurfaced_trigger = ${trigger}, resurfaced_at = ${at}, updated_at = ${at}
    WHERE id = ${leadId} AND status = 'nurturing' AND owner_id IS NULL AND history = false
      AND ${type}::text = ANY(COALESCE(
        (SELECT ARRAY(SELECT jsonb_array_elements_text(body->'resurfacing'->'behaviours'))
           FROM policy_versions WHERE kind = 'pool' AND status = 'approved' ORDER BY version DESC LIMIT 1),
        ${[...defaults]}::text[]))
    RETURNING id`.execute(trx);
  return rows.length > 0;
}

export async function setLeadTags(trx: Transaction<Database>, leadId: string, tags: string[], at: Date) {
  await trx
    .updateTable('leads')
    .set({ tags: sql<string[]>`${tags}::text[]`, updated_at: at })
    .where('id', '=', leadId)
    .execute();
}

export async function setDoNotContact(
  trx: Transaction<Database>,
  leadId: string,
  value: { on: boolean; reason: string | null; since: Date | null },
  at: Date,
) {
  await trx
    .updateTable('leads')
    .set({
      do_not_contact: value.on,
      do_not_contact_reason: value.on ? value.reason : null,
      do_not_contact_at: value.on ? value.since : null,
      updated_at: at,
    })
    .where('id', '=', leadId)
    .execute();
}

/** Times of the lead's contact touches (not notes) from `from` on. */
export async function contactTimesSince(db: Queryable, leadId: string, from: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('activities')
    .select('occurred_at')
    .where('lead_id', '=', leadId)
    .where('type', '<>', 'note')
    .where('occurred_at', '>', from)
    .execute();
  return rows.map((r) => new Date(r.occurred_at));
}

/** The filters of GET /pool, the region resolved to a GB/T 2260 code where one is known. */
export type PoolQuery = Omit<PoolFilters, 'region'> & { regionCode?: string; regionText?: string };

export interface PoolCursor {
  score: number;
  id: string;
}

function poolWhere(f: PoolQuery) {
  return (eb: ExpressionBuilder<Database, 'leads'>): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [eb('history', '=', false), eb('owner_id', 'is', null)];
    if (f.resurfaced) and.push(eb('status', '=', 'new'), eb('resurfaced_at', 'is not', null));
    else and.push(eb('status', '=', 'nurturing'));
    if (f.channel) and.push(eb('channel_id', '=', f.channel));
    if (f.regionCode) {
      and.push(eb.or([eb('region_code', '=', f.regionCode), eb('region_code', 'like', `${f.regionCode}%`)]));
    } else if (f.regionText) and.push(eb('region', '=', f.regionText));
    if (f.industry) and.push(sql<SqlBool>`lower(industry) = lower(${f.industry})`);
    if (f.minScore !== undefined) and.push(eb('score', '>=', f.minScore));
    if (f.maxScore !== undefined) and.push(eb('score', '<=', f.maxScore));
    // `tags <> '{}'` lets the planner use the partial index leads_tags.
    if (f.tags?.length) and.push(sql<SqlBool>`tags <> '{}' AND tags @> ${f.tags}::text[]`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      and.push(eb.or([eb('name', 'ilike', like), eb('company', 'ilike', like)]));
    }
    return eb.and(and);
  };
}

/** The pool, highest score first (then id), a page after the cursor. */
export async function listPoolLeads(
  db: Queryable,
  filters: PoolQuery,
  page: { after?: PoolCursor; limit: number; excludeDoNotContact?: boolean },
): Promise<LeadRow[]> {
  let q = db.selectFrom('leads').selectAll().where(poolWhere(filters));
  if (page.excludeDoNotContact) q = q.where('do_not_contact', '=', false);
  if (page.after) {
    const { score, id } = page.after;
    q = q.where((eb) => eb.or([eb('score', '<', score), eb.and([eb('score', '=', score), eb('id', '>', id)])]));
  }
  return q.orderBy('score', 'desc').orderBy('id').limit(page.limit).execute();
}

export async function countPoolLeads(db: Queryable, filters: PoolQuery, where: { doNotContact: boolean }) {
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(poolWhere(filters))
    .where('do_not_contact', '=', where.doNotContact)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SegmentRow {
  id: string;
  name: string;
  filters: PoolFilters;
  created_by: string | null;
  created_at: Date;
}

export async function insertSegment(trx: Transaction<Database>, s: SegmentRow): Promise<void> {
  await trx
    .insertInto('pool_segments')
    .values({ ...s, filters: JSON.stringify(s.filters) })
    .execute();
}

export async function findSegment(db: Queryable, id: string): Promise<SegmentRow | undefined> {
  return db.selectFrom('pool_segments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSegmentByName(db: Queryable, name: string): Promise<SegmentRow | undefined> {
  return db
    .selectFrom('pool_segments')
    .selectAll()
    .where(sql<SqlBool>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

export async function listSegments(db: Queryable): Promise<SegmentRow[]> {
  return db.selectFrom('pool_segments').selectAll().orderBy('name').execute();
}

export async function deleteSegment(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('pool_segments').where('id', '=', id).execute();
}
