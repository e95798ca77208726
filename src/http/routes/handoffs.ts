/** Transfer to sales, hand-offs and the dispatch board (SPEC §5, §6.1, §10.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { decideHandoff } from '../../services/handoffs/decide-handoff.js';
import {
  COMMENT_MAX_LENGTH,
  commentOnDispatch,
  readDispatchBoard,
  resolveDispatch,
} from '../../services/handoffs/dispatch-board.js';
import { listHandoffsPage } from '../../services/handoffs/list-handoffs.js';
import { readHandoff, readLeadHandoffs } from '../../services/handoffs/read-handoffs.js';
import { transferLead } from '../../services/handoffs/transfer-lead.js';
import { problems } from '../problem.js';
import { routingStepSchema } from './routing-step.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

const handoffSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    sdrId: z.string().nullable(),
    repId: z.string().nullable(),
    kind: z.enum(['assign', 'sync', 'dispatch']),
    mode: z.enum(['auto', 'manual', 'direct']),
    status: z.string(),
    credit: z.number().describe('SDR credit: 1, or 1/3 for a sync to an active owner'),
    dueAt: z.string().nullable().describe('acceptance deadline; null while a dispatch waits for a rep'),
    firstContactDueAt: z.string().nullable().describe('an idle account owner must make contact by then'),
    requestReason: z.string().nullable(),
    explanation: z.array(routingStepSchema).describe('every rule tried, every rep skipped and why, and the pick'),
    package: z
      .record(z.string(), z.unknown())
      .describe('the MQL package: sources, behaviour, calls and notes, answers, score'),
    createdAt: z.string(),
    remindedAt: z.string().nullable().describe('when the acceptance reminder went to the rep'),
    breachedAt: z.string().nullable().describe('when the acceptance deadline passed undecided (recorded once)'),
    firstContactBreachedAt: z.string().nullable().describe('when an account owner missed the first-contact deadline'),
    decision: z
      .object({ reason: z.string().nullable(), note: z.string().nullable(), by: z.string().nullable(), at: z.string() })
      .nullable()
      .describe('accept / reject / return: reason, note, who and when; null while pending'),
  })
  .meta({ id: 'Handoff' });

const commentSchema = z.object({ id: z.string(), userId: z.string(), body: z.string(), at: z.string() });

export async function handoffRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/leads/:id/transfer',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'Transfer a lead to sales: routed to a rep (auto) or to the dispatch board (manual)',
        params: idParams,
        body: z
          .object({
            mode: z.enum(['auto', 'manual']),
            reason: z.string().max(2000).optional().describe('required for manual'),
            overrideReason: z
              .string()
              .max(2000)
              .optional()
              .describe('sdr_lead only: transfer although the lead fails the MQL definition'),
          })
          .strict(),
        response: {
          201: z.object({ handoff: handoffSchema }),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const handoff = await transferLead(ctx, request.actor, request.params.id, request.body);
      return reply.code(201).send({ handoff });
    },
  );

  api.get(
    '/leads/:id/handoffs',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'A lead’s hand-offs, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(handoffSchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await readLeadHandoffs(ctx, request.actor, request.params.id) }),
  );

  api.get(
    '/handoffs/:id',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'One hand-off with its routing explanation and MQL package',
        params: idParams,
        response: { 200: handoffSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => readHandoff(ctx, request.actor, request.params.id),
  );

  api.get(
    '/handoffs',
    {
      schema: {
        tags: ['handoffs'],
        summary:
          'Hand-offs in the caller’s scope (a rep their own, a sales manager their team’s, an SDR those they made), with lead and acceptance SLA',
        querystring: z.object({
          state: z.enum(['pending', 'accepted', 'rejected', 'returned', 'recalled']).optional(),
          repId: z.string().min(1).max(100).optional().describe('the receiving rep (a sales rep: only their own id)'),
          sdrId: z.string().min(1).max(100).optional().describe('the SDR who made the hand-off'),
          leadId: z.string().min(1).max(100).optional(),
          order: z
            .enum(['newest', 'due'])
            .optional()
            .describe('newest first, or the earliest deadline first; default due for state=pending, else newest'),
          cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                handoff: handoffSchema,
                lead: z.object({
                  id: z.string(),
                  name: z.string().nullable(),
                  company: z.string().nullable(),
                  status: z.string().nullable(),
                }),
                sdrName: z.string().nullable(),
                repName: z.string().nullable(),
                sla: z
                  .object({
                    clock: z.enum(['wall', 'business']),
                    dueAt: z.string(),
                    remindAt: z.string().nullable(),
                    remainingMs: z.number().describe('time left on the SLA clock; negative when overdue'),
                    remainingMinutes: z.number().int(),
                    running: z.boolean().describe('the clock runs now (a business clock stops outside working time)'),
                    state: z.enum(['ok', 'reminder', 'breached']),
                    asOf: z.string().describe('the server time of these figures'),
                  })
                  .nullable()
                  .describe('the acceptance SLA of a pending hand-off; null once decided'),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listHandoffsPage(ctx, request.actor, request.query),
  );

  api.get(
    '/dispatches',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'Open manual dispatches, oldest first, with their reasons and comments',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                handoff: handoffSchema,
                lead: z
                  .object({
                    id: z.string(),
                    name: z.string().nullable(),
                    company: z.string().nullable(),
                    title: z.string().nullable(),
                    region: z.string().nullable(),
                    industry: z.string().nullable(),
                    score: z.number(),
                    grade: z.string().nullable(),
                  })
                  .nullable(),
                comments: z.array(commentSchema),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({ items: await readDispatchBoard(ctx, request.actor, request.query.limit) }),
  );

  api.post(
    '/dispatches/:id/comments',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'Add what you know to a dispatch request',
        params: idParams,
        body: z.object({ body: z.string().min(1).max(COMMENT_MAX_LENGTH) }).strict(),
        response: { 201: commentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commentOnDispatch(ctx, request.actor, request.params.id, request.body.body)),
  );

  api.post(
    '/dispatches/:id/resolve',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'Resolve a dispatch: assign to a rep, or sync to the existing owner with partial credit',
        params: idParams,
        body: z
          .object({
            repId: z.string().min(1).max(100),
            as: z.enum(['assign', 'sync']).optional().describe('sync = already the account owner in CRM (credit 1/3)'),
          })
          .strict(),
        response: { 200: z.object({ handoff: handoffSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({ handoff: await resolveDispatch(ctx, request.actor, request.params.id, request.body) }),
  );
  api.post(
    '/handoffs/:id/accept',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'The rep accepts an MQL: the lead becomes an SQL held by the rep',
        params: idParams,
        body: z
          .object({ note: z.string().max(2000).optional() })
          .strict()
          .optional(),
        response: { 200: z.object({ handoff: handoffSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      handoff: await decideHandoff(ctx, request.actor, request.params.id, 'accept', { note: request.body?.note }),
    }),
  );

  for (const decision of ['reject', 'return'] as const) {
    api.post(
      `/handoffs/:id/${decision}`,
      {
        schema: {
          tags: ['handoffs'],
          summary:
            decision === 'reject'
              ? 'The rep rejects a pending MQL: back to the SDR who sent it (working) or to the pool'
              : 'The rep returns an accepted lead: back to the SDR, working, flagged MRL',
          params: idParams,
          body: z
            .object({
              // Checked by the service: a missing or unknown reason is a 400 listing the valid codes.
              reason: z.string().max(40).optional().describe(`an active code of GET /reasons/${decision}`),
              note: z.string().max(2000).optional(),
            })
            .strict(),
          response: { 200: z.object({ handoff: handoffSchema }), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        handoff: await decideHandoff(ctx, request.actor, request.params.id, decision, request.body),
      }),
    );
  }
}
