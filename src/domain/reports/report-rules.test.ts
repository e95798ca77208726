import { describe, expect, it } from 'vitest';
import { checkReportRules, defaultReportRules } from './report-rules.js';

describe('report rules (SPEC §8.3, §8.4)', () => {
  it('defaults: 45 and 14 days, weights 1 and 1, outbound = the outbound channel, large from 500, CNY', () => {
    expect(defaultReportRules()).toEqual({
      creditWindowDays: 45,
      withdrawalWindowDays: 14,
      weights: { inbound: 1, outbound: 1 },
      outboundChannels: ['outbound'],
      largeCustomerEmployees: 500,
      currency: 'CNY',
    });
    expect(checkReportRules(defaultReportRules())).toEqual([]);
  });

  it('names each bad value', () => {
    const bad = {
      creditWindowDays: 1.5,
      withdrawalWindowDays: -1,
      weights: { inbound: Number.NaN, outbound: 101 },
      outboundChannels: ['outbound', 'outbound'],
      largeCustomerEmployees: 0,
      currency: 'usd',
    };
    expect(checkReportRules(bad).map((e) => e.field)).toEqual([
      'rules.creditWindowDays',
      'rules.withdrawalWindowDays',
      'rules.weights.inbound',
      'rules.weights.outbound',
      'rules.outboundChannels[1]',
      'rules.largeCustomerEmployees',
      'rules.currency',
    ]);
  });
});
