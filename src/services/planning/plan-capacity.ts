/**
 * POST /plans/capacity (SPEC §8.5, §10.1): the reverse funnel from a revenue target to leads,
 * SDRs and reps. The arithmetic is the domain's (domain/planning/capacity-plan.ts); this adds
 * what only the data knows:
 * - `measuredMonths`: the four conversion rates measured from the funnel of the leads captured
 *   in the last N months (the funnel report's counts), instead of entered ones;
 * - `startMonth`: the plan month by month next to what the funnel delivered in each month that
 *   has begun (the funnel report by event date: leads captured, MQLs, SQLs, opportunities and
 *   deals won that month).
 * Nothing is stored, so nothing is audited.
 */
import { InvalidInput } from '../../domain/errors.js';
import {
  type CapacityPlan,
  type CapacityPlanInput,
  type ConversionStage,
  planCapacity,
} from '../../domain/planning/capacity-plan.js';
import { type MeasuredFunnel, measuredConversion } from '../../domain/planning/measured-conversion.js';
import {
  comparePlanToActuals,
  type MonthActuals,
  type PlanMonthRow,
  planCalendar,
} from '../../domain/planning/plan-vs-actual.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { ServiceContext } from '../context.js';
import { readFunnelReport } from '../reports/funnel-report.js';

export interface CapacityPlanRequest extends CapacityPlanInput {
  measuredMonths?: number | null;
  startMonth?: string | null;
}

/** The contract's answer; with measuredMonths also the rates and where they came from, with startMonth the months. */
export interface CapacityPlanAnswer extends CapacityPlan {
  measured?: MeasuredFunnel & { from: string; to: string; conversion: Record<ConversionStage, number> };
  byMonth?: PlanMonthRow[];
}

export async function runCapacityPlan(
  ctx: ServiceContext,
  actor: Actor,
  request: CapacityPlanRequest,
): Promise<CapacityPlanAnswer> {
  authorize(actor, 'plans.run');
  const { measuredMonths, startMonth, ...input } = request;
  const answer: Omit<CapacityPlanAnswer, keyof CapacityPlan> = {};
  if (measuredMonths !== undefined && measuredMonths !== null) {
    if (input.conversion) {
      throw new InvalidInput([
        {
          field: 'conversion',
          message: 'give either conversion or measuredMonths, not both',
          messageZh: '转化率（conversion）与实测月数（measuredMonths）只能给其一',
        },
      ]);
    }
    const funnel = await measureFunnel(ctx, actor, measuredMonths);
    const { rates, errors } = measuredConversion(funnel, 'measuredMonths');
    if (!rates) throw new InvalidInput(errors);
    input.conversion = rates;
    answer.measured = { ...funnel, conversion: rates };
  }
  const plan = planCapacity(input);
  if (startMonth !== undefined && startMonth !== null) {
    const months = Number(input.months);
    const actuals = await monthlyActuals(ctx, actor, planCalendar(startMonth, months));
    answer.byMonth = comparePlanToActuals(plan, months, startMonth, actuals);
  }
  return { ...plan, ...answer };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The funnel of the leads captured from the same day `months` months ago until now. */
async function measureFunnel(ctx: ServiceContext, actor: Actor, months: number) {
  const now = ctx.clock.now();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  const { total, period } = await readFunnelReport(ctx, actor, { from: day(from) });
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    leads: total.leads,
    mqls: total.mqls,
    sqls: total.sqls,
    opportunities: total.opportunities,
    won: total.won,
  };
}

/** What the funnel delivered in each of these calendar months (yyyy-mm) that has begun. */
async function monthlyActuals(ctx: ServiceContext, actor: Actor, months: readonly string[]): Promise<MonthActuals[]> {
  const thisMonth = day(ctx.clock.now()).slice(0, 7);
  const actuals: MonthActuals[] = [];
  for (const month of months) {
    if (month > thisMonth) break;
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0));
    const { total } = await readFunnelReport(ctx, actor, { from: `${month}-01`, to: day(last), cohort: 'event' });
    actuals.push({
      month,
      leads: total.leads,
      mqls: total.mqls,
      sqls: total.sqls,
      opportunities: total.opportunities,
      newCustomers: total.won,
    });
  }
  return actuals;
}
