import { describe, expect, it } from 'vitest';
import { eligibilityMonth, MONTH_PATTERN } from './eligibility-month.js';

describe('eligibilityMonth (Asia/Shanghai calendar)', () => {
  it('turns the month at Shanghai midnight, not at UTC midnight', () => {
    expect(eligibilityMonth(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03');
    expect(eligibilityMonth(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04');
    expect(eligibilityMonth(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01');
    expect(eligibilityMonth(new Date('2026-04-01T00:00:00+08:00'))).toBe('2026-04');
  });
  it('accepts only yyyy-mm with a real month', () => {
    expect(MONTH_PATTERN.test('2026-03')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-3', '202603', '2026-03-01'])
      expect(MONTH_PATTERN.test(bad)).toBe(false);
  });
});
