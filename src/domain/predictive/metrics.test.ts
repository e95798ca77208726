import { describe, expect, it } from 'vitest';
import { brierScore, calibrationTable, liftTopDecile, rocAuc } from './metrics.js';

describe('rocAuc', () => {
  it('is the share of positive–negative pairs ranked the right way', () => {
    // pairs (pos, neg): (0.35,0.1)✓ (0.35,0.4)✗ (0.8,0.1)✓ (0.8,0.4)✓ → 3/4
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts ties as half', () => {
    // pairs: (0.5,0.5)=½ (0.5,0.2)=1 (0.9,0.5)=1 (0.9,0.2)=1 → 3.5/4
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
    expect(rocAuc([0.3, 0.3, 0.3], [1, 0, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, NaN without both classes', () => {
    expect(rocAuc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([1, 2], [1, 1])).toBeNaN();
  });
});

describe('brierScore', () => {
  it('is the mean squared error of the probabilities', () => {
    expect(brierScore([0.9, 0.2, 0.5], [1, 0, 1])).toBeCloseTo((0.01 + 0.04 + 0.25) / 3, 12);
  });
});

describe('calibrationTable', () => {
  it('puts equal numbers of leads per bin by predicted probability and compares with what happened', () => {
    const table = calibrationTable([0.9, 0.1, 0.7, 0.2, 0.3], [1, 0, 1, 1, 0], 2);
    expect(table).toEqual([
      { predicted: expect.closeTo(0.15, 12), observed: 0.5, n: 2 },
      { predicted: expect.closeTo((0.3 + 0.7 + 0.9) / 3, 12), observed: 2 / 3, n: 3 },
    ]);
  });

  it('has ten bins by default and leaves empty ones out', () => {
    const p = Array.from({ length: 100 }, (_, i) => i / 100);
    expect(
      calibrationTable(
        p,
        p.map(() => 0),
      ).map((b) => b.n),
    ).toEqual(Array(10).fill(10));
    expect(calibrationTable([0.5, 0.6], [0, 1])).toHaveLength(2);
  });
});

describe('liftTopDecile', () => {
  it('is the positive rate of the best-scored 10% over the overall rate', () => {
    const p = Array.from({ length: 20 }, (_, i) => i / 20);
    const labels = p.map((_, i) => (i >= 18 || i === 3 || i === 7 || i === 11 ? 1 : 0));
    // top 2 both positive (rate 1); overall 5/20 → lift 4
    expect(liftTopDecile(p, labels)).toBe(4);
  });
});
