/**
 * SDR incentives (SPEC §8.3, seed 004): the plan as versioned data (GET/PUT /incentives/plan) and
 * the award lines per SDR for a month, a quarter or a year (GET /reports/incentives). Money is an
 * integer in the minor unit (fen, cent) of the plan's currency.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  behaviourMetrics,
  CURRENCY_PATTERN,
  defaultIncentivePlan,
  MAX_AMOUNT_FEN,
  MAX_AWARDS,
} from '../../domain/incentives/incentive-plan.js';
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

const fraction = z.number().min(0).max(1);
const defaults = defaultIncentivePlan();

const planBody = z
  .object({
    currency: z
      .string()
      .regex(CURRENCY_PATTERN, 'must be an ISO 4217 code in capitals, such as CNY')
      .default(defaults.currency)
      .describe('ISO 4217 code of every amount of the plan and the report; CNY when left out'),
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
    annual: z
      .object({
        shareRate: fraction.describe('share of the credited won revenue paid at year end, 0–1 (0.01 = 1%)'),
        partnerSplit: z
          .object({
            partner: fraction.describe('the partner’s part of a partner-introduced deal’s commission'),
            sdr: fraction.describe('the SDR’s part (times their credit); the two add up to 1'),
          })
          .strict(),
      })
      .strict()
      .default(defaults.annual)
      .describe('annual revenue share (长期激励) and the partner commission split; LeadLoop’s defaults when left out'),
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

const annualSchema = z.object({
  wonRevenueFen: z.number().int().describe('won amounts of the deals counted'),
  sdrFen: z.number().int().describe('the SDR’s share: the sum of the deals’ SDR parts'),
  partnerFen: z.number().int().describe('the partners’ parts of the split deals'),
  deals: z.array(
    z.object({
      opportunityId: z.string(),
      leadId: z.string(),
      name: z.string().nullable(),
      amountFen: z.number().int(),
      wonAt: z.string(),
      credit: z
        .object({ exact: z.string().describe('"1/3"'), value: z.number().describe('to 6 decimals') })
        .describe('the hand-off’s credit times the inbound/outbound weight'),
      partnerName: z.string().nullable(),
      sdrFen: z.number().int(),
      partnerFen: z.number().int(),
      basis: z.string().describe('e.g. "年度续约 ¥80,000.00 × 1% × credit 1/3: ¥266.67"'),
    }),
  ),
  notCounted: z
    .array(
      z.object({
        opportunityId: z.string(),
        leadId: z.string(),
        name: z.string().nullable(),
        amount: z.string(),
        currency: z.string(),
        why: z.enum(['other_currency', 'not_accepted', 'opportunity_after_window', 'invalid_amount']),
      }),
    )
    .describe('won deals of the SDR that earn no share, and why'),
});

const reportSchema = z
  .object({
    period: z.object({
      kind: z.enum(['month', 'quarter', 'year']),
      label: z.string(),
      from: z.string().describe('first day (UTC)'),
      to: z.string().describe('last day (UTC), included'),
    }),
    currency: z.string().describe('ISO 4217 code of every amount (the plan’s); amounts are in its minor unit'),
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
            kind: z.enum(['monthly_behaviour', 'quarterly_behaviour', 'quarterly_opportunity', 'annual_revenue_share']),
            metric: z.enum([...behaviourMetrics, 'creditedSqls', 'wonRevenue']),
            basis: z.string().describe('how the amount was reached, e.g. "calls 420 ≥ 400: ¥300.00"'),
            amountFen: z.number().int(),
          }),
        ),
        totalFen: z.number().int(),
        annual: annualSchema.optional().describe('a year only: the deals behind the annual line'),
      }),
    ),
    partners: z
      .array(
        z.object({
          partnerName: z.string(),
          deals: z.number().int(),
          wonRevenueFen: z.number().int(),
          commissionFen: z.number().int().describe('the partner’s part of the split deals'),
        }),
      )
      .optional()
      .describe('a year only: each partner’s part of the deals it introduced on the SDRs’ leads'),
  })
  .meta({ id: 'IncentiveReport' });

const presentRow = ({ annual, ...row }: IncentiveReport['rows'][number]) =>
  annual
    ? { ...row, annual: { ...annual, deals: annual.deals.map((d) => ({ ...d, wonAt: d.wonAt.toISOString() })) } }
    : row;

const presentReport = (r: IncentiveReport) => ({ ...r, rows: r.rows.map(presentRow) });

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
        summary:
          'SDR incentives for a month (behaviour awards), a quarter (behaviour + opportunity bonus) or a year (revenue share, partner split)',
        description:
          'Computed from the figures of GET /reports/sdr over the period (hand-offs made in it, followed to now) and the incentive plan in force; for a year, from the deals won in it, each credited to the SDR of the hand-off it follows under the report rules (credit window, partial credit, inbound/outbound weights), a partner-introduced deal’s commission split between the partner and the SDR. Amounts in the minor unit of `currency`, each rounded once, halves away from zero. An SDR sees their own row only.',
        querystring: z
          .object({
            period: z.string().max(20).describe('2026-03 (a month), 2026-Q1 (a quarter) or 2026 (a year)'),
            sdrId: z.string().max(100).optional().describe('only this SDR'),
          })
          .strict(),
        response: { 200: reportSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentReport(await readIncentiveReport(ctx, request.actor, request.query)),
  );
}
