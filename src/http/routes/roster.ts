/** The rep roster (SPEC §5.2, §10.1): routing profiles, monthly eligibility, rep status. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { readEligibility, setEligibility } from '../../services/roster/eligibility.js';
import { MONTH_PATTERN } from '../../services/roster/eligibility-month.js';
import { listReps, readRep, readRepStatus, setRepProfile } from '../../services/roster/reps.js';
import { problems } from '../problem.js';

const repStatusSchema = z
  .object({
    eligible: z.boolean().describe('on the eligibility list of the current month (Asia/Shanghai calendar)'),
    suspendedUntil: z.string().nullable().describe('end of the suspension (§6.2); null when not suspended'),
    openMqls: z.number().int().describe('pending hand-offs assigned or synced to the rep (capacity counts these)'),
    consecutiveBreaches: z.number().int(),
    month: z.string().describe('the month whose list was read, yyyy-mm'),
  })
  .meta({ id: 'RepStatus' });

const repSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    teamId: z.string().nullable(),
    active: z.boolean(),
    profile: z
      .object({
        regions: z.array(z.string()).describe('GB/T 2260 codes (a province code covers its cities)'),
        regionNames: z.array(z.string()),
        industries: z.array(z.string()),
        level: z.number().int(),
        weight: z.number(),
        capacity: z.number().int(),
        department: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable()
      .describe('null until sales ops set one'),
    status: repStatusSchema,
  })
  .meta({ id: 'Rep' });

const userIdParams = z.object({ userId: z.string().min(1).max(100) });
const monthParams = z.object({
  month: z.string().regex(MONTH_PATTERN, 'is not a month as yyyy-mm (e.g. 2026-03)').describe('yyyy-mm'),
});

const eligibilitySchema = z.object({ month: z.string(), repIds: z.array(z.string()) }).meta({ id: 'EligibilityList' });

export async function rosterRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/reps/:userId',
    {
      schema: {
        tags: ['routing'],
        summary: "Set a sales rep's routing profile (sales_ops, admin); fields left out take their defaults",
        params: userIdParams,
        body: z
          .object({
            regions: z
              .array(z.string().trim().min(1).max(100))
              .max(500)
              .default([])
              .describe('names or GB/T 2260 codes: "上海", "Shanghai", "31", "广州"'),
            industries: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
            level: z.number().int().min(1).max(5).default(1).describe('1 (new) … 5 (top closer)'),
            weight: z.number().positive().max(1000).default(1).describe('rotation weight, > 0'),
            capacity: z.number().int().min(0).max(100_000).default(50).describe('maximum open undecided MQLs'),
            department: z.string().trim().max(100).nullable().default(null),
          })
          .strict(),
        response: { 200: repSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => setRepProfile(ctx, request.actor, request.params.userId, request.body),
  );

  api.get(
    '/reps',
    {
      schema: {
        tags: ['routing'],
        summary: 'Every sales rep with their profile and status, by name',
        response: { 200: z.object({ items: z.array(repSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listReps(ctx, request.actor) }),
  );

  api.get(
    '/reps/:userId',
    {
      schema: {
        tags: ['routing'],
        summary: 'A rep with profile and status (a rep may read their own)',
        params: userIdParams,
        response: { 200: repSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => readRep(ctx, request.actor, request.params.userId),
  );

  api.get(
    '/reps/:userId/status',
    {
      schema: {
        tags: ['routing'],
        summary: "A rep's routing status: eligible this month, suspension, open MQLs, consecutive SLA breaches",
        params: userIdParams,
        response: { 200: repStatusSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => readRepStatus(ctx, request.actor, request.params.userId),
  );

  api.put(
    '/eligibility/:month',
    {
      schema: {
        tags: ['routing'],
        summary: "Replace a month's eligibility list (sales_ops, admin)",
        params: monthParams,
        body: z.object({ repIds: z.array(z.string().min(1).max(100)).max(10_000) }).strict(),
        response: { 200: eligibilitySchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => setEligibility(ctx, request.actor, request.params.month, request.body.repIds),
  );

  api.get(
    '/eligibility/:month',
    {
      schema: {
        tags: ['routing'],
        summary: "A month's eligibility list (empty when none was set)",
        params: monthParams,
        response: { 200: eligibilitySchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => readEligibility(ctx, request.actor, request.params.month),
  );
}
