/**
 * Web sign-in (SPEC §10.2): password sign-in into a server-side session, throttled failed
 * attempts (per e-mail and per address, counted in the database so that several processes
 * agree), idle expiry by the injected clock, sign-out and changing one's own password.
 * A session is two random values: the cookie (httpOnly) and a CSRF token the page echoes in a
 * header; both are stored only as SHA-256 hashes.
 */
import { InvalidInput } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from '../store/repositories/audit.js';
import {
  clearLoginFailures,
  deleteOtherSessions,
  deleteSession,
  findSessionByTokenHash,
  insertLoginFailures,
  insertSession,
  loginFailuresSince,
  pruneLoginFailures,
  setPasswordHash,
  touchSession,
} from '../store/repositories/sessions.js';
import { findUser, findUserByEmail, type UserRow } from '../store/repositories/users.js';
import type { ServiceContext } from './context.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';
import { actorOf } from './users.js';

/** A session not used for this long has ended. */
export const sessionIdleMs = 8 * 60 * 60_000;
/** Failed sign-ins are counted over this window… */
export const failureWindowMs = 15 * 60_000;
/** …and at this many for one e-mail, or for one address, further attempts answer 429. */
export const maxFailuresPerEmail = 5;
export const maxFailuresPerAddress = 20;
/** last_seen_at is written at most this often, not on every request. */
const touchEveryMs = 60_000;

// Checked against when the e-mail is unknown, so both failures take the time of one scrypt.
const decoyHash = hashPassword('decoy password, never valid');

export type SignInResult =
  | { outcome: 'signed_in'; user: UserRow; sessionToken: string; csrfToken: string }
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; retryAfterSec: number };

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

async function throttledFor(ctx: ServiceContext, now: Date, checks: [string, number][]): Promise<number | null> {
  let wait = 0;
  for (const [key, max] of checks) {
    const failures = await loginFailuresSince(ctx.db, key, new Date(now.getTime() - failureWindowMs));
    if (failures.length >= max) {
      // Allowed again once enough of the counted failures have left the window.
      const releasing = failures[failures.length - max] as Date;
      wait = Math.max(wait, Math.ceil((releasing.getTime() + failureWindowMs - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? wait : null;
}

async function recordFailure(ctx: ServiceContext, now: Date, keys: string[]): Promise<void> {
  await pruneLoginFailures(ctx.db, keys, new Date(now.getTime() - failureWindowMs));
  await insertLoginFailures(
    ctx.db,
    keys.map((key) => ({ id: ctx.newId(), key, at: now })),
  );
}

export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const keys: [string, number][] = [
    [emailKey(input.email), maxFailuresPerEmail],
    [addressKey(input.address), maxFailuresPerAddress],
  ];
  const wait = await throttledFor(ctx, now, keys);
  if (wait !== null) return { outcome: 'throttled', retryAfterSec: wait };

  const user = await findUserByEmail(ctx.db, input.email.trim());
  const valid =
    user?.active && user.password_hash
      ? await verifyPassword(input.password, user.password_hash)
      : (await verifyPassword(input.password, await decoyHash)) && false;
  if (!user || !valid) {
    await recordFailure(
      ctx,
      now,
      keys.map(([key]) => key),
    );
    return { outcome: 'invalid' };
  }

  await clearLoginFailures(ctx.db, emailKey(input.email));
  const sessionToken = newToken();
  const csrfToken = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    const id = ctx.newId();
    await insertSession(trx, {
      id,
      token_hash: hashToken(sessionToken),
      csrf_hash: hashToken(csrfToken),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
    });
    await appendAudit(trx, [
      { id: ctx.newId(), actorId: user.id, action: 'user.signed_in', entityType: 'user', entityId: user.id, at: now },
    ]);
  });
  return { outcome: 'signed_in', user, sessionToken, csrfToken };
}

export interface SessionActor {
  actor: Actor;
  sessionId: string;
  csrfHash: string;
}

/** The signed-in user of a session cookie, or undefined when it is unknown or has been idle too long. */
export async function authenticateSession(ctx: ServiceContext, token: string): Promise<SessionActor | undefined> {
  const found = await findSessionByTokenHash(ctx.db, hashToken(token));
  if (!found) return undefined;
  const now = ctx.clock.now();
  const idle = now.getTime() - new Date(found.session.last_seen_at).getTime();
  if (idle >= sessionIdleMs) {
    await deleteSession(ctx.db, found.session.id);
    return undefined;
  }
  if (idle >= touchEveryMs) await touchSession(ctx.db, found.session.id, now);
  return { actor: actorOf(found.user), sessionId: found.session.id, csrfHash: found.session.csrf_hash };
}

export function csrfMatches(session: SessionActor, headerToken: string): boolean {
  return hashToken(headerToken) === session.csrfHash;
}

export async function signOut(ctx: ServiceContext, actor: Actor, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'user.signed_out',
        entityType: 'user',
        entityId: actor.id,
        at: ctx.clock.now(),
      },
    ]);
  });
}

/**
 * A user changes their own password; every other session of theirs ends (the one in use, if
 * any, stays). A wrong current password counts as a failed sign-in for the e-mail.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: Actor,
  currentSessionId: string | null,
  input: { current: string; password: string },
): Promise<{ outcome: 'changed' } | { outcome: 'throttled'; retryAfterSec: number }> {
  const user = await findUser(ctx.db, actor.id);
  if (!user) throw new InvalidInput([{ field: 'current', message: 'no such user', messageZh: '没有这个用户' }]);
  const now = ctx.clock.now();
  const key = emailKey(user.email);
  const wait = await throttledFor(ctx, now, [[key, maxFailuresPerEmail]]);
  if (wait !== null) return { outcome: 'throttled', retryAfterSec: wait };
  if (!user.password_hash || !(await verifyPassword(input.current, user.password_hash))) {
    await recordFailure(ctx, now, [key]);
    throw new InvalidInput([
      { field: 'current', message: 'is not your current password', messageZh: '不是你当前的密码' },
    ]);
  }
  if (input.current === input.password) {
    throw new InvalidInput([
      { field: 'password', message: 'must differ from the current password', messageZh: '须与当前密码不同' },
    ]);
  }
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, hash, now);
    await deleteOtherSessions(trx, user.id, currentSessionId);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        at: now,
      },
    ]);
  });
  return { outcome: 'changed' };
}
