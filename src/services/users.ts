/** Roster and credentials (SPEC §1, §10.1): users, teams, API tokens, the bootstrap admin. */
import type { Transaction } from 'kysely';
import { Conflict, InvalidInput, NotFound } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor, Role } from '../domain/roles.js';
import { lockKeys } from '../store/advisory-locks.js';
import { appendAudit } from '../store/repositories/audit.js';
import {
  countUsers,
  findTeamByIdOrName,
  findUser,
  findUserByEmail,
  findUserByTokenHash,
  insertTeam,
  insertToken,
  insertUser,
  lockUsersTable,
  type TeamRow,
  type UserRow,
} from '../store/repositories/users.js';
import type { Database } from '../store/schema.js';
import type { ServiceContext } from './context.js';
import { hashPassword, hashToken, newPassword, newToken } from './secrets.js';

export function actorOf(user: UserRow): Actor {
  return { id: user.id, role: user.role as Role, teamId: user.team_id, name: user.name };
}

export async function authenticateToken(ctx: ServiceContext, token: string): Promise<Actor | undefined> {
  const tokenHash = hashToken(token);
  return ctx.tokens.resolve(tokenHash, async () => {
    const user = await findUserByTokenHash(ctx.db, tokenHash);
    return user ? actorOf(user) : undefined;
  });
}

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  team?: string | null;
  password?: string | null;
}

async function insertTeamAudited(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  team: TeamRow,
): Promise<void> {
  await insertTeam(trx, team);
  await appendAudit(trx, [
    {
      id: ctx.newId(),
      actorId: actor.id,
      action: 'team.created',
      entityType: 'team',
      entityId: team.id,
      to: { name: team.name, managerId: team.manager_id },
      at: team.created_at,
    },
  ]);
}

async function teamFor(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  idOrName: string,
): Promise<TeamRow> {
  await lockKeys(trx, [`team:${idOrName}`]); // users created at once naming one new team make one team
  const existing = await findTeamByIdOrName(trx, idOrName);
  if (existing) return existing;
  // A team named for the first time is created: rosters are entered user by user.
  const team = { id: ctx.newId(), name: idOrName, manager_id: null, created_at: ctx.clock.now() };
  await insertTeamAudited(trx, ctx, actor, team);
  return team;
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUser): Promise<UserRow> {
  authorize(actor, 'users.manage');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`user-email:${input.email.toLowerCase()}`]);
    if (await findUserByEmail(trx, input.email)) {
      throw new Conflict(`a user with the e-mail ${input.email} exists already`);
    }
    const team = input.team ? await teamFor(trx, ctx, actor, input.team) : null;
    const now = ctx.clock.now();
    const user = {
      id: ctx.newId(),
      name: input.name,
      email: input.email.toLowerCase(),
      role: input.role,
      team_id: team?.id ?? null,
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    };
    await insertUser(trx, user);
    if (team && input.role === 'sales_manager' && !team.manager_id) {
      await trx.updateTable('teams').set({ manager_id: user.id }).where('id', '=', team.id).execute();
    }
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        to: { name: user.name, email: user.email, role: user.role, teamId: user.team_id },
        at: now,
      },
    ]);
    return { ...user, active: true };
  });
}

export async function issueToken(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  label?: string | null,
): Promise<{ id: string; token: string }> {
  authorize(actor, 'users.manage');
  const user = await findUser(ctx.db, userId);
  if (!user) throw new NotFound(`user ${userId}`);
  const token = newToken();
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await insertToken(trx, { id, userId, tokenHash: hashToken(token), label: label ?? null, at: now });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'token.issued',
        entityType: 'user',
        entityId: userId,
        to: { tokenId: id, label: label ?? null },
        at: now,
      },
    ]);
  });
  return { id, token };
}

export async function createTeam(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; managerId?: string | null },
): Promise<TeamRow> {
  authorize(actor, 'teams.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`team:${input.name}`]);
    if (await findTeamByIdOrName(trx, input.name)) throw new Conflict(`a team named ${input.name} exists already`);
    if (input.managerId && !(await findUser(trx, input.managerId))) {
      throw new InvalidInput([{ field: 'managerId', message: 'no such user', messageZh: '没有这个用户' }]);
    }
    const team = {
      id: ctx.newId(),
      name: input.name,
      manager_id: input.managerId ?? null,
      created_at: ctx.clock.now(),
    };
    await insertTeamAudited(trx, ctx, actor, team);
    return team;
  });
}

/**
 * First start of an empty database (SPEC §10.1, §10.2): an admin whose bearer token is
 * LEADLOOP_ADMIN_TOKEN and password LEADLOOP_ADMIN_PASSWORD; whatever was not given is
 * generated and returned so `start` can print it once.
 */
export async function bootstrapAdmin(
  ctx: ServiceContext,
  given: { token?: string; email: string; password?: string },
): Promise<
  | { created: false }
  | {
      created: true;
      email: string;
      token: string;
      tokenGenerated: boolean;
      password: string;
      passwordGenerated: boolean;
    }
> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockUsersTable(trx); // two processes starting at once on one PostgreSQL make one admin
    if ((await countUsers(trx)) > 0) return { created: false } as const;
    const token = given.token ?? newToken();
    const password = given.password ?? newPassword();
    const now = ctx.clock.now();
    const id = ctx.newId();
    await insertUser(trx, {
      id,
      name: 'Administrator',
      email: given.email.toLowerCase(),
      role: 'admin',
      team_id: null,
      password_hash: await hashPassword(password),
      created_at: now,
      updated_at: now,
    });
    await insertToken(trx, { id: ctx.newId(), userId: id, tokenHash: hashToken(token), label: 'bootstrap', at: now });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        to: { role: 'admin', email: given.email },
        reason: 'bootstrap admin on first start',
        at: now,
      },
    ]);
    return {
      created: true,
      email: given.email,
      token,
      tokenGenerated: !given.token,
      password,
      passwordGenerated: !given.password,
    } as const;
  });
}
