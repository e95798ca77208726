/**
 * Web sign-in (SPEC §10.2): POST /auth/login sets the httpOnly session cookie and the
 * readable CSRF cookie; POST /auth/logout ends the session; GET /auth/me tells who is signed
 * in; PUT /users/me/password changes one's own password.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { changeOwnPassword, signIn, signOut } from '../../services/sessions.js';
import { findUser } from '../../store/repositories/users.js';
import { csrfCookie, sessionCookie } from '../auth.js';
import { presentUser, userSchema } from '../presenters/user.js';
import { problem, problems, sendProblem } from '../problem.js';

const signedInSchema = z.object({ user: userSchema });

function cookie(request: FastifyRequest, name: string, value: string, options: { httpOnly: boolean; clear?: boolean }) {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly) parts.push('HttpOnly');
  if (request.protocol === 'https') parts.push('Secure');
  if (options.clear) parts.push('Max-Age=0');
  return parts.join('; ');
}

function clearCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', [
    cookie(request, sessionCookie, '', { httpOnly: true, clear: true }),
    cookie(request, csrfCookie, '', { httpOnly: false, clear: true }),
  ]);
}

export async function authRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password: sets the session cookie (httpOnly) and the CSRF cookie',
        description:
          'The same 401 for an unknown e-mail and a wrong password. After 5 failures for one e-mail, or 20 from one address, within 15 minutes: 429 with Retry-After. Writes signed in by the cookie must send the leadloop_csrf cookie value in an X-CSRF-Token header.',
        security: [],
        body: z
          .object({
            email: z.string().trim().min(1, 'is required').max(254),
            password: z.string().min(1, 'is required').max(200),
          })
          .strict(),
        response: { 200: signedInSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await signIn(ctx, { ...request.body, address: request.ip });
      if (result.outcome === 'throttled') {
        return sendProblem(
          reply.header('retry-after', String(result.retryAfterSec)),
          problem(429, `too many failed sign-ins: try again in ${result.retryAfterSec} s`),
        );
      }
      if (result.outcome === 'invalid') {
        return sendProblem(reply, problem(401, 'the e-mail or the password is not right'));
      }
      reply.header('set-cookie', [
        cookie(request, sessionCookie, result.sessionToken, { httpOnly: true }),
        cookie(request, csrfCookie, result.csrfToken, { httpOnly: false }),
      ]);
      reply.header('cache-control', 'no-store');
      return { user: presentUser(result.user) };
    },
  );

  api.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session of the cookie (a bearer token is not affected)',
        response: { 200: z.object({ signedOut: z.literal(true) }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      if (request.session) await signOut(ctx, request.actor, request.session.sessionId);
      clearCookies(request, reply);
      return { signedOut: true as const };
    },
  );

  api.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in',
        response: { 200: signedInSchema, ...problems(401) },
      },
    },
    async (request) => {
      const user = await findUser(ctx.db, request.actor.id);
      if (!user) throw new NotFound('user');
      return { user: presentUser(user) };
    },
  );

  api.put(
    '/users/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: "Change one's own password; every other session of the user ends",
        body: z
          .object({
            current: z.string().min(1, 'is required').max(200),
            password: z.string().min(8, 'must be at least 8 characters').max(200),
          })
          .strict(),
        response: { 200: signedInSchema, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await changeOwnPassword(ctx, request.actor, request.session?.sessionId ?? null, request.body);
      if (result.outcome === 'throttled') {
        return sendProblem(
          reply.header('retry-after', String(result.retryAfterSec)),
          problem(429, `too many wrong passwords: try again in ${result.retryAfterSec} s`),
        );
      }
      const user = await findUser(ctx.db, request.actor.id);
      if (!user) throw new NotFound('user');
      return { user: presentUser(user) };
    },
  );
}
