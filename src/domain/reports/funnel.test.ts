import { describe, expect, it } from 'vitest';
import { describeLeakage, ratio, roundHours, stageConversion, sumLeakage } from './funnel.js';

describe('funnel maths (SPEC §8.1)', () => {
  it('stage-to-stage conversion, null where nothing entered the stage', () => {
    expect(stageConversion({ leads: 8, validLeads: 6, mqls: 3, sqls: 2, opportunities: 1, won: 0 })).toEqual({
      leadToValidLead: 0.75,
      validLeadToMql: 0.5,
      mqlToSql: 0.6667,
      sqlToOpportunity: 0.5,
      opportunityToWon: 0,
      leadToWon: 0,
    });
    expect(stageConversion({ leads: 0, validLeads: 0, mqls: 0, sqls: 0, opportunities: 0, won: 0 })).toEqual({
      leadToValidLead: null,
      validLeadToMql: null,
      mqlToSql: null,
      sqlToOpportunity: null,
      opportunityToWon: null,
      leadToWon: null,
    });
    expect(ratio(1, 3)).toBe(0.3333);
  });

  it('hours to two decimals', () => {
    expect(roundHours(1.23456)).toBe(1.23);
    expect(roundHours(null)).toBeNull();
    expect(roundHours(Number.NaN)).toBeNull();
  });

  it('leakage: kinds in funnel order, biggest reason first, labels from the reason lists', () => {
    const labels = (kind: string, code: string) =>
      kind === 'reject' && code === 'no_budget' ? { zh: '无预算', en: 'No budget' } : undefined;
    const out = describeLeakage(
      [
        { kind: 'lose', reason: '价格太高', count: 1 },
        { kind: 'reject', reason: 'wrong_region', count: 1 },
        { kind: 'reject', reason: 'no_budget', count: 2 },
        { kind: 'disqualify', reason: 'spam', count: 1 },
      ],
      labels,
    );
    expect(out.map((l) => [l.stage, l.kind, l.reason, l.count])).toEqual([
      ['lead', 'disqualify', 'spam', 1],
      ['mql', 'reject', 'no_budget', 2],
      ['mql', 'reject', 'wrong_region', 1],
      ['opportunity', 'lose', '价格太高', 1],
    ]);
    expect(out[1]).toMatchObject({ labelZh: '无预算', labelEn: 'No budget' });
    expect(out[2]).toMatchObject({ labelZh: null, labelEn: null });
  });

  it('adds leakage of several rows, a null reason apart from a reason', () => {
    const sum = sumLeakage([
      [
        { kind: 'reject', reason: 'no_budget', count: 2 },
        { kind: 'lose', reason: null, count: 1 },
      ],
      [
        { kind: 'reject', reason: 'no_budget', count: 1 },
        { kind: 'return', reason: 'no_budget', count: 1 },
        { kind: 'lose', reason: '', count: 1 },
      ],
    ]);
    expect(sum).toEqual(
      expect.arrayContaining([
        { kind: 'reject', reason: 'no_budget', count: 3 },
        { kind: 'return', reason: 'no_budget', count: 1 },
        { kind: 'lose', reason: null, count: 1 },
        { kind: 'lose', reason: '', count: 1 },
      ]),
    );
    expect(sum).toHaveLength(4);
  });
});
