/** Cleaning (SPEC §3, §10.1): reason taxonomies, ICP rules, disqualify and requalify. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { comparisonOps, type IcpCondition } from '../../domain/cleaning/icp-rules.js';
import { reasonKinds } from '../../domain/cleaning/reasons.js';
import { disqualifyLead, requalifyLead } from '../../services/cleaning/disqualify-lead.js';
import { readIcpRules, saveIcpRules } from '../../services/cleaning/icp-rules.js';
import { readReasons, replaceReasons } from '../../services/cleaning/reasons.js';
import type { ServiceContext } from '../../services/context.js';
import { leadSchema, presentLead } from '../presenters/lead.js';
import { problems } from '../problem.js';

const reasonSchema = z
  .object({
    code: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    active: z.boolean(),
    position: z.number().int(),
    used: z.boolean().describe('given to something already: leaving it out of a new list deactivates it'),
  })
  .meta({ id: 'Reason' });

const reasonListSchema = z.object({ kind: z.string(), items: z.array(reasonSchema) });

const comparisonSchema = z.object({
  field: z
    .string()
    .describe(
      'name, company, title, region, regionCode, industry, channel, email, emailDomain, phone, employees or fields.<attribute>',
    ),
  op: z.enum(comparisonOps),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});
const conditionSchema: z.ZodType<IcpCondition> = z
  .lazy(() =>
    z.union([
      comparisonSchema,
      z.object({ all: z.array(conditionSchema) }),
      z.object({ any: z.array(conditionSchema) }),
      z.object({ not: conditionSchema }),
    ]),
  )
  .meta({ id: 'IcpCondition' });

const icpRuleSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    condition: conditionSchema,
    action: z.enum(['disqualify', 'flag']),
    reason: z.string().describe('a code of the disqualify reasons'),
    flag: z.string().describe('put on a matching lead, e.g. "ICP:employees<20"'),
    enabled: z.boolean(),
  })
  .meta({ id: 'IcpRule' });

const leadIdParams = z.object({ id: z.string().min(1).max(100) });

export async function cleaningRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/reasons/:kind',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'A reason list (inactive reasons included, marked active:false)',
        params: z.object({
          kind: z
            .string()
            .max(40)
            .describe(`one of ${reasonKinds.join(', ')}`),
        }),
        response: { 200: reasonListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => ({
      kind: request.params.kind,
      items: await readReasons(ctx, request.actor, request.params.kind),
    }),
  );

  api.put(
    '/reasons/:kind',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'Replace a reason list; a used reason left out is deactivated, never deleted',
        params: z.object({ kind: z.string().max(40) }),
        body: z
          .object({
            items: z.array(
              z
                .object({
                  code: z.string(),
                  labelZh: z.string(),
                  labelEn: z.string(),
                  active: z.boolean().optional(),
                  position: z.number().int().optional(),
                  used: z.boolean().optional().describe('ignored (GET answers it)'),
                })
                .strict(),
            ),
          })
          .strict(),
        response: { 200: reasonListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      kind: request.params.kind,
      items: await replaceReasons(ctx, request.actor, request.params.kind, request.body.items),
    }),
  );

  api.get(
    '/icp-rules',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'The ideal-customer-profile rules, in order',
        response: { 200: z.object({ rules: z.array(icpRuleSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ rules: await readIcpRules(ctx, request.actor) }),
  );

  api.put(
    '/icp-rules',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'Replace the ICP rules (they apply to leads captured or re-checked from now on)',
        description:
          'Each rule: {id?, description, condition, action: "disqualify"|"flag", reason? (default outside_icp), flag?, enabled? (default true)}. ' +
          'A condition is {field, op, value}, {all:[…]}, {any:[…]} or {not:…} (see IcpCondition); an unknown value never matches.',
        body: z.object({ rules: z.array(z.record(z.string(), z.unknown())).max(100) }).strict(),
        response: { 200: z.object({ rules: z.array(icpRuleSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ rules: await saveIcpRules(ctx, request.actor, request.body.rules) }),
  );

  api.post(
    '/leads/:id/disqualify',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'Disqualify a lead with a reason from the taxonomy (the lead is kept)',
        params: leadIdParams,
        body: z
          .object({
            reason: z.string().min(1).max(40).describe('an active code of GET /reasons/disqualify'),
            note: z.string().max(2000).nullish(),
          })
          .strict(),
        response: { 200: leadSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentLead(await disqualifyLead(ctx, request.actor, request.params.id, request.body)),
  );

  api.post(
    '/leads/:id/requalify',
    {
      schema: {
        tags: ['cleaning'],
        summary: 'Undo a mistaken disqualification: back to the status the lead had',
        params: leadIdParams,
        body: z
          .object({ note: z.string().min(1).max(2000).describe('why the disqualification was a mistake') })
          .strict(),
        response: { 200: leadSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentLead(await requalifyLead(ctx, request.actor, request.params.id, request.body)),
  );
}
