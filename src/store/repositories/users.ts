import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, TeamsTable, UsersTable } from '../schema.js';

export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findUserByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>, filter: { role?: string; teamId?: string }): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll();
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function insertUser(trx: Transaction<Database>, user: Omit<UserRow, 'active'>): Promise<void> {
  await trx.insertInto('users').values(user).execute();
}

export async function insertToken(
  trx: Transaction<Database>,
  token: { id: string; userId: string; tokenHash: string; label: string | null; at: Date },
): Promise<void> {
  await trx
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      token_hash: token.tokenHash,
      label: token.label,
      created_at: token.at,
    })
    .execute();
}

export async function findTeamByIdOrName(db: Kysely<Database>, idOrName: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
}

export async function insertTeam(trx: Transaction<Database>, team: TeamRow): Promise<void> {
  await trx.insertInto('teams').values(team).execute();
}

export async function listTeams(db: Kysely<Database>): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}

export async function lockUsersTable(trx: Transaction<Database>): Promise<void> {
  await sql`LOCK TABLE users IN EXCLUSIVE MODE`.execute(trx);
}
