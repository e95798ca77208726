import { describe, expect, it } from 'vitest';
import { parseIncentivePeriod } from './incentive-period.js';
import {
  checkIncentivePlan,
  defaultIncentivePlan,
  formatMoney,
  monthlyAwards,
  quarterlyBonus,
} from './incentive-plan.js';

const figures = { calls: 420, talkTimeSec: 70_000, leadsContacted: 30, creditedSqls: 3.333333 };

describe('incentive plan', () => {
  it('formats fen as yuan', () => {
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(123456789, 'USD')).toBe('USD 1,234,567.89');
  });

  it('monthly awards: a reached threshold pays its amount, a missed one nothing', () => {
    const lines = monthlyAwards(defaultIncentivePlan(), figures);
    expect(lines.map((l) => [l.metric, l.amountFen])).toEqual([
      ['calls', 30000],
      ['talkTimeSec', 0],
    ]);
    expect(lines[0]?.basis).toBe('calls 420 ≥ 400: ¥300.00');
    expect(lines[1]?.basis).toBe('talk time (s) 70000 < 72000: ¥0.00 (award ¥300.00)');
    expect(monthlyAwards(defaultIncentivePlan(), { ...figures, talkTimeSec: 72_000 })[1]?.amountFen).toBe(30000);
  });

  it('quarterly: behaviour share capped at the call target, opportunity share by credited SQLs', () => {
    // ¥6,000 × 30% × 420/1200 = ¥630; ¥6,000 × 70% × 3.333333/15 = ¥933.33324 → ¥933.33
    expect(quarterlyBonus(defaultIncentivePlan(), figures).map((l) => l.amountFen)).toEqual([63000, 93333]);
    const over = quarterlyBonus(defaultIncentivePlan(), { ...figures, calls: 2000, creditedSqls: 30 });
    // ¥1,800 (capped) and ¥4,200 × 2 = ¥8,400 (not capped)
    expect(over.map((l) => l.amountFen)).toEqual([180000, 840000]);
    expect(over[0]?.basis).toBe('calls 2000 / target 1200 (capped at 100%) × 30% of ¥6,000.00: ¥1,800.00');
    expect(over[1]?.basis).toBe('credited SQLs 30 / target 15 × 70% of ¥6,000.00: ¥8,400.00');
  });

  it('rounds half away from zero, once', () => {
    const plan = defaultIncentivePlan();
    plan.quarterly = { targetBonusFen: 1, behaviourWeightPct: 50, callsTarget: 1, creditedSqlTarget: 1 };
    // 1 fen × 50% = 0.5 fen → 1 fen
    expect(quarterlyBonus(plan, { ...figures, calls: 1, creditedSqls: 0 }).map((l) => l.amountFen)).toEqual([1, 0]);
  });

  it('refuses the same award twice', () => {
    const plan = defaultIncentivePlan();
    plan.monthly.awards.push({ metric: 'calls', atLeast: 400, amountFen: 1 });
    expect(checkIncentivePlan(plan)).toEqual([
      { field: 'plan.monthly.awards[2]', message: expect.any(String), messageZh: expect.stringMatching(/^第二个/) },
    ]);
    expect(checkIncentivePlan(defaultIncentivePlan())).toEqual([]);
  });

  it('refuses a share rate outside 0..1, split parts not adding up to 1, a currency not in 3 capitals', () => {
    const fields = (annual: Partial<ReturnType<typeof defaultIncentivePlan>['annual']>, currency = 'CNY') =>
      checkIncentivePlan({
        ...defaultIncentivePlan(),
        currency,
        annual: { ...defaultIncentivePlan().annual, ...annual },
      }).map((e) => e.field);
    expect(fields({ shareRate: 1.01 })).toEqual(['plan.annual.shareRate']);
    expect(fields({ shareRate: -0.01 })).toEqual(['plan.annual.shareRate']);
    expect(fields({ shareRate: 1 })).toEqual([]);
    expect(fields({ partnerSplit: { partner: 0.7, sdr: 0.4 } })).toEqual(['plan.annual.partnerSplit']);
    expect(fields({ partnerSplit: { partner: 1.2, sdr: -0.2 } })).toEqual(['plan.annual.partnerSplit']);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; exactly 0.3 here.
    expect(fields({ partnerSplit: { partner: 0.1, sdr: 0.9 } })).toEqual([]);
    expect(fields({ partnerSplit: { partner: 0.7, sdr: 0.3 } })).toEqual([]);
    expect(fields({}, 'cny')).toEqual(['plan.currency']);
    expect(fields({}, 'RMB1')).toEqual(['plan.currency']);
  });

  it('periods: month, quarter and year; garbage is an error naming query.period', () => {
    expect(parseIncentivePeriod('2026-02')).toEqual({
      period: { kind: 'month', label: '2026-02', from: '2026-02-01', to: '2026-02-28' },
    });
    expect(parseIncentivePeriod('2024-02')).toMatchObject({ period: { to: '2024-02-29' } });
    expect(parseIncentivePeriod('2026-Q4')).toEqual({
      period: { kind: 'quarter', label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' },
    });
    expect(parseIncentivePeriod('2026')).toEqual({
      period: { kind: 'year', label: '2026', from: '2026-01-01', to: '2026-12-31' },
    });
    for (const bad of ['1969', '20266', '2026-13', '2026-Q5', '2026-Q0', 'March', '1969-01']) {
      expect(parseIncentivePeriod(bad)).toMatchObject({ error: { field: 'query.period' } });
    }
  });
});
