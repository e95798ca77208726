/** Lead capture and reading (SPEC §2, §10.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { leadStatuses } from '../../domain/lead-status.js';
import { bulkLimit, captureBulk, captureLead } from '../../services/capture-lead.js';
import type { ServiceContext } from '../../services/context.js';
import { leadInputSchema } from '../../services/lead-input-schema.js';
import { listLeadsPage, readLead, readTimeline } from '../../services/read-leads.js';
import { leadSchema, presentLead } from '../presenters/lead.js';
import { fieldErrorSchema, problems } from '../problem.js';

const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('a retried request with the same key returns the first answer'),
});

const timelineEntrySchema = z
  .object({
    type: z.enum(['touch', 'activity', 'behaviour', 'score', 'change']),
    at: z.string(),
    actorId: z.string().nullable(),
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });

const leadIdParams = z.object({ id: z.string().min(1).max(100) });

export async function leadRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'Capture one lead (a repeat merges into the existing lead)',
        headers: idempotencyHeaders,
        body: leadInputSchema,
        response: {
          200: z.object({ lead: leadSchema, merged: z.literal(true) }).describe('merged into an existing lead'),
          201: z.object({ lead: leadSchema, merged: z.literal(false) }).describe('a new lead'),
          ...problems(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { status, lead, merged } = await captureLead(
        ctx,
        request.actor,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(status).send({ lead: presentLead(lead), merged } as never);
    },
  );

  api.post(
    '/leads/bulk',
    {
      schema: {
        tags: ['leads'],
        summary: `Capture up to ${bulkLimit} leads; each item succeeds or fails on its own`,
        headers: idempotencyHeaders,
        body: z
          .object({ leads: z.array(z.unknown()).min(1).max(bulkLimit, `at most ${bulkLimit} leads per call`) })
          .strict(),
        response: {
          200: z.object({
            created: z.number().int(),
            merged: z.number().int(),
            failed: z.array(z.object({ index: z.number().int(), errors: z.array(fieldErrorSchema) })),
            results: z.array(z.object({ index: z.number().int(), id: z.string(), merged: z.boolean() })),
          }),
          ...problems(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request) =>
      (await captureBulk(ctx, request.actor, request.body.leads, request.headers['idempotency-key'])).body,
  );

  api.get(
    '/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'List leads in the caller’s scope, newest first (cursor pagination)',
        querystring: z
          .object({
            status: z.enum(leadStatuses).optional(),
            ownerId: z.string().optional().describe('a user id, "me", or "none" for unowned leads'),
            channel: z.string().optional(),
            externalId: z
              .string()
              .optional()
              .describe('the lead with this external id, live or history (unless `history` is given)'),
            history: z
              .enum(['true', 'false'])
              .optional()
              .describe('history leads (imported to learn from) instead of live ones (the default)'),
            q: z.string().max(100).optional().describe('search name, company, phone or e-mail'),
            createdFrom: z.iso.datetime({ offset: true }).optional(),
            createdTo: z.iso.datetime({ offset: true }).optional(),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(leadSchema), nextCursor: z.string().nullable() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const ownerId = q.ownerId === 'none' ? null : q.ownerId === 'me' ? request.actor.id : q.ownerId;
      const page = await listLeadsPage(
        ctx,
        request.actor,
        {
          status: q.status,
          ownerId,
          channel: q.channel,
          externalId: q.externalId,
          // An external id finds its lead in either set; otherwise live leads unless history is asked for.
          history: q.history !== undefined ? q.history === 'true' : q.externalId !== undefined ? undefined : false,
          q: q.q,
          createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
          createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
        },
        { cursor: q.cursor, limit: q.limit },
      );
      return { items: page.items.map(presentLead), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'Read a lead',
        params: leadIdParams,
        response: { 200: leadSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => presentLead(await readLead(ctx, request.actor, request.params.id)),
  );

  api.get(
    '/leads/:id/timeline',
    {
      schema: {
        tags: ['leads'],
        summary: 'Every touch, behaviour, score change and state change of a lead, oldest first',
        params: leadIdParams,
        response: { 200: z.object({ items: z.array(timelineEntrySchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const entries = await readTimeline(ctx, request.actor, request.params.id);
      return { items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
}
