import { describe, expect, it } from 'vitest';
import { planCapacity } from './capacity-plan.js';
import { comparePlanToActuals, planCalendar } from './plan-vs-actual.js';

const plan = planCapacity({
  customers: 600,
  avgDealSize: 20000,
  growthMultiple: 4,
  renewalRate: 0.5,
  conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.25 },
  months: 12,
});

describe('planCalendar', () => {
  it('counts calendar months across a year end', () => {
    expect(planCalendar('2025-11', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(() => planCalendar('2026-13', 1)).toThrow(/yyyy-mm/);
  });
});

describe('comparePlanToActuals', () => {
  it('lines measured months up with the plan, cumulatively reaching the exact total', () => {
    const month = (m: string, leads: number, newCustomers: number) => ({
      month: m,
      leads,
      mqls: leads / 5,
      sqls: leads / 10,
      opportunities: leads / 20,
      newCustomers,
    });
    const rows = comparePlanToActuals(plan, 12, '2026-01', [
      month('2026-01', 10_000, 150),
      month('2026-02', 13_000, 200),
    ]);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({
      month: '2026-01',
      index: 1,
      planned: plan.perMonth,
      actual: { leads: 10_000, newCustomers: 150 },
      cumulativePlanned: { leads: 11_667, newCustomers: 175 },
      gap: { leads: -1667, newCustomers: -25 },
    });
    expect(rows[1]).toMatchObject({
      cumulativeActual: { leads: 23_000, newCustomers: 350 },
      cumulativePlanned: { leads: 23_334, newCustomers: 350 }, // ⌈140000 × 2 ÷ 12⌉
      gap: { leads: -334, newCustomers: 0 },
    });
    expect(rows[2]).toMatchObject({ month: '2026-03', actual: null, cumulativeActual: null, gap: null });
    expect(rows[11].cumulativePlanned).toEqual({
      leads: 140_000,
      mqls: 28_000,
      sqls: 14_000,
      opportunities: 8400,
      newCustomers: 2100,
    });
  });
});
