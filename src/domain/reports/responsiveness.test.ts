import { describe, expect, it } from 'vitest';
import { noResponsivenessCounts, responsivenessFigures, responsivenessRules } from './responsiveness.js';

describe('sales responsiveness figures (SPEC §8.3)', () => {
  it('acceptance rate over decided hand-offs, SLA compliance over judged ones, hours to 2 decimals', () => {
    const f = responsivenessFigures({
      ...noResponsivenessCounts(),
      received: 6,
      accepted: 4,
      rejected: 2,
      returned: 1,
      pending: 0,
      onTime: 4,
      slaDue: 6,
      breaches: 2,
      medianHours: 3.004,
      p90Hours: 48.2,
    });
    expect(f).toMatchObject({ acceptanceRate: 0.6667, slaCompliance: 0.6667, medianHours: 3, p90Hours: 48.2 });
    expect(Object.keys(f)).not.toContain('key');
  });

  it('nothing decided or due: null rates, not 0', () => {
    const f = responsivenessFigures({ ...noResponsivenessCounts(), received: 1, pending: 1 });
    expect(f).toMatchObject({ acceptanceRate: null, slaCompliance: null, medianHours: null, p90Hours: null });
  });

  it('states how every figure is computed', () => {
    expect(responsivenessRules.slaCompliance).toMatch(/deadline/);
    expect(responsivenessRules.acceptanceRate).toMatch(/accepted \/ \(accepted \+ rejected\)/);
  });
});
