import { describe, expect, it } from 'vitest';
import { formatCredit, formatTime, num, regionLabel, repLabel } from './format.js';

describe('routing explanation formatting', () => {
  it('rounds numbers to two places without trailing zeros', () => {
    expect(num(10.3333)).toBe('10.33');
    expect(num(10)).toBe('10');
    expect(num(0.5)).toBe('0.5');
  });

  it('writes thirds as fractions', () => {
    expect(formatCredit(1 / 3)).toBe('1/3');
    expect(formatCredit(2 / 3)).toBe('2/3');
    expect(formatCredit(1)).toBe('1');
    expect(formatCredit(0.25)).toBe('0.25');
  });

  it('names times, reps and regions', () => {
    expect(formatTime(new Date('2026-03-02T09:05:30Z'))).toBe('2026-03-02 09:05 UTC');
    expect(repLabel({ id: 'u1', name: ' ' }, 'u1')).toBe('u1');
    expect(repLabel(undefined, 'u2')).toBe('u2');
    expect(regionLabel('31')).toBe('上海市 (31)');
    expect(regionLabel('99')).toBe('99');
  });
});
