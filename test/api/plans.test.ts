/**
 * POST /plans/capacity (SPEC §8.5, §10.1; issue 6 item 5): the reverse funnel through the
 * public API. Seed 001's worked example (2,100 new customers), exact arithmetic where doubles
 * drift, hand-computed plans, every impossible input a 400 naming its field, and who may plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

/** The body of the contract check (SPEC §10.1): seed 001's company, seed-like rates. */
const seed = {
  customers: 600,
  avgDealSize: 20000,
  growthMultiple: 4,
  renewalRate: 0.5,
  conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.25 },
  months: 12,
};

const seedPlan = {
  currentRevenue: 12_000_000, // 600 × 20,000
  targetRevenue: 48_000_000, // × 4
  renewalRevenue: 6_000_000, // 50% of this year
  newRevenue: 42_000_000,
  newCustomers: 2100, // 42,000,000 ÷ 20,000
  opportunities: 8400, // ÷ 0.25
  sqls: 14_000, // ÷ 0.6
  mqls: 28_000, // ÷ 0.5
  leads: 140_000, // ÷ 0.2
  perMonth: { leads: 11_667, mqls: 2334, sqls: 1167, opportunities: 700, newCustomers: 175 },
};

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(
    expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
  );
}

describe.each(engines())('capacity planning, POST /plans/capacity (%s)', (engine) => {
  let t: TestServer;
  const plan = (body: unknown) => t.admin('POST', '/plans/capacity', body);
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  describe("seed 001's worked example", () => {
    it('600 customers × 20,000, target 4× (48,000,000), 50% renewal → 2,100 new customers', async () => {
      const r = await plan(seed);
      expect(r.status, r.text).toBe(200);
      expect(r.body).toEqual(seedPlan);
    });

    it('answers exactly the keys of the contract, as numbers', async () => {
      const r = await plan({ ...seed, mqlsPerSdrPerMonth: 40, dealsPerRepPerMonth: 5 });
      expect(Object.keys(r.body).sort()).toEqual(
        [
          'currentRevenue',
          'targetRevenue',
          'renewalRevenue',
          'newRevenue',
          'newCustomers',
          'opportunities',
          'sqls',
          'mqls',
          'leads',
          'perMonth',
          'sdrsNeeded',
          'repsNeeded',
        ].sort(),
      );
      expect(Object.keys(r.body.perMonth).sort()).toEqual(
        ['leads', 'mqls', 'sqls', 'opportunities', 'newCustomers'].sort(),
      );
      expect(r.body.sdrsNeeded).toBe(59); // ⌈2334 MQLs a month ÷ 40 per SDR⌉
      expect(r.body.repsNeeded).toBe(35); // 175 deals a month ÷ 5 per rep
    });

    it('the target given directly plans the same; no throughputs, no head counts', async () => {
      const { growthMultiple: _, ...rest } = seed;
      const r = await plan({ ...rest, targetRevenue: 48_000_000, growthMultiple: null });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toEqual(seedPlan);
      expect(r.body).not.toHaveProperty('sdrsNeeded');
      expect(r.body).not.toHaveProperty('repsNeeded');
    });
  });

  describe('exact arithmetic', () => {
    it('3,249 new customers at 57% won need 5,700 opportunities (a double says 5700.000000000001)', async () => {
      expect(3249 / 0.57).toBe(5700.000000000001);
      const r = await plan({
        customers: 100,
        avgDealSize: 10000,
        targetRevenue: 32_990_000,
        renewalRate: 0.5,
        conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.57 },
        months: 12,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toEqual({
        currentRevenue: 1_000_000,
        targetRevenue: 32_990_000,
        renewalRevenue: 500_000,
        newRevenue: 32_490_000,
        newCustomers: 3249,
        opportunities: 5700,
        sqls: 9500,
        mqls: 19_000,
        leads: 95_000,
        perMonth: { leads: 7917, mqls: 1584, sqls: 792, opportunities: 475, newCustomers: 271 },
      });
    });

    it('12,000,000 × 1.1 is 13,200,000 and 30% renews: 480 new customers, not 481', async () => {
      expect(600 * 20000 * 1.1).toBe(13200000.000000002);
      const r = await plan({ ...seed, growthMultiple: 1.1, renewalRate: 0.3 });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({
        targetRevenue: 13_200_000,
        renewalRevenue: 3_600_000,
        newRevenue: 9_600_000,
        newCustomers: 480,
        opportunities: 1920,
        sqls: 3200,
        mqls: 6400,
        leads: 32_000,
      });
    });

    it('money stays exact to the fen and adds up', async () => {
      const r = await plan({ ...seed, customers: 7, avgDealSize: 1234.56, growthMultiple: 1.333, renewalRate: 0.655 });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({
        currentRevenue: 8641.92,
        targetRevenue: 11519.68,
        renewalRevenue: 5660.46,
        newRevenue: 5859.22,
        newCustomers: 5,
      });
    });
  });

  describe('hand-computed plans', () => {
    it('rounds up at every stage, per month, and for the team', async () => {
      const r = await plan({
        customers: 50,
        avgDealSize: 36000,
        targetRevenue: 5_000_000,
        renewalRate: 0.8,
        conversion: { leadToMql: 0.15, mqlToSql: 0.35, sqlToOpportunity: 0.45, opportunityToWon: 0.3 },
        months: 6,
        mqlsPerSdrPerMonth: 60,
        dealsPerRepPerMonth: 2.5,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toEqual({
        currentRevenue: 1_800_000,
        targetRevenue: 5_000_000,
        renewalRevenue: 1_440_000,
        newRevenue: 3_560_000,
        newCustomers: 99, // ⌈3,560,000 ÷ 36,000 = 98.9⌉
        opportunities: 330, // 99 ÷ 0.3
        sqls: 734, // ⌈733.3⌉
        mqls: 2098, // ⌈2097.1⌉
        leads: 13_987, // ⌈13986.7⌉
        perMonth: { leads: 2332, mqls: 350, sqls: 123, opportunities: 55, newCustomers: 17 },
        sdrsNeeded: 6, // ⌈350 ÷ 60⌉
        repsNeeded: 7, // ⌈17 ÷ 2.5⌉
      });
    });

    it('a quarter for a start-up with no customers yet', async () => {
      const r = await plan({
        customers: 0,
        avgDealSize: 58000,
        targetRevenue: 3_000_000,
        renewalRate: 0,
        conversion: { leadToMql: 0.1, mqlToSql: 0.4, sqlToOpportunity: 0.5, opportunityToWon: 0.2 },
        months: 3,
        mqlsPerSdrPerMonth: 80,
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toEqual({
        currentRevenue: 0,
        targetRevenue: 3_000_000,
        renewalRevenue: 0,
        newRevenue: 3_000_000,
        newCustomers: 52, // ⌈51.7⌉
        opportunities: 260,
        sqls: 520,
        mqls: 1300,
        leads: 13_000,
        perMonth: { leads: 4334, mqls: 434, sqls: 174, opportunities: 87, newCustomers: 18 },
        sdrsNeeded: 6, // ⌈434 ÷ 80⌉
      });
    });

    it('renewals meeting the target exactly plan nothing new', async () => {
      const r = await plan({ ...seed, growthMultiple: 0.5, dealsPerRepPerMonth: 4 });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({
        targetRevenue: 6_000_000,
        newRevenue: 0,
        newCustomers: 0,
        leads: 0,
        repsNeeded: 0,
      });
    });
  });

  describe('impossible input is a 400 naming the field', () => {
    const withRate = (stage: string, value: unknown) => ({
      ...seed,
      conversion: { ...seed.conversion, [stage]: value },
    });
    const { growthMultiple: _, ...noTarget } = seed;
    it.each([
      ['a rate of 0', withRate('leadToMql', 0), 'conversion.leadToMql'],
      ['a negative rate', withRate('mqlToSql', -0.5), 'conversion.mqlToSql'],
      ['a rate over 1', withRate('sqlToOpportunity', 1.5), 'conversion.sqlToOpportunity'],
      ['a rate as text', withRate('opportunityToWon', '25%'), 'conversion.opportunityToWon'],
      [
        'a missing rate',
        { ...seed, conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6 } },
        'conversion.opportunityToWon',
      ],
      ['an unknown rate', withRate('wonToUpsell', 0.1), 'conversion.wonToUpsell'],
      ['no conversion rates', { ...seed, conversion: undefined }, 'conversion'],
      ['both conversion and measuredMonths', { ...seed, measuredMonths: 6 }, 'conversion'],
      ['measuredMonths 0', { ...seed, conversion: undefined, measuredMonths: 0 }, 'measuredMonths'],
      ['fractional measuredMonths', { ...seed, conversion: undefined, measuredMonths: 2.5 }, 'measuredMonths'],
      ['a startMonth that is not yyyy-mm', { ...seed, startMonth: '2026-13' }, 'startMonth'],
      ['renewal over 100%', { ...seed, renewalRate: 1.2 }, 'renewalRate'],
      ['negative renewal', { ...seed, renewalRate: -0.1 }, 'renewalRate'],
      ['0 months', { ...seed, months: 0 }, 'months'],
      ['fractional months', { ...seed, months: 1.5 }, 'months'],
      ['negative months', { ...seed, months: -3 }, 'months'],
      ['months as text', { ...seed, months: '12' }, 'months'],
      ['negative customers', { ...seed, customers: -600 }, 'customers'],
      ['fractional customers', { ...seed, customers: 600.5 }, 'customers'],
      ['a deal size of 0', { ...seed, avgDealSize: 0 }, 'avgDealSize'],
      ['a negative deal size', { ...seed, avgDealSize: -20000 }, 'avgDealSize'],
      ['a deal size in fractions of a fen', { ...seed, avgDealSize: 20000.005 }, 'avgDealSize'],
      ['a negative growth multiple', { ...seed, growthMultiple: -4 }, 'growthMultiple'],
      ['both growthMultiple and targetRevenue', { ...seed, targetRevenue: 48_000_000 }, 'targetRevenue'],
      ['neither growthMultiple nor targetRevenue', noTarget, 'growthMultiple'],
      ['a growth multiple on 0 customers', { ...seed, customers: 0 }, 'growthMultiple'],
      ['a target below the renewal revenue', { ...seed, growthMultiple: 0.4 }, 'growthMultiple'],
      ['a target revenue below the renewal revenue', { ...noTarget, targetRevenue: 5_999_999.99 }, 'targetRevenue'],
      ['0 MQLs per SDR', { ...seed, mqlsPerSdrPerMonth: 0 }, 'mqlsPerSdrPerMonth'],
      ['negative deals per rep', { ...seed, dealsPerRepPerMonth: -1 }, 'dealsPerRepPerMonth'],
      ['an unknown field', { ...seed, salesCycle: 1 }, 'salesCycle'],
    ])('%s → %s', async (_, body, field) => {
      const r = await plan(body);
      expectFieldError(r, field);
    });

    it('says why a target below renewals is refused', async () => {
      const r = await plan({ ...seed, growthMultiple: 0.4 });
      expectFieldError(r, 'growthMultiple');
      expect(r.body.detail).toMatch(/below what renewals bring in/);
      expect(r.body.detail).toContain('6000000.00');
    });

    it('names every field at fault at once', async () => {
      const r = await plan({ customers: -1, avgDealSize: 0, renewalRate: 2, conversion: seed.conversion, months: 0 });
      expectProblem(r, 400);
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['customers', 'avgDealSize', 'renewalRate', 'months']));
    });

    it('an empty body or a non-object → 400', async () => {
      expectProblem(await plan({}), 400);
      expectProblem(await plan('[1, 2]'), 400);
    });
  });

  describe('who may plan (§1)', () => {
    it.each(['marketing', 'sales_ops', 'sdr_lead', 'sales_manager'])('%s may', async (role) => {
      const user = await makeUser(t, role);
      const r = await user.call('POST', '/plans/capacity', seed);
      expect(r.status, r.text).toBe(200);
      expect(r.body.newCustomers).toBe(2100);
    });

    it.each(['sdr', 'sales', 'sales_assistant'])('%s may not: 403 with the reason', async (role) => {
      const user = await makeUser(t, role);
      const r = await user.call('POST', '/plans/capacity', seed);
      expectProblem(r, 403);
      expect(r.body.detail).toMatch(/run capacity plans/);
    });

    it('no token → 401', async () => {
      expectProblem(await t.as(null)('POST', '/plans/capacity', seed), 401);
    });
  });

  it('the OpenAPI document describes the body and the answer, with 400, 401 and 403', async () => {
    const doc = (await t.as(null)('GET', '/openapi.json')).body;
    const op = doc.paths['/api/v1/plans/capacity']?.post;
    expect(op).toBeDefined();
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    const resolve = (schema: any) =>
      schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : (schema as any);
    const body = resolve(op.requestBody.content['application/json'].schema);
    for (const field of [
      'customers',
      'avgDealSize',
      'growthMultiple',
      'targetRevenue',
      'renewalRate',
      'conversion',
      'months',
      'mqlsPerSdrPerMonth',
      'dealsPerRepPerMonth',
      'measuredMonths',
      'startMonth',
    ]) {
      expect(body.properties[field]?.description, field).toEqual(expect.any(String));
    }
    // conversion or measuredMonths: the domain names `conversion` when neither is given
    expect(body.required).toEqual(expect.arrayContaining(['customers', 'avgDealSize', 'renewalRate', 'months']));
    expect(body.properties.conversion.properties.leadToMql).toMatchObject({ exclusiveMinimum: 0, maximum: 1 });
    const answer = resolve(op.responses['200'].content['application/json'].schema);
    for (const field of [
      'currentRevenue',
      'newCustomers',
      'leads',
      'perMonth',
      'sdrsNeeded',
      'repsNeeded',
      'measured',
      'byMonth',
    ]) {
      expect(answer.properties[field]?.description, field).toEqual(expect.any(String));
    }
  });
});
