/** Touches on a lead: calls, e-mails, WeChat, meetings, notes (SPEC §6.1, §10.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logActivity, MAX_DURATION_SEC, readActivities } from '../../services/activities/log-activity.js';
import type { ServiceContext } from '../../services/context.js';
import { previewContact } from '../../services/pool/contact-rules.js';
import { problems } from '../problem.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

const activitySchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    userId: z.string().nullable(),
    type: z.string(),
    durationSec: z.number().nullable(),
    outcome: z.string().nullable(),
    note: z.string().nullable(),
    occurredAt: z.string(),
  })
  .meta({ id: 'Activity' });

export async function activityRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/leads/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary:
          'Log a touch on a lead (call, email, wechat, meeting, note); contacts obey do-not-contact, the frequency cap and quiet hours (409)',
        params: idParams,
        body: z
          .object({
            // Checked by the service so an unknown type is a 400 naming `type` with the valid ones.
            type: z.string().max(20).describe('call | email | wechat | meeting | note'),
            durationSec: z.number().nullish().describe(`call and meeting only; 0–${MAX_DURATION_SEC}`),
            outcome: z.string().max(100).nullish().describe('e.g. connected, no_answer, busy, voicemail'),
            note: z.string().max(5000).nullish(),
            occurredAt: z.string().max(40).nullish().describe('ISO-8601; defaults to now'),
            override: z
              .string()
              .max(500)
              .nullish()
              .describe('the reason to log a contact although it breaks the frequency cap or quiet hours (audited)'),
          })
          .strict(),
        response: {
          201: activitySchema.extend({
            warnings: z
              .array(
                z.object({
                  code: z.string().describe('owned_by_other, or a contact rule overridden or broken by a late log'),
                  message: z.string(),
                  ownerId: z.string().optional(),
                }),
              )
              .describe('the touch is logged; what the caller should know (SPEC §6.3)'),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await logActivity(ctx, request.actor, request.params.id, request.body)),
  );

  api.get(
    '/leads/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'A lead’s activities, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(activitySchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await readActivities(ctx, request.actor, request.params.id) }),
  );

  api.get(
    '/leads/:id/contact-check',
    {
      schema: {
        tags: ['activities'],
        summary: 'May the lead be contacted now? Do-not-contact, the frequency cap and quiet hours (SPEC §6.3)',
        description:
          'Ask before calling or writing: `allowed` is false with the rules in the way and when contact is allowed again. A touch logged anyway is kept, with warnings, and recorded as a broken rule (or overridden, with a reason).',
        params: idParams,
        querystring: z.object({ type: z.enum(['call', 'email', 'wechat', 'meeting']).default('call') }).strict(),
        response: {
          200: z.object({
            allowed: z.boolean(),
            rules: z.array(
              z.object({ code: z.enum(['do_not_contact', 'quiet_hours', 'frequency_cap']), message: z.string() }),
            ),
            ownerId: z.string().nullable().describe('who works the lead now; another person should talk to them first'),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => previewContact(ctx, request.actor, request.params.id, request.query.type),
  );
}
