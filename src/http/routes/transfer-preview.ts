/** GET /leads/{id}/transfer-preview: what a transfer would do now, changing nothing. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { previewTransfer } from '../../services/handoffs/preview-transfer.js';
import { problems } from '../problem.js';
import { routingStepSchema } from './routing-step.js';

const previewSchema = z
  .object({
    mql: z.object({
      version: z.number().int().describe('the MQL definition version in force'),
      passed: z.boolean(),
      unmet: z.array(z.object({ criterion: z.string(), detail: z.string(), detailZh: z.string() })),
    }),
    routing: z.object({
      kind: z.enum(['assign', 'sync', 'dispatch']),
      repId: z.string().nullable().describe('the rep the rules pick now; null when it would go to dispatch'),
      credit: z.number(),
      explanation: z.array(routingStepSchema),
    }),
  })
  .meta({ id: 'TransferPreview' });

export async function transferPreviewRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/leads/:id/transfer-preview',
    {
      schema: {
        tags: ['handoffs'],
        summary:
          'What a transfer would do now: the MQL check and the rep routing would pick, with why (changes nothing)',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: previewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => previewTransfer(ctx, request.actor, request.params.id),
  );
}
