/**
 * SQL of behaviour tracking (SPEC §2): tracking sites, behaviour events, and the visitors who
 * identified. Stitching moves a visitor's anonymous events (lead_id NULL) to a lead under a
 * per-visitor advisory lock, so events of one visitor arriving at once are never lost (left
 * anonymous after the visitor was bound) nor counted twice.
 */
import { sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';

export interface TrackingSiteRow {
  id: string;
  name: string;
  public_key: string;
  allowed_origins: string[];
  rate_per_minute: number | null;
  visitor_rate_per_minute: number | null;
  created_at: Date;
}

export async function insertTrackingSite(
  trx: Transaction<Database>,
  site: {
    id: string;
    name: string;
    publicKey: string;
    allowedOrigins: string[];
    ratePerMinute: number | null;
    visitorRatePerMinute: number | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('tracking_sites')
    .values({
      id: site.id,
      name: site.name,
      public_key: site.publicKey,
      allowed_origins: site.allowedOrigins,
      rate_per_minute: site.ratePerMinute,
      visitor_rate_per_minute: site.visitorRatePerMinute,
      created_by: site.createdBy,
      created_at: site.at,
    })
    .execute();
}

const siteColumns = [
  'id',
  'name',
  'public_key',
  'allowed_origins',
  'rate_per_minute',
  'visitor_rate_per_minute',
  'created_at',
] as const;

export async function listTrackingSites(db: Queryable): Promise<TrackingSiteRow[]> {
  return (await db
    .selectFrom('tracking_sites')
    .select(siteColumns)
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as TrackingSiteRow[];
}

export async function findTrackingSiteByKey(db: Queryable, publicKey: string): Promise<TrackingSiteRow | undefined> {
  return (await db
    .selectFrom('tracking_sites')
    .select(siteColumns)
    .where('public_key', '=', publicKey)
    .executeTakeFirst()) as TrackingSiteRow | undefined;
}

/** Whether any site accepts events from this origin (CORS preflights carry no site key). */
export async function anySiteAllowsOrigin(db: Queryable, origin: string): Promise<boolean> {
  const row = await db
    .selectFrom('tracking_sites')
    .select('id')
    .where(sql<boolean>`${origin} = ANY(allowed_origins)`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The advisory-lock space of visitors, apart from capture's dedup keys (store/advisory-locks.ts). */
const visitorLockSpace = 0x7ac4;

/** Transaction-scoped locks on visitors, taken in one sorted statement (no deadlock between batches). */
export async function lockVisitors(trx: Transaction<Database>, visitorIds: readonly string[]): Promise<void> {
  if (visitorIds.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${visitorLockSpace}, k) FROM (
      SELECT DISTINCT hashtext(v) AS k FROM unnest(${[...new Set(visitorIds)]}::text[]) AS v ORDER BY 1
    ) AS locks`.execute(trx);
}

export interface VisitorRow {
  visitor_id: string;
  lead_id: string | null;
  email: string | null;
}

export async function findVisitor(trx: Transaction<Database>, visitorId: string): Promise<VisitorRow | undefined> {
  return trx
    .selectFrom('tracking_visitors')
    .select(['visitor_id', 'lead_id', 'email'])
    .where('visitor_id', '=', visitorId)
    .executeTakeFirst();
}

export async function saveVisitor(
  trx: Transaction<Database>,
  visitor: { visitorId: string; leadId: string | null; email: string | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('tracking_visitors')
    .values({
      visitor_id: visitor.visitorId,
      lead_id: visitor.leadId,
      email: visitor.email,
      identified_at: visitor.at,
      updated_at: visitor.at,
    })
    .onConflict((oc) =>
      oc.column('visitor_id').doUpdateSet({ lead_id: visitor.leadId, email: visitor.email, updated_at: visitor.at }),
    )
    .execute();
}

/** Visitors waiting for a lead with one of these e-mails (no lead had it when they identified). */
export async function findPendingVisitors(db: Queryable, emails: readonly string[]): Promise<VisitorRow[]> {
  if (emails.length === 0) return [];
  return db
    .selectFrom('tracking_visitors')
    .select(['visitor_id', 'lead_id', 'email'])
    .where('lead_id', 'is', null)
    .where(sql<boolean>`email = ANY(${[...emails]}::text[])`)
    .orderBy('visitor_id')
    .execute();
}

/** Which of these e-mails anonymous events carried (one indexed query for a whole capture batch). */
export async function findPendingEventEmails(db: Queryable, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom('behaviours')
    .select('email')
    .distinct()
    .where('lead_id', 'is', null)
    .where(sql<boolean>`email = ANY(${[...emails]}::text[])`)
    .execute();
  return rows.map((r) => r.email as string);
}

/** Moves a visitor's anonymous events to the lead; answers how many moved. */
export async function moveVisitorEvents(
  trx: Transaction<Database>,
  visitorId: string,
  leadId: string,
): Promise<number> {
  const moved = await trx
    .updateTable('behaviours')
    .set({ lead_id: leadId })
    .where('visitor_id', '=', visitorId)
    .where('lead_id', 'is', null)
    .returning('id')
    .execute();
  return moved.length;
}

/** Moves anonymous events that carried this e-mail (sent without a visitor) to the lead. */
export async function moveEmailEvents(trx: Transaction<Database>, email: string, leadId: string): Promise<number> {
  const moved = await trx
    .updateTable('behaviours')
    .set({ lead_id: leadId })
    .where('email', '=', email)
    .where('lead_id', 'is', null)
    .returning('id')
    .execute();
  return moved.length;
}

export interface NewBehaviour {
  id: string;
  leadId: string | null;
  visitorId: string | null;
  email: string | null;
  type: string;
  url: string | null;
  meta: Record<string, unknown>;
  occurredAt: Date;
  siteId: string | null;
  actorId: string | null;
  receivedAt: Date;
}

export async function insertBehaviour(trx: Transaction<Database>, b: NewBehaviour): Promise<void> {
  await trx
    .insertInto('behaviours')
    .values({
      id: b.id,
      lead_id: b.leadId,
      visitor_id: b.visitorId,
      email: b.email,
      type: b.type,
      url: b.url,
      meta: JSON.stringify(b.meta),
      occurred_at: b.occurredAt,
      site_id: b.siteId,
      actor_id: b.actorId,
      received_at: b.receivedAt,
    })
    .execute();
}

/** The live lead an identity e-mail belongs to (the oldest, should dedup ever have missed one). */
export async function findLeadIdByEmail(trx: Transaction<Database>, email: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('leads')
    .select('id')
    .where('email', '=', email)
    .where('history', '=', false)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Whether a live lead has this id: history leads (imported to learn from) record no behaviour. */
export async function leadExists(trx: Transaction<Database>, leadId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('leads')
    .select('id')
    .where('id', '=', leadId)
    .where('history', '=', false)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findLeadEmails(
  trx: Transaction<Database>,
  leadIds: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (leadIds.length === 0) return [];
  return (await trx
    .selectFrom('leads')
    .select(['id', 'email'])
    .where(sql<boolean>`id = ANY(${[...leadIds]}::text[])`)
    .where('email', 'is not', null)
    .where('history', '=', false)
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as { id: string; email: string }[];
}

export interface BehaviourCursor {
  at: string;
  id: string;
}

export async function listLeadBehaviours(
  db: Queryable,
  leadId: string,
  page: { cursor?: BehaviourCursor; limit: number; type?: string },
) {
  let query = db
    .selectFrom('behaviours')
    .select(['id', 'type', 'url', 'meta', 'occurred_at', 'visitor_id'])
    .where('lead_id', '=', leadId);
  if (page.type) query = query.where('type', '=', page.type);
  if (page.cursor) {
    const { at, id } = page.cursor;
    query = query.where((eb) =>
      eb.or([eb('occurred_at', '<', new Date(at)), eb.and([eb('occurred_at', '=', new Date(at)), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}
