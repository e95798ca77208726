import { describe, expect, it } from 'vitest';
import { defaultRoutingPolicy } from './routing-policy.js';

describe('defaultRoutingPolicy (SPEC §5.2 defaults)', () => {
  it('is N = 30, M = 3, 1/3 credit, weighted rotation, no skill rule — a fresh copy each time', () => {
    expect(defaultRoutingPolicy()).toEqual({
      conflictInactiveDays: 30,
      firstContactDays: 3,
      partialCredit: 1 / 3,
      balance: 'weight',
      skill: null,
    });
    const a = defaultRoutingPolicy();
    a.conflictInactiveDays = 1;
    expect(defaultRoutingPolicy().conflictInactiveDays).toBe(30);
  });
});
