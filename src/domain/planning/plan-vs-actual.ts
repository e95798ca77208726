/**
 * The plan next to what the funnel delivered, month by month (SPEC §8.5 "show the plan next to
 * what the funnel actually delivers"; issue 6 item 5; `startMonth` of POST /plans/capacity). The
 * funnel report measures each calendar month's counts by event date (leads captured, MQLs, SQLs,
 * opportunities, won deals, services/planning/plan-capacity.ts); this lines them up with the plan.
 *
 * Per month the plan asks for `perMonth` (each total spread evenly, rounded up). Cumulatively
 * it asks for ⌈total × k ÷ months⌉ by the end of month k, which reaches the exact total in the
 * last month (the monthly row × k would overshoot by up to k − 1).
 */
import { InvalidInput } from '../errors.js';
import type { CapacityPlan, FunnelCounts } from './capacity-plan.js';
import { Exact } from './exact.js';

export interface MonthActuals extends FunnelCounts {
  /** Calendar month, yyyy-mm. */
  month: string;
}

export interface PlanMonthRow {
  /** Calendar month, yyyy-mm. */
  month: string;
  /** 1 for the plan's first month. */
  index: number;
  planned: FunnelCounts;
  /** Null for a month the funnel has not measured (yet). */
  actual: FunnelCounts | null;
  cumulativePlanned: FunnelCounts;
  /** Null from the first unmeasured month on. */
  cumulativeActual: FunnelCounts | null;
  /** cumulativeActual − cumulativePlanned: negative is behind plan. */
  gap: FunnelCounts | null;
}

const keys = ['leads', 'mqls', 'sqls', 'opportunities', 'newCustomers'] as const;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

function mapCounts(f: (key: (typeof keys)[number]) => number): FunnelCounts {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as unknown as FunnelCounts;
}

/** The plan's calendar months from `startMonth` (yyyy-mm). */
export function planCalendar(startMonth: string, months: number): string[] {
  const m = monthPattern.exec(startMonth);
  if (!m)
    throw new InvalidInput([
      { field: 'startMonth', message: 'must be a month as yyyy-mm', messageZh: '应为 yyyy-mm 格式的月份' },
    ]);
  const first = Number(m[1]) * 12 + Number(m[2]) - 1;
  return Array.from({ length: months }, (_, i) => {
    const at = first + i;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}

/** Plan rows for every month of the plan, with the measured actuals of the months that have them. */
export function comparePlanToActuals(
  plan: CapacityPlan,
  months: number,
  startMonth: string,
  actuals: readonly MonthActuals[],
): PlanMonthRow[] {
  const byMonth = new Map(actuals.map((a) => [a.month, a]));
  const running = mapCounts(() => 0);
  let measuredSoFar = true;
  return planCalendar(startMonth, months).map((month, i) => {
    const index = i + 1;
    const cumulativePlanned = mapCounts((k) =>
      Number(Exact.fraction(BigInt(plan[k]) * BigInt(index), BigInt(months)).ceil()),
    );
    const measured = byMonth.get(month);
    measuredSoFar &&= measured !== undefined;
    const actual = measured ? mapCounts((k) => measured[k]) : null;
    if (actual) for (const k of keys) running[k] += actual[k];
    const cumulativeActual = measuredSoFar ? { ...running } : null;
    return {
      month,
      index,
      planned: { ...plan.perMonth },
      actual,
      cumulativePlanned,
      cumulativeActual,
      gap: cumulativeActual ? mapCounts((k) => cumulativeActual[k] - cumulativePlanned[k]) : null,
    };
  });
}
