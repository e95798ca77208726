import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function handoffRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
