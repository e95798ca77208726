/**
 * SDR incentives (SPEC §8.3, seed 004): the plan as versioned data (GET/PUT /incentives/plan) and
 * the award lines per SDR for a month or a quarter (GET /reports/incentives). Money is integer fen.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { behaviourMetrics, MAX_AMOUNT_FEN, MAX_AWARDS } from '../../domain/incentives/incentive-plan.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type IncentivePlanSettings,
  type IncentiveReport,
  readIncentivePlan,
  readIncentiveReport,
  saveIncentivePlan,
} from '../../services/incentives/incentives.js';
import { problems } from '../problem.js';

const fen = z.number().int().min(0).max(MAX_AMOUNT_FEN);

const planBody = z
  .object({
    monthly: z
      .object({
        awards: z
          .array(
            z
              .object({
                metric: z.enum(behaviourMetrics).describe('a behaviour figure of the SDR report for the month'),
                atLeast: z.number().int().min(1).max(1_000_000_000).describe('paid when the figure reaches this'),
                amountFen: fen.describe('the award, in fen (30000 = ¥300)'),
              })
              .strict(),
          )
          .max(MAX_AWARDS),
      })
      .strict()
      .describe('monthly behaviour awards (短期激励)'),
    quarterly: z
      .object({
        targetBonusFen: fen.describe('the quarterly bonus at 100% of both targets, in fen (600000 = ¥6,000)'),
        behaviourWeightPct: z
          .number()
          .int()
          .min(0)
          .max(100)
          .describe('share of the target bonus paid on behaviour (30); the rest is paid on credited SQLs'),
        callsTarget: z
          .number()
          .int()
          .min(1)
          .max(1_000_000_000)
          .describe('calls in the quarter for the full behaviour share'),
        creditedSqlTarget: z
          .number()
          .int()
          .min(1)
          .max(1_000_000)
          .describe('credited SQLs in the quarter for the full opportunity share (paid pro rata, not capped)'),
      })
      .strict()
      .describe('quarterly bonus = behaviour share + opportunity share (中期激励)'),
  })
  .strict()
  .meta({ id: 'IncentivePlan' });

const planSettingsSchema = z
  .object({
    version: z.number().int().describe('0 = the LeadLoop defaults, never saved'),
    plan: planBody,
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
  })
  .meta({ id: 'IncentivePlanSettings' });

const presentPlan = (s: IncentivePlanSettings) => ({ ...s, savedAt: s.savedAt ? s.savedAt.toISOString() : null });

const reportSchema = z
  .object({
    period: z.object({
      kind: z.enum(['month', 'quarter']),
      label: z.string(),
      from: z.string().describe('first day (UTC)'),
      to: z.string().describe('last day (UTC), included'),
    }),
    scope: z.enum(['all', 'own']).describe('own: an SDR sees their own row only'),
    planVersion: z.number().int().describe('version of the incentive plan applied; 0 = defaults'),
    reportRulesVersion: z.number().int().describe('version of the credit rules the SDR report applied'),
    rows: z.array(
      z.object({
        sdrId: z.string(),
        name: z.string(),
        figures: z
          .object({
            calls: z.number().int(),
            talkTimeSec: z.number().int(),
            leadsContacted: z.number().int(),
            creditedSqls: z.number(),
            provisionalCredit: z.number().describe('part of creditedSqls that may still be withdrawn'),
          })
          .describe('from GET /reports/sdr for the period'),
        lines: z.array(
          z.object({
            kind: z.enum(['monthly_behaviour', 'quarterly_behaviour', 'quarterly_opportunity']),
            metric: z.enum([...behaviourMetrics, 'creditedSqls']),
            basis: z.string().describe('how the amount was reached, e.g. "calls 420 ≥ 400: ¥300.00"'),
            amountFen: z.number().int(),
          }),
        ),
        totalFen: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'IncentiveReport' });

const presentReport = (r: IncentiveReport) => r;

export async function incentiveRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/incentives/plan',
    {
      schema: {
        tags: ['reports'],
        summary: 'The SDR incentive plan in force (§8.3)',
        response: { 200: planSettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => presentPlan(await readIncentivePlan(ctx, request.actor)),
  );

  api.put(
    '/incentives/plan',
    {
      schema: {
        tags: ['reports'],
        summary: 'Save a new version of the SDR incentive plan',
        body: z.object({ plan: planBody }).strict(),
        response: { 200: planSettingsSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => presentPlan(await saveIncentivePlan(ctx, request.actor, request.body.plan)),
  );

  api.get(
    '/reports/incentives',
    {
      schema: {
        tags: ['reports'],
        summary: 'SDR incentives for a month (behaviour awards) or a quarter (behaviour + opportunity bonus)',
        description:
          'Computed from the figures of GET /reports/sdr over the period (hand-offs made in it, followed to now) and the incentive plan in force. Amounts in fen, rounded once, halves away from zero. An SDR sees their own row only.',
        querystring: z
          .object({
            period: z.string().max(20).describe('2026-03 (a month) or 2026-Q1 (a quarter)'),
            sdrId: z.string().max(100).optional().describe('only this SDR'),
          })
          .strict(),
        response: { 200: reportSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentReport(await readIncentiveReport(ctx, request.actor, request.query)),
  );
}
