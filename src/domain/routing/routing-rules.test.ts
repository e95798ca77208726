import { describe, expect, it } from 'vitest';
import { routeLead } from './route-lead.js';
import { DEFAULT_NURTURE_THRESHOLD, defaultRoutingRules, type RouteFacts } from './routing-rules.js';
import { validateRoutingRules } from './validate-routing-rules.js';

const facts = (over: Partial<RouteFacts> = {}): RouteFacts => ({
  channel: 'sem',
  channelPath: 'sdr_queue',
  status: 'new',
  score: 30,
  grade: 'B2',
  flags: [],
  fields: {},
  ...over,
});

describe('default routing rules (SPEC §5.1)', () => {
  const rules = defaultRoutingRules();

  it('pass their own validation unchanged', () => {
    expect(validateRoutingRules(structuredClone(rules))).toEqual({ ok: true, rules });
  });

  it('send inquiry and referral channels (default path direct_to_sales) straight to sales, whatever the score', () => {
    for (const channel of ['inbound_inquiry', 'referral']) {
      const result = routeLead(rules, facts({ channel, channelPath: 'direct_to_sales', score: 0 }));
      expect(result).toMatchObject({ path: 'direct_to_sales', ruleIndex: 1, ruleId: 'direct-channels' });
      expect(result.reason).toContain('直接给销售 (direct_to_sales)');
    }
  });

  it('send disqualified leads to disqualified first, even from a direct channel', () => {
    expect(routeLead(rules, facts({ status: 'disqualified', channelPath: 'direct_to_sales' }))).toMatchObject({
      path: 'disqualified',
      ruleIndex: 0,
    });
  });

  it(`nurture leads scoring below ${DEFAULT_NURTURE_THRESHOLD} in the pool, and triage the rest`, () => {
    expect(routeLead(rules, facts({ score: -5 })).path).toBe('pool');
    expect(routeLead(rules, facts({ score: 0 }))).toMatchObject({
      path: 'sdr_queue',
      ruleId: 'sdr-queue',
      ruleIndex: 4,
    });
    expect(routeLead(rules, facts({ channelPath: 'pool', score: 80 })).path).toBe('pool');
  });

  it('never nurtures a lead whose score is not known yet', () => {
    expect(routeLead(rules, facts({ score: null })).path).toBe('sdr_queue');
  });

  it('takes the nurture threshold as a parameter', () => {
    expect(routeLead(defaultRoutingRules(40), facts({ score: 30 })).path).toBe('pool');
  });
});
