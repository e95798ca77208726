import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function accountRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
