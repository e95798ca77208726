/**
 * Bearer-token authentication for every route not marked `config.public`. 401 (problem+json)
 * without a valid token; what a role may do is decided by domain/policy.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from '../services/context.js';
import { authenticateToken } from '../services/users.js';
import { problem, sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export function authenticate(ctx: ServiceContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.public || !request.routeOptions.url) return;
    const header = request.headers.authorization;
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
