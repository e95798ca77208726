import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function enrichmentRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
