/**
 * Policy simulation (SPEC §8.6, §10.1 `POST /simulations`): a candidate scoring version, MQL
 * definition, routing rule set or SLA policy replayed over a period's real leads next to the
 * version in force. Read-only. The routing and SLA policies of an inline candidate are checked
 * here with the very schemas their settings routes use; everything else by the service.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';
import { type FieldError, InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { routingPaths } from '../../domain/routing/routing-rules.js';
import { simulationKinds } from '../../domain/simulation/simulation-types.js';
import { type ValidationIssue, validationWords } from '../../domain/validation-messages.js';
import type { ServiceContext } from '../../services/context.js';
import { simulatePolicy } from '../../services/simulation/simulate-policy.js';
import { problems } from '../problem.js';
import { explanationLineFields } from './explanation-line.js';
import { routingPolicySchema } from './routing.js';
import { slaPolicySchema } from './sla.js';

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe('an ISO date (midnight UTC) or date-time');

const bodySchema = z
  .object({
    kind: z.enum(simulationKinds),
    candidate: z
      .union([z.string().min(1).max(200), z.record(z.string(), z.unknown())])
      .describe(
        'the id of a stored version of that kind (e.g. "definition:mql:2"), or a body exactly as its settings API takes it: scoring {rules}, definition {criteria}, routing {rules, policy}, sla {policy}',
      ),
    from: instant,
    to: instant.describe('end of the period, exclusive'),
  })
  .strict();

const outcomeSchema = z.object({
  score: z.number().nullable().describe('null: never scored (the stored score is what live gating reads)'),
  grade: z.string().nullable(),
  mql: z.boolean(),
  path: z.enum(routingPaths),
  repId: z.string().nullable(),
  handoffKind: z.enum(['assign', 'sync', 'dispatch']).nullable(),
  slaBreached: z.boolean().nullable().describe('sla kind: whether the lead’s real hand-off breaches; null otherwise'),
});

const handoffBrief = z.object({
  kind: z.enum(['assign', 'sync', 'dispatch']),
  repId: z.string().nullable(),
  step: z.string().nullable().describe('the routing step that decided (rotation, account, dispatch, …)'),
});
const slaVerdict = z.object({ deadline: z.string(), hours: z.number(), breached: z.boolean() });

/** Why a lead changes, one part per thing that differs, as codes and values a reader words in their language. */
const reasonPartSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('score'),
    current: z.number().nullable(),
    candidate: z.number().nullable(),
    lines: z.array(z.object({ change: z.enum(['now', 'was']), ...explanationLineFields })),
    moreLines: z.number().int(),
  }),
  z.object({
    code: z.literal('mql'),
    becomes: z.boolean().describe('an MQL only under the candidate; false: only under the current'),
    failing: z.enum(['current', 'candidate']),
    unmet: z.array(z.object({ criterion: z.string(), detail: z.string(), detailZh: z.string() })),
  }),
  z.object({
    code: z.literal('path'),
    current: z.enum(routingPaths),
    candidate: z.enum(routingPaths),
    rule: z
      .object({ index: z.number().int(), id: z.string(), description: z.string() })
      .nullable()
      .describe('the candidate’s deciding rule; null: none matched'),
  }),
  z.object({ code: z.literal('rep'), current: handoffBrief, candidate: handoffBrief }),
  z.object({
    code: z.literal('sla'),
    decidedAfterHours: z.number().nullable().describe('null while undecided'),
    current: slaVerdict,
    candidate: slaVerdict,
  }),
]);

const sideFields = {
  leads: z.number().int(),
  mqls: z.number().int(),
  paths: z.record(z.enum(routingPaths), z.number().int()).describe('routing path of each lead, replayed as at capture'),
  handoffs: z.number().int().describe('MQL hand-offs that reached a rep'),
  syncs: z.number().int(),
  dispatches: z.number().int().describe('MQLs nobody fitted (manual dispatch)'),
  handoffsPerDay: z.number(),
  load: z.array(
    z.object({
      repId: z.string(),
      handoffs: z.number().int(),
      share: z.number(),
      weightShare: z.number(),
      perDay: z.number(),
      peakDay: z.number().int(),
    }),
  ),
  fairness: z.object({
    maxDeviation: z.number().describe('largest |share − weightShare|'),
    index: z.number().nullable().describe('Jain’s index of hand-offs per unit of weight; 1 = proportional'),
  }),
  expectedSlaBreaches: z.number().nullable(),
  slaBasis: z.enum(['replayed_handoffs', 'estimated_from_load']).nullable(),
  suspensions: z.number().int().nullable(),
  expectedSqls: z.number().nullable().describe('null while no predictive model is active'),
  expectedWins: z.number().nullable(),
};

const answerSchema = z
  .object({
    kind: z.enum(simulationKinds),
    from: z.string(),
    to: z.string(),
    current: z.object({ ...sideFields, version: z.number().int() }),
    candidate: z.object({ ...sideFields, versionId: z.string().nullable(), version: z.number().int().nullable() }),
    diff: z.object({
      leads: z.number().int(),
      mqls: z.number().int(),
      handoffs: z.number().int(),
      dispatches: z.number().int(),
      expectedSlaBreaches: z.number().nullable(),
      expectedSqls: z.number().nullable(),
      expectedWins: z.number().nullable(),
      maxDeviation: z.number(),
      load: z.array(z.object({ repId: z.string(), handoffs: z.number().int() })),
      changed: z.number().int(),
      changedLeads: z.array(
        z.object({
          leadId: z.string(),
          name: z.string().nullable(),
          company: z.string().nullable(),
          current: outcomeSchema,
          candidate: outcomeSchema,
          reason: z.string().describe('why, in English; reasonParts says the same as codes and values'),
          reasonParts: z.array(reasonPartSchema),
        }),
      ),
    }),
  })
  .meta({ id: 'Simulation' });

/** The policy part of an inline routing or SLA candidate, with the schema of its settings route. */
function checkPolicy(schema: ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  const errors: FieldError[] = parsed.error.issues.map((i) => ({
    field: ['candidate', 'policy', ...i.path.map(String)].join('.'),
    ...(value === undefined ? { message: 'is required', messageZh: '必填' } : validationWords(i as ValidationIssue)),
  }));
  throw new InvalidInput(errors);
}

export async function simulationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/simulations',
    {
      schema: {
        tags: ['simulations'],
        summary: 'Replay a period’s live leads through a candidate policy next to the one in force (writes nothing)',
        body: bodySchema,
        response: { 200: answerSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { kind, candidate } = request.body;
      // Before the inline policy is looked at, so a caller without the right learns only that.
      authorize(request.actor, 'simulations.run');
      if (typeof candidate === 'object' && (kind === 'routing' || kind === 'sla')) {
        checkPolicy(kind === 'routing' ? routingPolicySchema : slaPolicySchema, candidate.policy);
      }
      const answer = await simulatePolicy(ctx, request.actor, {
        kind,
        candidate,
        from: new Date(request.body.from),
        to: new Date(request.body.to),
      });
      return { ...answer, from: answer.from.toISOString(), to: answer.to.toISOString() };
    },
  );
}
