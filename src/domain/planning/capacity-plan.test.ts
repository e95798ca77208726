import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.js';
import { type CapacityPlanInput, checkCapacityInput, planCapacity } from './capacity-plan.js';

/** Seed 001's worked example (SPEC §8.5), with seed-like conversion rates. */
const seed: CapacityPlanInput = {
  customers: 600,
  avgDealSize: 20000,
  growthMultiple: 4,
  renewalRate: 0.5,
  conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.25 },
  months: 12,
};

const fieldsOf = (input: CapacityPlanInput) => checkCapacityInput(input).errors.map((e) => e.field);

function errorsOf(input: CapacityPlanInput): { field: string; message: string }[] {
  try {
    planCapacity(input);
  } catch (error) {
    if (error instanceof InvalidInput) return error.errors;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('planCapacity', () => {
  it("reproduces seed 001's worked example: 2,100 new customers", () => {
    expect(planCapacity(seed)).toEqual({
      currentRevenue: 12_000_000,
      targetRevenue: 48_000_000,
      renewalRevenue: 6_000_000,
      newRevenue: 42_000_000,
      newCustomers: 2100,
      opportunities: 8400, // 2100 ÷ 0.25
      sqls: 14_000, // 8400 ÷ 0.6
      mqls: 28_000, // 14000 ÷ 0.5
      leads: 140_000, // 28000 ÷ 0.2
      perMonth: { leads: 11_667, mqls: 2334, sqls: 1167, opportunities: 700, newCustomers: 175 },
    });
  });

  it('gives the same plan for the target given directly, and for decimal text', () => {
    const { growthMultiple: _, ...rest } = seed;
    expect(planCapacity({ ...rest, targetRevenue: 48_000_000 })).toEqual(planCapacity(seed));
    const text: CapacityPlanInput = {
      customers: '600',
      avgDealSize: '20000',
      growthMultiple: '4',
      renewalRate: '0.5',
      conversion: { leadToMql: '0.2', mqlToSql: '.5', sqlToOpportunity: '0.60', opportunityToWon: '25e-2' },
      months: '12',
    };
    expect(planCapacity(text)).toEqual(planCapacity(seed));
  });

  it('sizes the SDR team to the monthly MQLs and the sales team to the monthly new deals', () => {
    const plan = planCapacity({ ...seed, mqlsPerSdrPerMonth: 40, dealsPerRepPerMonth: 5 });
    expect(plan.sdrsNeeded).toBe(59); // ⌈2334 ÷ 40⌉ = ⌈58.35⌉
    expect(plan.repsNeeded).toBe(35); // 175 ÷ 5
    expect(planCapacity(seed)).not.toHaveProperty('sdrsNeeded');
  });

  it('has no floating-point artefacts: 3249 ÷ 0.57 opportunities is 5700, not 5701', () => {
    // 100 × 10,000 this year, half renews; 32,990,000 target → 32,490,000 new → 3,249 customers.
    const plan = planCapacity({
      customers: 100,
      avgDealSize: 10000,
      targetRevenue: 32_990_000,
      renewalRate: 0.5,
      conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.57 },
      months: 12,
    });
    expect(Math.ceil(3249 / 0.57)).toBe(5701); // the naive answer
    expect(plan).toMatchObject({ newCustomers: 3249, opportunities: 5700, sqls: 9500, mqls: 19_000, leads: 95_000 });
  });

  it('has no floating-point artefacts in money: 12,000,000 × 1.1 is 13,200,000.00', () => {
    const plan = planCapacity({ ...seed, growthMultiple: 1.1, renewalRate: 0.3 });
    expect(600 * 20000 * 1.1).toBe(13200000.000000002);
    expect(Math.ceil((600 * 20000 * 1.1 - 600 * 20000 * 0.3) / 20000)).toBe(481); // naive
    expect(plan).toMatchObject({
      targetRevenue: 13_200_000,
      renewalRevenue: 3_600_000,
      newRevenue: 9_600_000,
      newCustomers: 480,
    });
  });

  it('rounds up at every stage, so each stage delivers the whole count below it', () => {
    const rates = { leadToMql: 0.15, mqlToSql: 0.35, sqlToOpportunity: 0.45, opportunityToWon: 0.3 };
    const plan = planCapacity({
      customers: 50,
      avgDealSize: 36000,
      targetRevenue: 5_000_000,
      renewalRate: 0.8,
      conversion: rates,
      months: 6,
      mqlsPerSdrPerMonth: 60,
      dealsPerRepPerMonth: 2.5,
    });
    expect(plan).toEqual({
      currentRevenue: 1_800_000,
      targetRevenue: 5_000_000,
      renewalRevenue: 1_440_000,
      newRevenue: 3_560_000,
      newCustomers: 99, // ⌈98.89⌉
      opportunities: 330, // 99 ÷ 0.3
      sqls: 734, // ⌈733.3⌉
      mqls: 2098, // ⌈734 ÷ 0.35 = 2097.1⌉ (rounding only at the end would say 2096)
      leads: 13_987, // ⌈2098 ÷ 0.15 = 13986.7⌉
      perMonth: { leads: 2332, mqls: 350, sqls: 123, opportunities: 55, newCustomers: 17 },
      sdrsNeeded: 6, // ⌈350 ÷ 60⌉
      repsNeeded: 7, // ⌈17 ÷ 2.5⌉
    });
    expect(plan.sqls * rates.sqlToOpportunity).toBeGreaterThanOrEqual(plan.opportunities);
    expect(plan.mqls * rates.mqlToSql).toBeGreaterThanOrEqual(plan.sqls);
    expect(plan.leads * rates.leadToMql).toBeGreaterThanOrEqual(plan.mqls);
    expect(plan.perMonth.leads * 6).toBeGreaterThanOrEqual(plan.leads);
  });

  it('keeps money exact to the fen and adding up', () => {
    const plan = planCapacity({
      ...seed,
      customers: 7,
      avgDealSize: 1234.56,
      growthMultiple: 1.333,
      renewalRate: 0.655,
    });
    expect(plan).toMatchObject({
      currentRevenue: 8641.92,
      targetRevenue: 11519.68, // 11519.67936
      renewalRevenue: 5660.46, // 5660.4576
      newRevenue: 5859.22,
      newCustomers: 5, // ⌈4.746⌉
    });
  });

  it('plans nothing new when renewals meet the target exactly; 100% renewal and rate 1 are allowed', () => {
    const plan = planCapacity({
      ...seed,
      growthMultiple: 1,
      renewalRate: 1,
      conversion: { leadToMql: 1, mqlToSql: 1, sqlToOpportunity: 1, opportunityToWon: 1 },
      mqlsPerSdrPerMonth: 10,
      dealsPerRepPerMonth: 1,
    });
    expect(plan).toMatchObject({ newRevenue: 0, newCustomers: 0, leads: 0, sdrsNeeded: 0, repsNeeded: 0 });
    expect(plan.perMonth).toEqual({ leads: 0, mqls: 0, sqls: 0, opportunities: 0, newCustomers: 0 });
  });

  it('plans for a company with no customers yet from a target', () => {
    const plan = planCapacity({ ...seed, customers: 0, growthMultiple: undefined, targetRevenue: 1_000_000 });
    expect(plan).toMatchObject({ currentRevenue: 0, renewalRevenue: 0, newRevenue: 1_000_000, newCustomers: 50 });
  });

  it('refuses a target below what renewals bring in, naming the field that set it', () => {
    const [error] = errorsOf({ ...seed, growthMultiple: 0.4 });
    expect(error.field).toBe('growthMultiple');
    expect(error.message).toMatch(/below what renewals bring in/);
    const { growthMultiple: _, ...rest } = seed;
    expect(errorsOf({ ...rest, targetRevenue: 5_999_999.99 })[0].field).toBe('targetRevenue');
  });
});

describe('checkCapacityInput names every impossible input', () => {
  it.each([
    ['a rate of 0', { conversion: { ...(seed.conversion as object), leadToMql: 0 } }, 'conversion.leadToMql'],
    ['a negative rate', { conversion: { ...(seed.conversion as object), mqlToSql: -0.1 } }, 'conversion.mqlToSql'],
    [
      'a rate over 1',
      { conversion: { ...(seed.conversion as object), sqlToOpportunity: 1.2 } },
      'conversion.sqlToOpportunity',
    ],
    [
      'a missing rate',
      { conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6 } },
      'conversion.opportunityToWon',
    ],
    ['no conversion at all', { conversion: undefined }, 'conversion'],
    ['renewal over 100%', { renewalRate: 1.01 }, 'renewalRate'],
    ['negative renewal', { renewalRate: -0.1 }, 'renewalRate'],
    ['0 months', { months: 0 }, 'months'],
    ['fractional months', { months: 1.5 }, 'months'],
    ['negative months', { months: -12 }, 'months'],
    ['too many months', { months: 121 }, 'months'],
    ['negative customers', { customers: -1 }, 'customers'],
    ['fractional customers', { customers: 600.5 }, 'customers'],
    ['missing customers', { customers: undefined }, 'customers'],
    ['a deal size of 0', { avgDealSize: 0 }, 'avgDealSize'],
    ['a deal size in fractions of a fen', { avgDealSize: 20000.005 }, 'avgDealSize'],
    ['a growth multiple of 0', { growthMultiple: 0 }, 'growthMultiple'],
    ['a negative growth multiple', { growthMultiple: -2 }, 'growthMultiple'],
    ['a growth multiple on 0 customers', { customers: 0 }, 'growthMultiple'],
    ['both growthMultiple and targetRevenue', { targetRevenue: 48_000_000 }, 'targetRevenue'],
    ['neither growthMultiple nor targetRevenue', { growthMultiple: null }, 'growthMultiple'],
    ['a throughput of 0', { mqlsPerSdrPerMonth: 0 }, 'mqlsPerSdrPerMonth'],
    ['a negative throughput', { dealsPerRepPerMonth: -3 }, 'dealsPerRepPerMonth'],
    ['text that is no number', { avgDealSize: '20k' }, 'avgDealSize'],
    ['a current revenue beyond ten trillion', { customers: 100_000_000, avgDealSize: 200_000 }, 'customers'],
  ] as [string, CapacityPlanInput, string][])('%s → %s', (_, change, field) => {
    expect(fieldsOf({ ...seed, ...change })).toContain(field);
  });

  it('names every field at fault at once', () => {
    expect(fieldsOf({ customers: -1, avgDealSize: 0, renewalRate: 2, conversion: {}, months: 0 }).sort()).toEqual([
      'avgDealSize',
      'conversion.leadToMql',
      'conversion.mqlToSql',
      'conversion.opportunityToWon',
      'conversion.sqlToOpportunity',
      'customers',
      'growthMultiple',
      'months',
      'renewalRate',
      'targetRevenue',
    ]);
  });

  it('refuses rates so small the leads could not be counted', () => {
    const tiny = { leadToMql: 1e-9, mqlToSql: 1e-9, sqlToOpportunity: 1e-9, opportunityToWon: 0.25 };
    expect(errorsOf({ ...seed, conversion: tiny })[0].field).toMatch(/^conversion\./);
  });
});
