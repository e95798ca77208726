/** Issue 5 slice: filled by the slice that owns it. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function poolRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
