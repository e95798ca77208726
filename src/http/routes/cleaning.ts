import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function cleaningRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
