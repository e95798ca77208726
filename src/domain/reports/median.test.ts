import { describe, expect, it } from 'vitest';
import { concatValues, medianOf } from './median.js';

describe('medianOf (percentile_cont(0.5))', () => {
  it('is null for no values', () => {
    expect(medianOf(new Float64Array(0))).toBeNull();
  });

  it('takes the middle of an odd count, whatever the order', () => {
    expect(medianOf(Float64Array.of(9, 1, 4.5))).toBe(4.5);
  });

  it('interpolates the two middle values of an even count', () => {
    expect(medianOf(Float64Array.of(10, 1, 3, 2))).toBe(2.5);
    expect(medianOf(Float64Array.of(0.1, 0.2))).toBe(0.1 + (0.2 - 0.1) * 0.5);
  });

  it('sorts numerically, not as text', () => {
    expect(medianOf(Float64Array.of(100, 9, 20))).toBe(20);
  });
});

describe('concatValues', () => {
  it('joins lists in order, empty ones included', () => {
    expect([...concatValues([Float64Array.of(1, 2), new Float64Array(0), Float64Array.of(3)])]).toEqual([1, 2, 3]);
  });
});

describe('medianOf on many values', () => {
  it('equals the sorted middle for random, sorted, reversed and repeated values', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const cases = [
      Float64Array.from({ length: 10_001 }, () => random() * 500),
      Float64Array.from({ length: 10_000 }, () => Math.floor(random() * 5)),
      Float64Array.from({ length: 4_096 }, (_, i) => i / 3),
      Float64Array.from({ length: 4_097 }, (_, i) => 10_000 - i),
      new Float64Array(3_000).fill(2.5),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      const n = sorted.length;
      const lo = sorted[(n - 1) >> 1] as number;
      const hi = sorted[n >> 1] as number;
      expect(medianOf(values)).toBe(lo + (hi - lo) * 0.5);
    }
  });
});
