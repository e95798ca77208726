import { describe, expect, it } from 'vitest';
import { type CreditOpportunity, creditOfHandoff, type HandoffCreditFacts, roundCredit } from './credit-rule.js';
import { defaultReportRules } from './report-rules.js';

const DAY = 86_400_000;
const accepted = new Date('2026-03-02T01:00:00Z');
const at = (days: number, extraMs = 0) => new Date(accepted.getTime() + days * DAY + extraMs);
const opp = (createdDays: number, more: Partial<CreditOpportunity> = {}): CreditOpportunity => ({
  createdAt: at(createdDays),
  withdrawnAt: null,
  stage: 'open',
  ...more,
});
const facts = (opportunities: CreditOpportunity[], more: Partial<HandoffCreditFacts> = {}): HandoffCreditFacts => ({
  credit: 1,
  acceptedAt: accepted,
  outbound: false,
  opportunities,
  ...more,
});
const rules = defaultReportRules();
const later = at(400);

describe('SDR credit rule (SPEC §8.3): 45-day creation and 14-day withdrawal windows', () => {
  it('credits an opportunity registered up to 45 days after acceptance, not a moment later', () => {
    expect(creditOfHandoff(facts([opp(45)]), rules, later)).toEqual({ earned: true, credit: 1, provisional: false });
    expect(creditOfHandoff(facts([opp(44)]), rules, later).earned).toBe(true);
    const late = creditOfHandoff(facts([{ ...opp(45), createdAt: at(45, 1) }]), rules, later);
    expect(late).toMatchObject({ earned: false, credit: 0, why: 'opportunity_after_window' });
    expect(creditOfHandoff(facts([opp(46)]), rules, later)).toMatchObject({ earned: false });
  });

  it('a withdrawal within 14 days of registration (the 14th day included) takes the credit away', () => {
    const w = (days: number, ms = 0) => opp(10, { stage: 'withdrawn', withdrawnAt: at(10 + days, ms) });
    expect(creditOfHandoff(facts([w(3)]), rules, later)).toMatchObject({
      earned: false,
      why: 'withdrawn_within_window',
    });
    expect(creditOfHandoff(facts([w(14)]), rules, later)).toMatchObject({ earned: false });
    expect(creditOfHandoff(facts([w(14, 60_000)]), rules, later)).toEqual({
      earned: true,
      credit: 1,
      provisional: false,
    });
    expect(creditOfHandoff(facts([w(15)]), rules, later).earned).toBe(true);
  });

  it('an open opportunity younger than the window counts provisionally; won or lost settles it', () => {
    const young = facts([opp(5)]);
    expect(creditOfHandoff(young, rules, at(12))).toEqual({ earned: true, credit: 1, provisional: true });
    expect(creditOfHandoff(young, rules, at(19, 1))).toEqual({ earned: true, credit: 1, provisional: false });
    expect(creditOfHandoff(facts([opp(5, { stage: 'won' })]), rules, at(6)).provisional).toBe(false);
    expect(creditOfHandoff(facts([opp(5, { stage: 'lost' })]), rules, at(6)).provisional).toBe(false);
  });

  it('one credit per hand-off, however many opportunities: any one that stands earns it', () => {
    const two = facts([opp(2, { stage: 'withdrawn', withdrawnAt: at(4) }), opp(20, { stage: 'won' })]);
    expect(creditOfHandoff(two, rules, later)).toEqual({ earned: true, credit: 1, provisional: false });
    const both = facts([opp(2, { stage: 'won' }), opp(3, { stage: 'won' })]);
    expect(creditOfHandoff(both, rules, later).credit).toBe(1);
  });

  it('no acceptance or no opportunity: nothing', () => {
    expect(creditOfHandoff(facts([opp(1)], { acceptedAt: null }), rules, later)).toMatchObject({
      earned: false,
      why: 'not_accepted',
    });
    expect(creditOfHandoff(facts([]), rules, later)).toMatchObject({ earned: false, why: 'no_opportunity' });
  });

  it('partial credit of a sync (1/3) times the inbound or outbound weight', () => {
    const third = 1 / 3;
    expect(creditOfHandoff(facts([opp(1)], { credit: third }), rules, later).credit).toBeCloseTo(third, 12);
    const weighted = { ...rules, weights: { inbound: 0.5, outbound: 2 } };
    expect(creditOfHandoff(facts([opp(1)]), weighted, later).credit).toBe(0.5);
    expect(creditOfHandoff(facts([opp(1)], { outbound: true }), weighted, later).credit).toBe(2);
    expect(creditOfHandoff(facts([opp(1)], { outbound: true, credit: third }), weighted, later).credit).toBeCloseTo(
      2 / 3,
      12,
    );
    expect(roundCredit(third + third + third)).toBe(1);
    expect(roundCredit(third)).toBe(0.333333);
  });

  it('windows are settings: 30 and 7 days', () => {
    const strict = { ...rules, creditWindowDays: 30, withdrawalWindowDays: 7 };
    expect(creditOfHandoff(facts([opp(31)]), strict, later).earned).toBe(false);
    expect(creditOfHandoff(facts([opp(30)]), strict, later).earned).toBe(true);
    const w8 = opp(1, { stage: 'withdrawn', withdrawnAt: at(9) });
    expect(creditOfHandoff(facts([w8]), strict, later).earned).toBe(true);
    expect(creditOfHandoff(facts([w8]), rules, later).earned).toBe(false);
  });
});
