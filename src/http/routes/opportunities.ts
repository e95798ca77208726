/** Opportunities on leads handed to sales (SPEC §6.1, §10.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NAME_MAX_LENGTH, REASON_MAX_LENGTH } from '../../domain/opportunities/opportunity-input.js';
import { closingActions } from '../../domain/opportunities/opportunity-rules.js';
import { opportunityStages } from '../../domain/opportunities/opportunity-stage.js';
import type { ServiceContext } from '../../services/context.js';
import { closeOpportunityAs } from '../../services/opportunities/close-opportunity.js';
import { readLeadOpportunities, readOpportunity } from '../../services/opportunities/read-opportunities.js';
import { registerOpportunity } from '../../services/opportunities/register-opportunity.js';
import { problems } from '../problem.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

const opportunitySchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    handoffId: z.string().nullable().describe('the accepted hand-off it follows; its SDR is credited (§8.3)'),
    sdrId: z.string().nullable().describe('the SDR who made that hand-off'),
    repId: z.string().nullable().describe('the rep who accepted it'),
    acceptedAt: z.string().nullable().describe('when the hand-off was accepted: the 45-day credit window starts here'),
    name: z.string().nullable(),
    partnerName: z
      .string()
      .nullable()
      .describe('the partner who introduced it; its commission is split with the SDR (§8.3)'),
    amount: z.number(),
    currency: z.string().describe('ISO 4217'),
    stage: z.enum(opportunityStages),
    expectedCloseAt: z.string().nullable(),
    createdAt: z.string().describe('registration time, by the server clock'),
    createdBy: z.string().nullable(),
    withdrawnAt: z.string().nullable().describe('the 14-day withdrawal window of the credit rule reads it'),
    closedAt: z.string().nullable().describe('won or lost date'),
    closedBy: z.string().nullable(),
    reason: z.string().nullable().describe('why it was withdrawn or lost'),
    updatedAt: z.string(),
  })
  .meta({ id: 'Opportunity' });

const isoText = z.string().max(40).describe('ISO-8601 date (2026-06-30) or time with a zone');
// Checked by the service so a negative, too large or over-precise amount is a 400 naming `amount`.
const amount = z.number().describe('0 or more, at most 2 decimal places');

const closingBodies = {
  withdraw: z
    .object({ reason: z.string().max(REASON_MAX_LENGTH).optional() })
    .strict()
    .nullish(),
  win: z
    .object({
      amount: amount.optional().describe('the final amount; replaces the registered one'),
      closedAt: isoText.optional().describe('won date; defaults to now; not in the future'),
    })
    .strict()
    .nullish(),
  lose: z
    .object({
      reason: z.string().max(REASON_MAX_LENGTH).optional().describe('required'),
      closedAt: isoText.optional().describe('lost date; defaults to now; not in the future'),
    })
    .strict(),
} as const;

const closingSummaries = {
  withdraw: 'Withdraw an open opportunity (dated now); the lead goes back to sql',
  win: 'Win an open opportunity: final amount and won date; the lead is won',
  lose: 'Lose an open opportunity (reason required); the lead is lost',
} as const;

export async function opportunityRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/leads/:id/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Register an opportunity on a lead the rep holds after accepting its hand-off (sql)',
        params: idParams,
        body: z
          .object({
            amount,
            expectedCloseAt: isoText.nullish(),
            name: z.string().max(NAME_MAX_LENGTH).nullish(),
            currency: z.string().max(3).nullish().describe('ISO 4217; CNY when left out'),
            partnerName: z
              .string()
              .max(NAME_MAX_LENGTH)
              .nullish()
              .describe('the partner who introduced it, on a lead the SDR was nurturing (§8.3 commission split)'),
          })
          .strict(),
        response: { 201: opportunitySchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerOpportunity(ctx, request.actor, request.params.id, request.body)),
  );

  api.get(
    '/leads/:id/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'A lead’s opportunities, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(opportunitySchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await readLeadOpportunities(ctx, request.actor, request.params.id) }),
  );

  api.get(
    '/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'One opportunity with the hand-off it credits',
        params: idParams,
        response: { 200: opportunitySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => readOpportunity(ctx, request.actor, request.params.id),
  );

  for (const action of closingActions) {
    api.post(
      `/opportunities/:id/${action}`,
      {
        schema: {
          tags: ['opportunities'],
          summary: closingSummaries[action],
          params: idParams,
          body: closingBodies[action],
          response: { 200: opportunitySchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        closeOpportunityAs(
          ctx,
          request.actor,
          request.params.id,
          action,
          (request.body ?? {}) as Record<string, unknown>,
        ),
    );
  }
}
