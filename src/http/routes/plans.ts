/** Capacity planning, the reverse funnel (SPEC §8.5, §10.1 `POST /plans/capacity`). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planLimits, planMessages } from '../../domain/planning/capacity-plan.js';
import type { ServiceContext } from '../../services/context.js';
import { runCapacityPlan } from '../../services/planning/plan-capacity.js';
import { problems } from '../problem.js';

// The domain checks all of this again (and the cross-field rules); the bounds are here so the
// OpenAPI document says what the planner takes, with the domain's own messages.
const rate = (what: string) =>
  z
    .number()
    .gt(0, { error: planMessages.rate.message })
    .lte(1, { error: planMessages.rate.message })
    .describe(`${what}: a share, more than 0 and at most 1 (0.2 is 20%)`);

const money = (message: string) => z.number().gt(0, { error: message }).lte(planLimits.maxMoney, { error: message });
// At most 2 decimal places: checked exactly by the domain (a JSON Schema multipleOf 0.01 is
// float-fragile in generated clients).

const throughput = z
  .number()
  .gt(0, { error: planMessages.throughput.message })
  .lte(planLimits.maxThroughput, { error: planMessages.throughput.message });

const MAX_MEASURED_MONTHS = 36;
const measuredMonthsMessage = `must be a whole number of months from 1 to ${MAX_MEASURED_MONTHS}`;

const countSchema = z.number().int().min(0);

const funnelCounts = {
  leads: countSchema.describe('raw leads marketing must bring in'),
  mqls: countSchema.describe('MQLs the SDRs must hand to sales'),
  sqls: countSchema.describe('MQLs sales must accept (SQL)'),
  opportunities: countSchema.describe('opportunities sales must open'),
  newCustomers: countSchema.describe('new deals to win'),
};

const capacityPlanBody = z
  .object({
    customers: z
      .number()
      .int({ error: planMessages.customers.message })
      .min(0, { error: planMessages.customers.message })
      .max(planLimits.maxCustomers, { error: planMessages.customers.message })
      .describe('paying customers now (this year), e.g. 600'),
    avgDealSize: money(planMessages.avgDealSize.message).describe(
      'average revenue per customer a year (客单价), yuan, at most 2 decimals, e.g. 20000',
    ),
    growthMultiple: z
      .number()
      .gt(0, { error: planMessages.growthMultiple.message })
      .lte(planLimits.maxGrowthMultiple, { error: planMessages.growthMultiple.message })
      .nullish()
      .describe(
        'target revenue ÷ current revenue (4 means four times this year, as seed 001’s 48,000,000 on 12,000,000; ' +
          'growth of 40% is 1.4). Exactly one of growthMultiple and targetRevenue; needs customers > 0',
      ),
    targetRevenue: money(planMessages.targetRevenue.message)
      .nullish()
      .describe('the revenue target in yuan, instead of growthMultiple (exactly one of the two)'),
    renewalRate: z
      .number()
      .min(0, { error: planMessages.renewalRate.message })
      .max(1, { error: planMessages.renewalRate.message })
      .describe('share of this year’s revenue the existing customers renew, 0 to 1 (0.5 is 50%)'),
    conversion: z
      .object({
        leadToMql: rate('lead → MQL'),
        mqlToSql: rate('MQL → SQL (accepted by sales)'),
        sqlToOpportunity: rate('SQL → opportunity'),
        opportunityToWon: rate('opportunity → won'),
      })
      .strict()
      .optional()
      .describe('stage conversion rates, entered; or omit them and give measuredMonths'),
    measuredMonths: z
      .number()
      .int({ error: measuredMonthsMessage })
      .min(1, { error: measuredMonthsMessage })
      .max(MAX_MEASURED_MONTHS, { error: measuredMonthsMessage })
      .nullish()
      .describe(
        'instead of conversion: measure the four rates from the funnel of the leads captured in the last N months ' +
          '(needs the right to read the funnel report); 400 naming measuredMonths when a stage has no leads',
      ),
    startMonth: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month as yyyy-mm' })
      .nullish()
      .describe('the plan’s first month (yyyy-mm): the answer then has byMonth, the plan next to the actuals'),
    months: z
      .number()
      .int({ error: planMessages.months.message })
      .min(1, { error: planMessages.months.message })
      .max(planLimits.maxMonths, { error: planMessages.months.message })
      .describe('the plan’s length in months (12 for a year); sets the perMonth row'),
    mqlsPerSdrPerMonth: throughput.nullish().describe('MQLs one SDR hands to sales a month; gives sdrsNeeded'),
    dealsPerRepPerMonth: throughput.nullish().describe('new deals one sales rep wins a month; gives repsNeeded'),
  })
  .strict()
  .meta({ id: 'CapacityPlanRequest' });

const rates = z.object({
  leadToMql: z.number(),
  mqlToSql: z.number(),
  sqlToOpportunity: z.number(),
  opportunityToWon: z.number(),
});

const monthRow = z
  .object({
    month: z.string().describe('yyyy-mm'),
    index: z.number().int().describe('1 for the plan’s first month'),
    planned: z.object(funnelCounts).describe('perMonth'),
    actual: z
      .object(funnelCounts)
      .nullable()
      .describe('what the funnel delivered that month (by event date); null for a month not begun'),
    cumulativePlanned: z.object(funnelCounts).describe('⌈total × month ÷ months⌉: the exact total by the last month'),
    cumulativeActual: z.object(funnelCounts).nullable(),
    gap: z
      .object({
        leads: z.number().int(),
        mqls: z.number().int(),
        sqls: z.number().int(),
        opportunities: z.number().int(),
        newCustomers: z.number().int(),
      })
      .nullable()
      .describe('cumulativeActual − cumulativePlanned: negative is behind plan'),
  })
  .meta({ id: 'PlanMonth' });

const money2 = (what: string) => z.number().min(0).describe(`${what}, yuan, exact to 2 decimals`);

const capacityPlanSchema = z
  .object({
    currentRevenue: money2('this year: customers × avgDealSize'),
    targetRevenue: money2('current revenue × growthMultiple (rounded to the fen), or the target given'),
    renewalRevenue: money2('current revenue × renewalRate (rounded to the fen)'),
    newRevenue: money2('targetRevenue − renewalRevenue: what new customers must bring'),
    newCustomers: funnelCounts.newCustomers.describe('⌈newRevenue ÷ avgDealSize⌉'),
    opportunities: funnelCounts.opportunities.describe('⌈newCustomers ÷ opportunityToWon⌉'),
    sqls: funnelCounts.sqls.describe('⌈opportunities ÷ sqlToOpportunity⌉'),
    mqls: funnelCounts.mqls.describe('⌈sqls ÷ mqlToSql⌉'),
    leads: funnelCounts.leads.describe('⌈mqls ÷ leadToMql⌉'),
    perMonth: z
      .object(funnelCounts)
      .describe('each total spread evenly over `months`, rounded up (months × this covers the total)'),
    sdrsNeeded: countSchema.optional().describe('⌈perMonth.mqls ÷ mqlsPerSdrPerMonth⌉; only when that is given'),
    repsNeeded: countSchema
      .optional()
      .describe('⌈perMonth.newCustomers ÷ dealsPerRepPerMonth⌉; only when that is given'),
    measured: z
      .object({
        from: z.string(),
        to: z.string(),
        leads: z.number().int(),
        mqls: z.number().int(),
        sqls: z.number().int(),
        opportunities: z.number().int(),
        won: z.number().int(),
        conversion: rates.describe('the rates planned with, measured (to 4 decimals)'),
      })
      .optional()
      .describe('with measuredMonths: the window, the funnel counts of its captures and the rates they give'),
    byMonth: z.array(monthRow).optional().describe('with startMonth: every month of the plan'),
  })
  .meta({ id: 'CapacityPlan' });

export async function planRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/plans/capacity',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Capacity plan (reverse funnel): from customers, deal size, target and renewal to the new customers, ' +
          'opportunities, SQLs, MQLs and leads needed, per month, and the SDRs and reps to work them',
        description:
          'Exact arithmetic (no floating-point artefacts); counts of people and deals round up at every stage. ' +
          'Impossible input (a rate ≤ 0 or > 1, renewal over 100%, months not a positive whole number, negative ' +
          'counts, both or neither of growthMultiple/targetRevenue, a target below the renewal revenue) is a 400 ' +
          'naming the field. Nothing is stored.',
        body: capacityPlanBody,
        response: {
          200: capacityPlanSchema,
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => runCapacityPlan(ctx, request.actor, request.body),
  );
}
