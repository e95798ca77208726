/**
 * Everything an event sends, written with the event in the caller's transaction (SPEC §9): an
 * in-app notification per notified user, and an outbox row per webhook and chat robot
 * subscribed to its type and per notified user with an e-mail address when SMTP is set up.
 * Subscriptions are read in the transaction, never cached, so every process sees one the moment
 * it commits: first the event types anyone listens to (a cheap query, ~0.3 ms; capture reads it
 * with its other reads, earlier in the same transaction: primeListenedTypes), and only for
 * events of those types one statement that joins the subscriptions in SQL. With nothing
 * configured and nobody to tell, an emit costs that one look.
 * Outbox ids are derived from (event, channel, subscription): an event goes to each place once.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import { recordset } from '../recordset.js';
import type { Database } from '../schema.js';

export interface FannedEvent {
  id: string;
  type: string;
  leadId: string | null;
  data: Record<string, unknown>;
  /** Users told, without repeats. */
  notify: readonly string[];
  occurredAt: Date;
}

/** An in-app notification: one event told to one user. */
export interface NewNotification {
  id: string;
  userId: string;
  event: FannedEvent;
}

export interface ListenedTypes {
  /** Types some webhook or robot subscribes to. */
  outbound: ReadonlySet<string>;
  /** Types e-mailed to notified users (SMTP set up). */
  email: ReadonlySet<string>;
}

const listenedQuery = sql`
    SELECT unnest(events) AS type, false AS email FROM webhooks WHERE deleted_at IS NULL
    UNION SELECT unnest(events), false FROM chat_robots WHERE deleted_at IS NULL
    UNION SELECT unnest(events), true FROM smtp_settings`;

/** The rows of listenedTypes' query as one JSON value, for a caller that reads it with other things. */
export const listenedTypesJson = sql`(SELECT coalesce(json_agg(json_build_object('type', t.type, 'email', t.email)), '[]')
    FROM (${listenedQuery}) AS t)`;

export type ListenedRow = { type: string; email: boolean };

const primed = new WeakMap<Transaction<Database>, ListenedTypes>();

/**
 * What a transaction read of listenedTypes' query with another statement of its own (capture,
 * which writes no subscription): its emits use it instead of asking again.
 */
export function primeListenedTypes(trx: Transaction<Database>, rows: readonly ListenedRow[]): void {
  primed.set(trx, listenedTypesOf(rows));
}

export async function listenedTypes(trx: Transaction<Database>): Promise<ListenedTypes> {
  const known = primed.get(trx);
  if (known) return known;
  return listenedTypesOf((await sql<ListenedRow>`${listenedQuery}`.execute(trx)).rows);
}

/** The listened types of listenedTypes' rows (also read inside a bigger statement: transfer-reads.ts). */
export function listenedTypesOf(rows: readonly ListenedRow[]): ListenedTypes {
  return {
    outbound: new Set(rows.filter((x) => !x.email).map((x) => x.type)),
    email: new Set(rows.filter((x) => x.email).map((x) => x.type)),
  };
}

/** The webhook body of SPEC §10.1, stored as sent (the id is the event's: stable across retries). */
const body = sql`jsonb_build_object('id', e.id, 'type', e.type, 'occurredAt', e.occurred_at, 'data', e.data::jsonb)`;

export async function fanOutEvents(
  trx: Transaction<Database>,
  events: readonly FannedEvent[],
  notifications: readonly NewNotification[],
): Promise<void> {
  const ctes: RawBuilder<unknown>[] = [];
  if (notifications.length > 0) ctes.push(sql`inbox AS (${inboxInsert(notifications)})`);
  if (events.length === 0) {
    if (notifications.length > 0) await inboxInsert(notifications).execute(trx);
    return;
  }
  const ev = recordset(
    events.map((e, n) => ({
      id: e.id,
      n,
      type: e.type,
      data: e.data,
      notify: e.notify,
      occurred_at: e.occurredAt.toISOString(),
    })),
    [
      ['id', 'text'],
      ['n', 'integer'],
      ['type', 'text'],
      ['data', 'json'],
      ['notify', 'json'],
      ['occurred_at', 'text'],
    ],
    'r',
  );
  ctes.push(sql`ev AS (SELECT * FROM ${ev})`);
  // OFFSET 0 keeps each subscription driving its join: no subscription, no scan of the events.
  await sql`WITH ${sql.join(ctes)}
    INSERT INTO outbox (id, event_id, event_type, kind, target_id, destination, payload, status, attempts,
                        next_attempt_at, created_at)
    SELECT md5(t.event_id || '/' || t.kind || '/' || t.target_id)::uuid::text, t.event_id, t.type, t.kind,
           t.target_id, t.destination, t.payload, 'pending', 0, t.at, t.at
    FROM (
      SELECT e.n, e.id AS event_id, e.type, 'webhook' AS kind, w.id AS target_id, w.url AS destination,
             e.occurred_at::timestamptz AS at, ${body} AS payload
      FROM webhooks w CROSS JOIN LATERAL (SELECT * FROM ev WHERE ev.type = ANY (w.events) OFFSET 0) e
      WHERE w.deleted_at IS NULL
      UNION ALL
      SELECT e.n, e.id, e.type, 'robot', r.id, r.url, e.occurred_at::timestamptz, ${body}
      FROM chat_robots r CROSS JOIN LATERAL (SELECT * FROM ev WHERE ev.type = ANY (r.events) OFFSET 0) e
      WHERE r.deleted_at IS NULL
      UNION ALL
      SELECT e.n, e.id, e.type, 'email', u.id, u.email, e.occurred_at::timestamptz, ${body}
      FROM smtp_settings s
        CROSS JOIN LATERAL (SELECT * FROM ev WHERE ev.type = ANY (s.events) OFFSET 0) e
        CROSS JOIN LATERAL json_array_elements_text(e.notify) AS told(user_id)
        JOIN users u ON u.id = told.user_id AND u.active AND u.email <> ''
    ) t
    ORDER BY t.n, t.kind, t.target_id`.execute(trx);
}

export function inboxInsert(notifications: readonly NewNotification[]) {
  const nt = recordset(
    notifications.map((x) => ({
      id: x.id,
      user_id: x.userId,
      event_id: x.event.id,
      type: x.event.type,
      lead_id: x.event.leadId,
      data: x.event.data,
      created_at: x.event.occurredAt,
    })),
    [
      ['id', 'text'],
      ['user_id', 'text'],
      ['event_id', 'text'],
      ['type', 'text'],
      ['lead_id', 'text'],
      ['data', 'jsonb'],
      ['created_at', 'timestamptz'],
    ],
    'x',
  );
  return sql`INSERT INTO notifications (id, user_id, event_id, type, lead_id, data, created_at)
    SELECT id, user_id, event_id, type, lead_id, data, created_at FROM ${nt}`;
}
