/** Browser sessions and failed sign-ins (SPEC §10.2). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { SessionsTable } from '../schema-sessions.js';
import type { UserRow } from './users.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with this token hash and its (active) user. */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as s_id',
      'sessions.token_hash as s_token_hash',
      'sessions.csrf_hash as s_csrf_hash',
      'sessions.user_id as s_user_id',
      'sessions.created_at as s_created_at',
      'sessions.last_seen_at as s_last_seen_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_token_hash, s_csrf_hash, s_user_id, s_created_at, s_last_seen_at, ...user } = row;
  return {
    session: {
      id: s_id,
      token_hash: s_token_hash,
      csrf_hash: s_csrf_hash,
      user_id: s_user_id,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
    },
    user: user as UserRow,
  };
}

export async function touchSession(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user but one (after a password change). */
export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepId: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '<>', keepId);
  await q.execute();
}

export async function insertLoginFailures(db: Kysely<Database>, rows: { id: string; key: string; at: Date }[]) {
  if (rows.length) await db.insertInto('login_failures').values(rows).execute();
}

/** Failures of a key since a time, oldest first (only their times). */
export async function loginFailuresSince(db: Kysely<Database>, key: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => new Date(r.at));
}

/** Failures that have left the window count no more: keep the table small. */
export async function pruneLoginFailures(db: Kysely<Database>, keys: string[], before: Date): Promise<void> {
  if (keys.length) await db.deleteFrom('login_failures').where('key', 'in', keys).where('at', '<=', before).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function setPasswordHash(db: Kysely<Database>, userId: string, hash: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
}
