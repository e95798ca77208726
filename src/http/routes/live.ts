/**
 * GET /api/v1/live (issue 8 item 9): a server-sent event stream telling the signed-in user,
 * without a reload, that something of theirs happened — a new hand-off, an SLA reminder, a
 * re-surfaced lead… (`event: notification`, data `{"types": [...]}`). It carries no lead data:
 * the console refetches what it shows. Heard from every server process on the database.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { problems } from '../problem.js';

const HEARTBEAT_MS = 25_000;
const RECONNECT_AFTER_MS = 5_000;

export async function liveRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Open streams would hold the server's close: end them first.
  app.addHook('preClose', async () => ctx.live.endAll());

  api.get(
    '/live',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Live updates for the caller (text/event-stream: `notification` events naming event types)',
        response: {
          200: {
            description: 'an event stream that stays open: `ready` once, then `notification` events',
            content: {
              'text/event-stream': {
                schema: z.string().describe('event: notification\ndata: {"types": ["handoff.created"]}'),
              },
            },
          },
          ...problems(401),
        },
      },
    },
    async (request, reply) => {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write(`retry: ${RECONNECT_AFTER_MS}\nevent: ready\ndata: {}\n\n`);
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const unsubscribe = ctx.live.subscribe({
        userId: request.actor.id,
        send: (types) => stream.write(`event: notification\ndata: ${JSON.stringify({ types })}\n\n`),
        end: () => stream.end(),
      });
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
