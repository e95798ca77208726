import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../services/context.js';

export async function rosterRoutes(_app: FastifyInstance, _ctx: ServiceContext) {}
