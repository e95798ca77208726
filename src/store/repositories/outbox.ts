/**
 * The outbox (SPEC §9): claiming due rows for one sender, recording what happened, and the
 * delivery log. Claims lock with FOR UPDATE SKIP LOCKED and hand the rows a lease — database
 * time, because it guards against a sender that died, whatever clock the business rules run
 * on — so several processes never send a row twice, and no transaction stays open while a
 * message travels.
 */
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import { recordset } from '../recordset.js';
import type { Database } from '../schema.js';
import type { OutboxAttemptsTable, OutboxKind, OutboxTable } from '../schema-notifications.js';

export type OutboxRow = Selectable<OutboxTable>;
export type AttemptRow = Selectable<OutboxAttemptsTable>;

const LEASE = sql`interval '2 minutes'`;

const claimable = (now: Date) =>
  sql`status = 'pending' AND next_attempt_at <= ${now}::timestamptz
      AND (lease_until IS NULL OR lease_until < clock_timestamp())`;

/** Whether anything is due at all: one cheap look before a claim transaction. */
export async function anyDue(db: Queryable, now: Date): Promise<boolean> {
  const r = await sql<{ one: number }>`SELECT 1 AS one FROM outbox WHERE ${claimable(now)} LIMIT 1`.execute(db);
  return r.rows.length > 0;
}

/** Due rows sent one by one (webhooks, e-mail), oldest first, leased to `token`. */
export async function claimSingles(
  trx: Transaction<Database>,
  now: Date,
  token: string,
  limit: number,
): Promise<OutboxRow[]> {
  const r = await sql<OutboxRow>`UPDATE outbox SET lease_until = clock_timestamp() + ${LEASE}, lease_token = ${token}
    WHERE id IN (
      SELECT id FROM outbox WHERE ${claimable(now)} AND kind <> 'robot'
      ORDER BY next_attempt_at, seq LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(trx);
  return sortBySeq(r.rows);
}

/** The robots with due rows, locked (SKIP LOCKED: another sender has the rest). */
export async function lockDueRobots(trx: Transaction<Database>, now: Date, limit: number) {
  const r = await sql<{ id: string; kind: string; url: string; secret: string | null }>`
    SELECT id, kind, url, secret FROM chat_robots
    WHERE deleted_at IS NULL AND id IN (SELECT target_id FROM outbox WHERE ${claimable(now)} AND kind = 'robot')
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(trx);
  return r.rows;
}

/** How many requests each robot made since `since` (its rate-limit window). */
export async function recentRobotSends(
  trx: Transaction<Database>,
  robotIds: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  if (robotIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('robot_sends')
    .select(['robot_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('robot_id', 'in', [...robotIds])
    .where('at', '>', since)
    .groupBy('robot_id')
    .execute();
  return new Map(rows.map((r) => [r.robot_id, Number(r.n)]));
}

/** One robot's due rows, oldest first, leased to `token`. */
export async function claimRobotRows(
  trx: Transaction<Database>,
  robotId: string,
  now: Date,
  token: string,
  limit: number,
): Promise<OutboxRow[]> {
  const r = await sql<OutboxRow>`UPDATE outbox SET lease_until = clock_timestamp() + ${LEASE}, lease_token = ${token}
    WHERE id IN (
      SELECT id FROM outbox WHERE ${claimable(now)} AND kind = 'robot' AND target_id = ${robotId}
      ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(trx);
  return sortBySeq(r.rows);
}

/** A robot request about to be made: it counts against the rate limit from now on. */
export async function recordRobotSend(
  trx: Transaction<Database>,
  send: { id: string; robotId: string; messages: number; at: Date },
): Promise<void> {
  await trx
    .insertInto('robot_sends')
    .values({ id: send.id, robot_id: send.robotId, messages: send.messages, at: send.at })
    .execute();
}

export async function forgetRobotSendsBefore(trx: Transaction<Database>, before: Date): Promise<void> {
  await trx.deleteFrom('robot_sends').where('at', '<', before).execute();
}

/** Gives rows back unsent (they did not fit this message): due again at once, attempts unchanged. */
export async function releaseRows(trx: Transaction<Database>, ids: readonly string[], token: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('outbox')
    .set({ lease_until: null, lease_token: null })
    .where('id', 'in', [...ids])
    .where('lease_token', '=', token)
    .execute();
}

export interface DeliveryOutcome {
  id: string;
  /** The attempt this was (1 = first). */
  attempt: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** What the row becomes. */
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: Date | null;
}

/**
 * Writes each outcome on its row and in the delivery log, one statement for all; a row whose
 * lease this sender lost (it expired and another took it) is left to that sender.
 */
export async function recordOutcomes(
  trx: Transaction<Database>,
  outcomes: readonly DeliveryOutcome[],
  token: string,
  logIds: readonly string[],
  at: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  const o = recordset(
    outcomes.map((x, i) => ({
      id: x.id,
      log_id: logIds[i],
      attempt: x.attempt,
      ok: x.ok,
      status_code: x.statusCode,
      error: x.error,
      duration_ms: Math.round(x.durationMs),
      status: x.status,
      next_attempt_at: x.nextAttemptAt?.toISOString() ?? null,
    })),
    [
      ['id', 'text'],
      ['log_id', 'text'],
      ['attempt', 'integer'],
      ['ok', 'boolean'],
      ['status_code', 'integer'],
      ['error', 'text'],
      ['duration_ms', 'integer'],
      ['status', 'text'],
      ['next_attempt_at', 'timestamptz'],
    ],
    'o',
  );
  await sql`WITH o AS (SELECT * FROM ${o}),
    done AS (
      UPDATE outbox SET status = o.status, attempts = o.attempt,
        next_attempt_at = coalesce(o.next_attempt_at, outbox.next_attempt_at),
        last_error = CASE WHEN o.ok THEN outbox.last_error ELSE o.error END,
        delivered_at = CASE WHEN o.ok THEN ${at}::timestamptz ELSE NULL END,
        lease_until = NULL, lease_token = NULL
      FROM o WHERE outbox.id = o.id AND outbox.lease_token = ${token}
      RETURNING outbox.id)
    INSERT INTO outbox_attempts (id, outbox_id, attempt, ok, status_code, error, duration_ms, at)
    SELECT o.log_id, o.id, o.attempt, o.ok, o.status_code, o.error, o.duration_ms, ${at}::timestamptz
    FROM o JOIN done ON done.id = o.id`.execute(trx);
}

/** A deleted subscription's waiting messages will never go: failed, saying why. */
export async function failPending(
  trx: Transaction<Database>,
  kind: OutboxKind,
  targetId: string,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('outbox')
    .set({ status: 'failed', last_error: reason, lease_until: null, lease_token: null })
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('status', '=', 'pending')
    .execute();
}

/** One subscription's deliveries, newest first, with their attempts. */
export async function listDeliveries(
  db: Queryable,
  kind: OutboxKind,
  targetId: string,
  page: { beforeSeq?: number; limit: number },
): Promise<{ rows: OutboxRow[]; attempts: AttemptRow[] }> {
  let q = db.selectFrom('outbox').selectAll().where('kind', '=', kind).where('target_id', '=', targetId);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(page.limit).execute();
  if (rows.length === 0) return { rows, attempts: [] };
  const attempts = await db
    .selectFrom('outbox_attempts')
    .selectAll()
    .where(
      'outbox_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('outbox_id')
    .orderBy('attempt')
    .execute();
  return { rows, attempts };
}

function sortBySeq(rows: OutboxRow[]): OutboxRow[] {
  return rows.map((r) => ({ ...r, seq: Number(r.seq) })).sort((a, b) => a.seq - b.seq);
}
