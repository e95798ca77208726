import { describe, expect, it } from 'vitest';
import type { Example } from './examples.js';
import { holdoutSplit } from './holdout-split.js';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
const example = (id: number, capturedAt: Date, label: 0 | 1): Example => ({
  id: `e${id}`,
  capturedAt,
  values: {},
  label,
});
const ids = (examples: Example[]) => examples.map((e) => e.id).sort();

describe('holdoutSplit', () => {
  it('tests on the newest 30% by capture date, whatever the input order', () => {
    const examples = [7, 2, 9, 0, 4, 1, 8, 3, 6, 5].map((d) => example(d, day(d), (d % 2) as 0 | 1));
    const { train, test } = holdoutSplit(examples);
    expect(ids(test)).toEqual(['e7', 'e8', 'e9']);
    expect(ids(train)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });

  it('splits history with one capture date at random (seeded), stratified by label', () => {
    const examples = Array.from({ length: 100 }, (_, i) => example(i, day(0), i < 20 ? 1 : 0));
    const first = holdoutSplit(examples, { seed: 1 });
    expect(first.test).toHaveLength(30);
    expect(first.test.filter((e) => e.label === 1)).toHaveLength(6);
    expect(first.train.filter((e) => e.label === 1)).toHaveLength(14);
    expect(ids(holdoutSplit(examples, { seed: 1 }).test)).toEqual(ids(first.test));
    expect(ids(holdoutSplit(examples, { seed: 2 }).test)).not.toEqual(ids(first.test));
  });

  it('splits leads captured at the boundary moment at random, not by id', () => {
    // 5 older leads, 10 at the boundary moment; the test takes 5 (30% of 15 ≈ 5) of the tied 10
    const examples = [
      ...Array.from({ length: 5 }, (_, i) => example(i, day(0), 0)),
      ...Array.from({ length: 10 }, (_, i) => example(10 + i, day(1), (i % 2) as 0 | 1)),
    ];
    const chosen = [1, 2, 3, 4, 5].map((seed) => ids(holdoutSplit(examples, { seed }).test));
    for (const test of chosen) {
      expect(test).toHaveLength(5);
      expect(test.every((id) => Number(id.slice(1)) >= 10)).toBe(true);
    }
    expect(new Set(chosen.map((t) => t.join())).size).toBeGreaterThan(1);
  });

  it('keeps every example exactly once', () => {
    const examples = Array.from({ length: 37 }, (_, i) => example(i, day(i % 4), (i % 3 === 0 ? 1 : 0) as 0 | 1));
    const { train, test } = holdoutSplit(examples, { seed: 9, testFraction: 0.2 });
    expect(test).toHaveLength(7);
    expect([...ids(train), ...ids(test)].sort()).toEqual(ids(examples));
  });
});
