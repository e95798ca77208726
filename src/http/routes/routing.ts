/**
 * Routing settings (SPEC §5.1, §5.2): the ordered routing rules and the routing policy (the CRM
 * conflict rule's N and M, partial credit, balance, skill), read and saved together as one
 * version. The policy's shape and ranges are checked here; the rules' shape loosely here and
 * their meaning by validateRoutingRules, which names each bad field ("rules[2].condition.op").
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type RouteCondition, routeFields, routeOps, routingPaths } from '../../domain/routing/routing-rules.js';
import { GRADES } from '../../domain/scoring/grade.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type RoutingSettings,
  readRoutingSettings,
  saveRoutingSettings,
} from '../../services/routing/routing-settings.js';
import { problems } from '../problem.js';

const comparisonSchema = z
  .object({
    field: z.string().describe(`${routeFields.join(', ')} or fields.<attribute>`),
    op: z.string().describe(routeOps.join(', ')),
    value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
  })
  .strict();

/** Loose on field and op so that validateRoutingRules, not a union mismatch, names what is wrong. */
const conditionSchema: z.ZodType<RouteCondition> = z
  .lazy(() =>
    z.union([
      comparisonSchema,
      z.object({ all: z.array(conditionSchema) }).strict(),
      z.object({ any: z.array(conditionSchema) }).strict(),
      z.object({ not: conditionSchema }).strict(),
    ]),
  )
  .meta({ id: 'RouteCondition' }) as z.ZodType<RouteCondition>;

const ruleInputSchema = z
  .object({
    id: z.string().optional().describe('a slug (a-z, 0-9, -, _); default rule-<n>'),
    description: z.string().nullable().optional().describe('default: the condition in words'),
    condition: conditionSchema.nullable().describe('null matches every lead (a catch-all, last)'),
    path: z.enum(routingPaths),
  })
  .strict();

const ruleSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    condition: conditionSchema.nullable(),
    path: z.enum(routingPaths),
  })
  .meta({ id: 'RoutingRule' });

const gradeSchema = z.enum(GRADES as readonly [string, ...string[]]);

export const routingPolicySchema = z
  .object({
    conflictInactiveDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .describe('N: an owner with no activity on the account for N days gets the lead as an assignment (credit 1)'),
    firstContactDays: z.number().int().min(1).max(90).describe('M: …and must make first contact within M days'),
    partialCredit: z
      .number()
      .gt(0)
      .max(1)
      .describe('SDR credit of a sync to an active owner with a contact at least as senior (default 1/3)'),
    balance: z
      .enum(['weight', 'department'])
      .describe('weight: weighted round-robin, departments interleaved; department: equal share per department first'),
    skill: z
      .object({
        mustWinGrades: z.array(gradeSchema).min(1).max(GRADES.length).describe('grades such as "A1" (§4.3)'),
        topLevel: z.number().int().min(1).max(5).describe('must-win leads prefer reps at or above this level'),
      })
      .strict()
      .nullable()
      .describe('null: no skill rule'),
  })
  .strict()
  .meta({ id: 'RoutingPolicy' });

const settingsSchema = z
  .object({
    version: z.number().int().describe('0 = the LeadLoop defaults, never saved'),
    rules: z.array(ruleSchema),
    policy: routingPolicySchema,
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable().describe('the user who saved this version'),
  })
  .meta({ id: 'RoutingSettings' });

function present(s: RoutingSettings): z.infer<typeof settingsSchema> {
  return {
    version: s.version,
    rules: s.rules,
    policy: {
      ...s.policy,
      skill: s.policy.skill && { ...s.policy.skill, mustWinGrades: [...s.policy.skill.mustWinGrades] },
    },
    savedAt: s.savedAt ? new Date(s.savedAt).toISOString() : null,
    savedBy: s.savedBy,
  };
}

export async function routingRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/routing/rules',
    {
      schema: {
        tags: ['routing'],
        summary: 'The routing rules (condition → path, first match wins) and the routing policy in force',
        response: { 200: settingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => present(await readRoutingSettings(ctx, request.actor)),
  );

  api.put(
    '/routing/rules',
    {
      schema: {
        tags: ['routing'],
        summary: 'Save new routing rules and policy as the next version (they apply to leads routed from now on)',
        description:
          'Paths: direct_to_sales, sdr_queue, disqualified, pool. Conditions: {field, op, value}, {all:[…]}, {any:[…]}, {not:…} over channel, channelPath, status, grade, score, flags or fields.<attribute>. Send both parts; read them with GET first to change one.',
        body: z
          .object({
            rules: z.array(ruleInputSchema).max(100),
            policy: routingPolicySchema,
          })
          .strict(),
        response: { 200: settingsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => present(await saveRoutingSettings(ctx, request.actor, request.body)),
  );
}
