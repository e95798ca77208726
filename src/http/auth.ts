/**
 * Authentication for every API route not marked `config.public`: a bearer token
 * (`Authorization: Bearer …`, SPEC §10.1) or the web console's session cookie (SPEC §10.2).
 * Cookie-authenticated writes must echo the CSRF token (double submit: the readable
 * `leadloop_csrf` cookie in an `X-CSRF-Token` header, checked against the session); bearer
 * requests are exempt, as no browser attaches them on its own. 401 (problem+json) without a
 * valid credential; what a role may do is decided by domain/policy.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from '../services/context.js';
import { authenticateSession, csrfMatches, type SessionActor } from '../services/sessions.js';
import { authenticateToken } from '../services/users.js';
import { problem, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Set when the caller is signed in by the session cookie (not by a bearer token). */
    session: SessionActor | undefined;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export const sessionCookie = 'leadloop_session';
export const csrfCookie = 'leadloop_csrf';
export const csrfHeader = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie of the request (no cookie library needed for two names). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function authenticate(ctx: ServiceContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url;
    // The web console's files (outside /api) are public; the API signs in.
    if (request.routeOptions.config?.public || !url || !url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const sessionToken = header ? undefined : readCookie(request, sessionCookie);
    if (sessionToken) return authenticateByCookie(ctx, request, reply, sessionToken);
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      return sendProblem(
        reply.header('www-authenticate', 'Bearer'),
        problem(401, 'send a bearer token: Authorization: Bearer <token>'),
      );
    }
    const actor = await authenticateToken(ctx, token);
    if (!actor)
      return sendProblem(
        reply.header('www-authenticate', 'Bearer error="invalid_token"'),
        problem(401, 'the bearer token is not valid'),
      );
    request.actor = actor;
  };
}

async function authenticateByCookie(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  sessionToken: string,
) {
  const session = await authenticateSession(ctx, sessionToken);
  if (!session) {
    return sendProblem(
      reply.header('www-authenticate', 'Bearer'),
      problem(401, 'your session has ended: sign in again'),
    );
  }
  if (!safeMethods.has(request.method)) {
    const sent = request.headers[csrfHeader];
    const echoed = typeof sent === 'string' ? sent : undefined;
    if (!echoed || echoed !== readCookie(request, csrfCookie) || !csrfMatches(session, echoed)) {
      return sendProblem(
        reply,
        problem(403, 'a write signed in by cookie must send the leadloop_csrf cookie value in an X-CSRF-Token header'),
      );
    }
  }
  request.actor = session.actor;
  request.session = session;
}
