/**
 * POST /plans/capacity (SPEC §8.5, §10.1): the reverse funnel from a revenue target to leads,
 * SDRs and reps. Read-only arithmetic (domain/planning/capacity-plan.ts): nothing is stored,
 * so nothing is audited.
 *
 * Seams for the funnel slice (issue 6 items 1 and 5):
 * - conversion rates "measured from the last N months": this is where a body such as
 *   `conversion: {measuredMonths: 6}` would be turned into the four rates from the funnel report
 *   (ctx.db, ctx.clock) before the domain computes; today the rates are entered.
 * - the plan next to what the funnel delivered, month by month: domain/planning/plan-vs-actual.ts
 *   `comparePlanToActuals(plan, months, startMonth, actuals)` takes the monthly counts the funnel
 *   report measures.
 */
import { type CapacityPlan, type CapacityPlanInput, planCapacity } from '../../domain/planning/capacity-plan.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { ServiceContext } from '../context.js';

export function runCapacityPlan(_ctx: ServiceContext, actor: Actor, input: CapacityPlanInput): CapacityPlan {
  authorize(actor, 'plans.run');
  return planCapacity(input);
}
