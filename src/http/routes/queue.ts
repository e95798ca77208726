/** The SDR work queue (SPEC §10, §10.1): MRL first, then SLA-due, then re-surfaced, then score. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queuePriorities } from '../../domain/queue/rank-queue.js';
import type { ServiceContext } from '../../services/context.js';
import { PREDICTED_WINDOW, QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT, readQueue } from '../../services/queue/read-queue.js';
import { leadSchema, presentLead } from '../presenters/lead.js';
import { problems } from '../problem.js';

const queueItemSchema = z
  .object({
    lead: leadSchema,
    reason: z.string().describe('why it sits here, 中文 / English, e.g. "首次触达截止 10:30 / first touch due 10:30"'),
    priority: z
      .enum(queuePriorities)
      .describe('mrl (returned by sales), sla_due (a deadline within 48 h), resurfaced (back from the pool), score'),
    reasons: z
      .array(
        z.object({
          code: z.enum(['mrl', 'first_touch_due', 'recall_due', 'recall_warning', 'resurfaced', 'score', 'predicted']),
          text: z.string(),
          at: z.string().nullable().describe('returned at, due at, re-surfaced at'),
        }),
      )
      .describe('every reason that applies, the deciding one first'),
    dueAt: z.string().nullable().describe('the soonest open SLA deadline (first touch, recall), however far'),
    predicted: z
      .number()
      .nullable()
      .describe('the active predictive model’s probability of reaching its target; null when none is active'),
  })
  .meta({ id: 'QueueItem' });

export async function queueRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/queue',
    {
      schema: {
        tags: ['queue'],
        summary:
          'The caller’s prioritised work queue: MRL first, then SLA-due, then re-surfaced, then score (cursor pagination)',
        querystring: z
          .object({
            sdrId: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe("whose queue: an SDR lead may read their team's SDRs, an admin anyone's"),
            scope: z
              .enum(['all', 'own'])
              .default('all')
              .describe('all: own new/working leads and the shared queue of unowned new leads; own: own leads only'),
            limit: z.coerce.number().int().min(1).max(QUEUE_MAX_LIMIT).default(QUEUE_DEFAULT_LIMIT),
            sort: z
              .enum(['score', 'predicted'])
              .default('score')
              .describe(
                'after MRL, SLA-due and re-surfaced leads: by rule score, or by the active model’s probability ' +
                  `(among the ${PREDICTED_WINDOW} best-scored candidates)`,
              ),
            cursor: z
              .string()
              .max(1000)
              .optional()
              .describe('the nextCursor of the page before: the page after it, as the queue stands now'),
          })
          .strict(),
        response: {
          200: z.object({
            sdrId: z.string(),
            items: z.array(queueItemSchema),
            nextCursor: z.string().nullable().describe('the next page’s cursor; null on the last page'),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { sdrId, items, nextCursor } = await readQueue(ctx, request.actor, request.query);
      return {
        sdrId,
        nextCursor,
        items: items.map((i) => ({
          ...i,
          lead: presentLead(i.lead),
          reasons: i.reasons.map((r) => ({ ...r, at: r.at?.toISOString() ?? null })),
          dueAt: i.dueAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
