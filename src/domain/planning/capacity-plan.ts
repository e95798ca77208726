/**
 * Capacity planning, the reverse funnel (SPEC §8.5, §10.1 `POST /plans/capacity`): from this
 * year's customers and a revenue target back to the leads marketing must bring in, and the SDRs
 * and sales reps to work them. Pure and exact (bigint rationals, ./exact.ts): no binary floating
 * point anywhere between the input and the answer.
 *
 * The arithmetic, as seed 001's worked example does it (600 customers × 20,000 = 12,000,000;
 * target 48,000,000; 50% renewal → 6,000,000; 42,000,000 new → 2,100 new customers):
 *
 *   currentRevenue = customers × avgDealSize
 *   targetRevenue  = currentRevenue × growthMultiple     (or targetRevenue, given)
 *   renewalRevenue = currentRevenue × renewalRate
 *   newRevenue     = targetRevenue − renewalRevenue
 *   newCustomers   = ⌈newRevenue ÷ avgDealSize⌉
 *   opportunities  = ⌈newCustomers ÷ opportunityToWon⌉
 *   sqls           = ⌈opportunities ÷ sqlToOpportunity⌉
 *   mqls           = ⌈sqls ÷ mqlToSql⌉
 *   leads          = ⌈mqls ÷ leadToMql⌉
 *   perMonth.x     = ⌈x ÷ months⌉                         for each count above
 *   sdrsNeeded     = ⌈perMonth.mqls ÷ mqlsPerSdrPerMonth⌉ (SDRs hand MQLs to sales)
 *   repsNeeded     = ⌈perMonth.newCustomers ÷ dealsPerRepPerMonth⌉ (reps win the new deals;
 *                    renewals are customer success's work in the seed's IS-OS model)
 *
 * - `growthMultiple` is target ÷ current revenue (the seed says "three times" but its figures
 *   are 4 × 12,000,000; SPEC §8.5 follows the figures), so the example is growthMultiple 4.
 * - Money is yuan with at most 2 decimals in, and exact to the fen out: targetRevenue and
 *   renewalRevenue are each rounded to 2 decimals (half away from zero) when a multiple or a
 *   rate leaves more, and newRevenue is their exact difference, so the answer always adds up
 *   (targetRevenue = renewalRevenue + newRevenue).
 * - Counts of people and deals round up, at every stage. The seed's example divides evenly, so
 *   rounding once at the end would give its 2,100 too; rounding each stage is chosen because
 *   every stage is a count of whole leads or deals and the stage above must be able to deliver
 *   the whole count below it: sqls × sqlToOpportunity ≥ opportunities holds for every pair of
 *   the answer, which rounding only at the end does not promise (it can show fewer SQLs than
 *   the shown opportunities need). It costs at most one extra per stage.
 * - The monthly row spreads each total evenly over `months` and rounds up, so `months` of it
 *   cover the total (140,000 leads over 12 months → 11,667 a month). Staffing is sized to that
 *   monthly row: the team has to deliver it every month.
 * - A target below what renewals bring in is refused (400 naming growthMultiple or
 *   targetRevenue): it asks for fewer customers than the renewals alone keep, which is almost
 *   always "1.4" meant as "growth of 40%" typed as 0.4. A target equal to the renewal revenue
 *   plans 0 new customers (and 0 of everything else).
 */
import type { FieldError, FieldWords } from '../errors.js';
import { InvalidInput } from '../errors.js';
import { Exact } from './exact.js';

/** A number as JSON carries it, or decimal text as a command line does ("0.2", "20000"). */
export type Numeric = number | string;

export interface ConversionInput {
  leadToMql?: Numeric | null;
  mqlToSql?: Numeric | null;
  sqlToOpportunity?: Numeric | null;
  opportunityToWon?: Numeric | null;
}

export interface CapacityPlanInput {
  customers?: Numeric | null;
  avgDealSize?: Numeric | null;
  growthMultiple?: Numeric | null;
  targetRevenue?: Numeric | null;
  renewalRate?: Numeric | null;
  conversion?: ConversionInput | null;
  months?: Numeric | null;
  mqlsPerSdrPerMonth?: Numeric | null;
  dealsPerRepPerMonth?: Numeric | null;
}

export const conversionStages = ['leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToWon'] as const;
export type ConversionStage = (typeof conversionStages)[number];

/** Limits, shared with the HTTP schema so the OpenAPI document says what the planner takes. */
export const planLimits = {
  /** Paying customers now. */
  maxCustomers: 100_000_000,
  /** Ten trillion yuan: beyond any company's plan, and exact to the fen in a JSON number. */
  maxMoney: 10_000_000_000_000,
  maxGrowthMultiple: 1000,
  maxMonths: 120,
  maxThroughput: 1_000_000,
  moneyDecimals: 2,
} as const;

/** The planner's field messages in both languages, shared with the HTTP schema's checks. */
export const planMessages = {
  required: { message: 'is required', messageZh: '必填' },
  number: { message: 'must be a number', messageZh: '须为数字' },
  customers: {
    message: `must be a whole number from 0 to ${planLimits.maxCustomers}`,
    messageZh: `须为 0 到 ${planLimits.maxCustomers} 的整数`,
  },
  avgDealSize: {
    message: `must be more than 0 and at most ${planLimits.maxMoney}, with at most 2 decimal places`,
    messageZh: `须大于 0 且不超过 ${planLimits.maxMoney}，最多两位小数`,
  },
  growthMultiple: {
    message: `must be more than 0 and at most ${planLimits.maxGrowthMultiple} (target ÷ current revenue: 4 means four times this year)`,
    messageZh: `须大于 0 且不超过 ${planLimits.maxGrowthMultiple}（目标 ÷ 当前收入：4 即今年的四倍）`,
  },
  targetRevenue: {
    message: `must be more than 0 and at most ${planLimits.maxMoney}, with at most 2 decimal places`,
    messageZh: `须大于 0 且不超过 ${planLimits.maxMoney}，最多两位小数`,
  },
  exactlyOne: {
    message: 'give exactly one of growthMultiple and targetRevenue',
    messageZh: '增长倍数（growthMultiple）与目标收入（targetRevenue）须填且只填其一',
  },
  renewalRate: {
    message: 'must be from 0 to 1 (0.5 is 50%); a renewal rate over 100% is not possible',
    messageZh: '须在 0 到 1 之间（0.5 即 50%）；续费率不可能超过 100%',
  },
  rate: { message: 'must be more than 0 and at most 1 (0.2 is 20%)', messageZh: '须大于 0 且不超过 1（0.2 即 20%）' },
  months: {
    message: `must be a whole number of months from 1 to ${planLimits.maxMonths}`,
    messageZh: `须为 1 到 ${planLimits.maxMonths} 的整数月数`,
  },
  throughput: {
    message: `must be more than 0 and at most ${planLimits.maxThroughput}`,
    messageZh: `须大于 0 且不超过 ${planLimits.maxThroughput}`,
  },
  conversion: {
    message: 'is required: {leadToMql, mqlToSql, sqlToOpportunity, opportunityToWon}',
    messageZh: '必填：{leadToMql, mqlToSql, sqlToOpportunity, opportunityToWon}',
  },
} as const satisfies Record<string, FieldWords>;

export interface CheckedCapacityInput {
  customers: Exact;
  avgDealSize: Exact;
  target: { growthMultiple: Exact } | { targetRevenue: Exact };
  renewalRate: Exact;
  conversion: Record<ConversionStage, Exact>;
  months: Exact;
  mqlsPerSdrPerMonth?: Exact;
  dealsPerRepPerMonth?: Exact;
}

export interface FunnelCounts {
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  newCustomers: number;
}

/** The answer of `POST /plans/capacity` (SPEC §10.1): money in yuan (2 decimals), counts whole. */
export interface CapacityPlan extends FunnelCounts {
  currentRevenue: number;
  targetRevenue: number;
  renewalRevenue: number;
  newRevenue: number;
  perMonth: FunnelCounts;
  sdrsNeeded?: number;
  repsNeeded?: number;
}

interface Rule {
  integer?: boolean;
  /** Smallest allowed value, and whether it is allowed itself. */
  min: number;
  minIncluded: boolean;
  max: number;
  decimals?: number;
  message: FieldWords;
}

const absent = (v: unknown) => v === undefined || v === null || v === '';

function readNumber(field: string, raw: unknown, rule: Rule, errors: FieldError[]): Exact | undefined {
  if (absent(raw)) {
    errors.push({ field, ...planMessages.required });
    return undefined;
  }
  const value = typeof raw === 'number' || typeof raw === 'string' ? Exact.parse(raw) : undefined;
  if (!value) {
    errors.push({ field, ...planMessages.number });
    return undefined;
  }
  const min = Exact.parse(rule.min) as Exact;
  const max = Exact.parse(rule.max) as Exact;
  const low = rule.minIncluded ? value.compare(min) < 0 : value.compare(min) <= 0;
  if (
    low ||
    value.compare(max) > 0 ||
    (rule.integer && !value.isInteger()) ||
    (rule.decimals !== undefined && !value.hasAtMostDecimals(rule.decimals))
  ) {
    errors.push({ field, ...rule.message });
    return undefined;
  }
  return value;
}

const rules = {
  customers: {
    integer: true,
    min: 0,
    minIncluded: true,
    max: planLimits.maxCustomers,
    message: planMessages.customers,
  },
  avgDealSize: {
    min: 0,
    minIncluded: false,
    max: planLimits.maxMoney,
    decimals: planLimits.moneyDecimals,
    message: planMessages.avgDealSize,
  },
  growthMultiple: {
    min: 0,
    minIncluded: false,
    max: planLimits.maxGrowthMultiple,
    message: planMessages.growthMultiple,
  },
  targetRevenue: {
    min: 0,
    minIncluded: false,
    max: planLimits.maxMoney,
    decimals: planLimits.moneyDecimals,
    message: planMessages.targetRevenue,
  },
  renewalRate: { min: 0, minIncluded: true, max: 1, message: planMessages.renewalRate },
  rate: { min: 0, minIncluded: false, max: 1, message: planMessages.rate },
  months: { integer: true, min: 1, minIncluded: true, max: planLimits.maxMonths, message: planMessages.months },
  throughput: { min: 0, minIncluded: false, max: planLimits.maxThroughput, message: planMessages.throughput },
} satisfies Record<string, Rule>;

/** Every field at fault at once, named as in the HTTP body (`conversion.leadToMql`). */
export function checkCapacityInput(input: CapacityPlanInput): { errors: FieldError[]; value?: CheckedCapacityInput } {
  const errors: FieldError[] = [];
  const customers = readNumber('customers', input.customers, rules.customers, errors);
  const avgDealSize = readNumber('avgDealSize', input.avgDealSize, rules.avgDealSize, errors);

  let target: CheckedCapacityInput['target'] | undefined;
  const hasMultiple = !absent(input.growthMultiple);
  const hasTarget = !absent(input.targetRevenue);
  if (hasMultiple === hasTarget) {
    errors.push(
      { field: 'growthMultiple', ...planMessages.exactlyOne },
      { field: 'targetRevenue', ...planMessages.exactlyOne },
    );
  } else if (hasMultiple) {
    const growthMultiple = readNumber('growthMultiple', input.growthMultiple, rules.growthMultiple, errors);
    if (growthMultiple) target = { growthMultiple };
  } else {
    const targetRevenue = readNumber('targetRevenue', input.targetRevenue, rules.targetRevenue, errors);
    if (targetRevenue) target = { targetRevenue };
  }

  const renewalRate = readNumber('renewalRate', input.renewalRate, rules.renewalRate, errors);

  const conversion: Partial<Record<ConversionStage, Exact>> = {};
  if (input.conversion === undefined || input.conversion === null || typeof input.conversion !== 'object') {
    errors.push({ field: 'conversion', ...planMessages.conversion });
  } else {
    for (const stage of conversionStages) {
      const rate = readNumber(`conversion.${stage}`, input.conversion[stage], rules.rate, errors);
      if (rate) conversion[stage] = rate;
    }
  }

  const months = readNumber('months', input.months, rules.months, errors);
  const optional = (field: 'mqlsPerSdrPerMonth' | 'dealsPerRepPerMonth') =>
    absent(input[field]) ? undefined : readNumber(field, input[field], rules.throughput, errors);
  const mqlsPerSdrPerMonth = optional('mqlsPerSdrPerMonth');
  const dealsPerRepPerMonth = optional('dealsPerRepPerMonth');

  // growthMultiple needs a revenue to multiply.
  if (customers?.sign() === 0 && target && 'growthMultiple' in target) {
    errors.push({
      field: 'growthMultiple',
      message: 'with 0 customers there is no current revenue to multiply: give targetRevenue instead',
      messageZh: '客户数为 0 时没有当前收入可乘：请改填目标收入（targetRevenue）',
    });
  }
  if (customers && avgDealSize) {
    const current = customers.times(avgDealSize);
    if (current.compare(Exact.integer(planLimits.maxMoney)) > 0) {
      errors.push({
        field: 'customers',
        message: `customers × avgDealSize (current revenue) must be at most ${planLimits.maxMoney}`,
        messageZh: `customers × avgDealSize（当前收入）不能超过 ${planLimits.maxMoney}`,
      });
    } else if (target && 'growthMultiple' in target) {
      if (current.times(target.growthMultiple).round(2).compare(Exact.integer(planLimits.maxMoney)) > 0) {
        errors.push({
          field: 'growthMultiple',
          message: `the target revenue (current revenue × growthMultiple) must be at most ${planLimits.maxMoney}`,
          messageZh: `目标收入（当前收入 × growthMultiple）不能超过 ${planLimits.maxMoney}`,
        });
      }
    }
  }

  if (errors.length > 0 || !customers || !avgDealSize || !target || !renewalRate || !months) return { errors };
  return {
    errors,
    value: {
      customers,
      avgDealSize,
      target,
      renewalRate,
      conversion: conversion as Record<ConversionStage, Exact>,
      months,
      ...(mqlsPerSdrPerMonth ? { mqlsPerSdrPerMonth } : {}),
      ...(dealsPerRepPerMonth ? { dealsPerRepPerMonth } : {}),
    },
  };
}

/** The plan in exact values, before it becomes JSON numbers. */
export interface ExactCapacityPlan {
  currentRevenue: Exact;
  targetRevenue: Exact;
  renewalRevenue: Exact;
  newRevenue: Exact;
  counts: Record<keyof FunnelCounts, bigint>;
  perMonth: Record<keyof FunnelCounts, bigint>;
  months: bigint;
  sdrsNeeded?: bigint;
  repsNeeded?: bigint;
}

const MAX_COUNT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The reverse funnel over checked input. Errors only for figures a JSON number cannot count
 * exactly (rates so small that over 2^53 leads would be needed) or a target below renewals.
 */
export function computeCapacityPlan(input: CheckedCapacityInput): { errors: FieldError[]; plan?: ExactCapacityPlan } {
  const currentRevenue = input.customers.times(input.avgDealSize);
  const targetField = 'growthMultiple' in input.target ? 'growthMultiple' : 'targetRevenue';
  const targetRevenue =
    'growthMultiple' in input.target
      ? currentRevenue.times(input.target.growthMultiple).round(2)
      : input.target.targetRevenue;
  const renewalRevenue = currentRevenue.times(input.renewalRate).round(2);
  const newRevenue = targetRevenue.minus(renewalRevenue);
  if (newRevenue.sign() < 0) {
    return {
      errors: [
        {
          field: targetField,
          message:
            `the target revenue ${targetRevenue.toFixed(2)} is below what renewals bring in ` +
            `(${renewalRevenue.toFixed(2)} = current revenue × renewalRate); growthMultiple is target ÷ ` +
            'current revenue, so growth of 40% is 1.4',
          messageZh:
            `目标收入 ${targetRevenue.toFixed(2)} 低于续费带来的收入` +
            `（${renewalRevenue.toFixed(2)} = 当前收入 × renewalRate）；growthMultiple 是目标 ÷ 当前收入，增长 40% 即 1.4`,
        },
      ],
    };
  }

  const newCustomers = newRevenue.dividedBy(input.avgDealSize).ceil();
  const errors: FieldError[] = [];
  // Each stage up the funnel, from the deals back to the leads, rounded up at every step.
  const stageUp = (below: bigint, stage: ConversionStage): bigint => {
    const need = Exact.integer(below).dividedBy(input.conversion[stage]).ceil();
    if (need > MAX_COUNT && errors.length === 0) {
      errors.push({
        field: `conversion.${stage}`,
        message: `these conversion rates need more than ${Number.MAX_SAFE_INTEGER} at one stage; check the rates`,
        messageZh: `按这些转化率，某一阶段需要超过 ${Number.MAX_SAFE_INTEGER} 条；请检查转化率`,
      });
    }
    return need;
  };
  const opportunities = stageUp(newCustomers, 'opportunityToWon');
  const sqls = stageUp(opportunities, 'sqlToOpportunity');
  const mqls = stageUp(sqls, 'mqlToSql');
  const leads = stageUp(mqls, 'leadToMql');
  if (errors.length > 0) return { errors };

  const months = input.months.num;
  const monthly = (total: bigint) => Exact.fraction(total, months).ceil();
  const counts = { leads, mqls, sqls, opportunities, newCustomers };
  const perMonth = {
    leads: monthly(leads),
    mqls: monthly(mqls),
    sqls: monthly(sqls),
    opportunities: monthly(opportunities),
    newCustomers: monthly(newCustomers),
  };
  const people = (count: bigint, field: 'mqlsPerSdrPerMonth' | 'dealsPerRepPerMonth') => {
    const perPerson = input[field];
    if (!perPerson) return undefined;
    const need = Exact.integer(count).dividedBy(perPerson).ceil();
    if (need > MAX_COUNT)
      errors.push({
        field,
        message: 'is so small that the team cannot be counted; check it',
        messageZh: '太小，算不出所需人数；请检查',
      });
    return need;
  };
  const sdrsNeeded = people(perMonth.mqls, 'mqlsPerSdrPerMonth');
  const repsNeeded = people(perMonth.newCustomers, 'dealsPerRepPerMonth');
  if (errors.length > 0) return { errors };
  return {
    errors: [],
    plan: {
      currentRevenue,
      targetRevenue,
      renewalRevenue,
      newRevenue,
      counts,
      perMonth,
      months,
      ...(sdrsNeeded !== undefined ? { sdrsNeeded } : {}),
      ...(repsNeeded !== undefined ? { repsNeeded } : {}),
    },
  };
}

const countsToNumbers = (c: Record<keyof FunnelCounts, bigint>): FunnelCounts => ({
  leads: Number(c.leads),
  mqls: Number(c.mqls),
  sqls: Number(c.sqls),
  opportunities: Number(c.opportunities),
  newCustomers: Number(c.newCustomers),
});

/** JSON numbers: money through its 2-decimal text (exact: ≤ 15 significant digits), counts whole. */
export function presentCapacityPlan(plan: ExactCapacityPlan): CapacityPlan {
  return {
    currentRevenue: plan.currentRevenue.toNumber(2),
    targetRevenue: plan.targetRevenue.toNumber(2),
    renewalRevenue: plan.renewalRevenue.toNumber(2),
    newRevenue: plan.newRevenue.toNumber(2),
    ...countsToNumbers(plan.counts),
    perMonth: countsToNumbers(plan.perMonth),
    ...(plan.sdrsNeeded !== undefined ? { sdrsNeeded: Number(plan.sdrsNeeded) } : {}),
    ...(plan.repsNeeded !== undefined ? { repsNeeded: Number(plan.repsNeeded) } : {}),
  };
}

/** Check, compute and present; InvalidInput naming every field at fault. */
export function planCapacity(input: CapacityPlanInput): CapacityPlan {
  const checked = checkCapacityInput(input);
  if (!checked.value) throw new InvalidInput(checked.errors);
  const { errors, plan } = computeCapacityPlan(checked.value);
  if (!plan) throw new InvalidInput(errors);
  return presentCapacityPlan(plan);
}
