import { describe, expect, it } from 'vitest';
import type { Example, FeatureValue } from './examples.js';
import { LEAKAGE_REASON, screenLeakage } from './leakage-screen.js';
import { SeededRandom } from './seeded-random.js';

const random = new SeededRandom(11);
const examples: Example[] = Array.from({ length: 1000 }, (_, i) => {
  const label: 0 | 1 = random.next() < 0.25 ? 1 : 0;
  const values: Record<string, FeatureValue> = {
    leadId: `lead-${i}`,
    demoRequested: random.next() < (label ? 0.7 : 0.15),
    channel: ['web', 'event', 'referral'][Math.floor(random.next() * 3)],
    closingRep: label ? `rep-${Math.floor(random.next() * 4)}` : null,
    daysToClose: label ? Math.floor(random.next() * 90) : null,
    lostReason: label ? null : ['price', 'timing', 'no budget'][Math.floor(random.next() * 3)],
  };
  return { id: `lead-${i}`, capturedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))), values, label };
});

describe('screenLeakage', () => {
  const excluded = screenLeakage(examples, { seed: 3 });

  it('excludes columns known only after the outcome, in either direction, and says why', () => {
    expect(excluded.map((e) => e.feature)).toEqual(['closingRep', 'daysToClose', 'lostReason']);
    for (const e of excluded) {
      expect(e.auc).toBeGreaterThanOrEqual(0.95);
      expect(e.reason).toBe(LEAKAGE_REASON);
    }
  });

  it('keeps strong but honest features, noise and id-like columns', () => {
    const names = excluded.map((e) => e.feature);
    for (const kept of ['demoRequested', 'channel', 'leadId']) expect(names).not.toContain(kept);
  });

  it('uses the threshold it is given', () => {
    expect(screenLeakage(examples, { seed: 3, threshold: 0.7 }).map((e) => e.feature)).toContain('demoRequested');
  });
});
