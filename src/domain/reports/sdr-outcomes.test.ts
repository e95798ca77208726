import { describe, expect, it } from 'vitest';
import { defaultReportRules } from './report-rules.js';
import { type SdrHandoffFacts, sdrOutcomes } from './sdr-outcomes.js';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T03:00:00Z');
const day = (n: number) => new Date(t0.getTime() + n * DAY);
const handoff = (sdrId: string, more: Partial<SdrHandoffFacts> = {}): SdrHandoffFacts => ({
  sdrId,
  credit: 1,
  acceptedAt: t0,
  outbound: false,
  opportunities: [],
  ...more,
});

describe('SDR outcomes (SPEC §8.3)', () => {
  it('MQLs are hand-offs, SQLs the accepted ones, opportunities the hand-offs with one; credits add up', () => {
    const won = { createdAt: day(3), withdrawnAt: null, stage: 'won' as const };
    const out = sdrOutcomes(
      [
        handoff('a', { opportunities: [won] }),
        handoff('a', { credit: 1 / 3, opportunities: [{ ...won, stage: 'open' }] }),
        handoff('a', { opportunities: [{ createdAt: day(50), withdrawnAt: null, stage: 'open' }] }),
        handoff('a', { acceptedAt: null }),
        handoff('b', { credit: 1 / 3, opportunities: [won] }),
        handoff('b', { credit: 1 / 3, opportunities: [won] }),
        handoff('b', { credit: 1 / 3, opportunities: [won] }),
      ],
      defaultReportRules(),
      day(10),
    );
    expect(out.get('a')).toEqual({
      mqls: 4,
      sqls: 3,
      opportunities: 3,
      creditedSqls: 1.333333,
      provisionalCredit: 0.333333,
    });
    expect(out.get('b')).toEqual({ mqls: 3, sqls: 3, opportunities: 3, creditedSqls: 1, provisionalCredit: 0 });
    expect(out.has('c')).toBe(false);
  });
});
