import { describe, expect, it } from 'vitest';
import { describeSkips, filterAvailable } from './eligibility.js';
import { rep } from './test-reps.js';

const now = new Date('2026-03-02T01:00:00Z');

describe('filterAvailable (SPEC §5.2 step 4: skipped, not queued)', () => {
  it('keeps reps on the list, unsuspended and below capacity', () => {
    const result = filterAvailable([rep('a'), rep('b', { openMqls: 9, capacity: 10 })], now);
    expect(result.available.map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.steps).toEqual([]);
  });

  it('skips with a line each: not on the list, suspended, at capacity, unusable weight', () => {
    const result = filterAvailable(
      [
        rep('off', { name: '王五', eligible: false }),
        rep('sus', { name: '赵六', suspendedUntil: new Date('2026-03-10T00:00:00Z') }),
        rep('full', { name: '钱七', openMqls: 5, capacity: 5 }),
        rep('zero', { weight: 0 }),
        rep('ok'),
      ],
      now,
    );
    expect(result.available.map((r) => r.id)).toEqual(['ok']);
    expect(result.steps.map((s) => [s.step, s.repId, s.outcome])).toEqual([
      ['eligibility', 'off', 'skipped'],
      ['suspension', 'sus', 'skipped'],
      ['capacity', 'full', 'skipped'],
      ['eligibility', 'zero', 'skipped'],
    ]);
    expect(result.steps[0].message).toBe(
      "资格 (eligibility): 跳过 王五 — 不在本月名单 (not on this month's eligibility list)",
    );
    expect(result.steps[1].message).toContain('暂停至 2026-03-10 00:00 UTC (suspended)');
    expect(result.steps[2].message).toContain('未决 MQL 5/5 已满 (at capacity)');
    expect(result.skipped).toEqual({ notEligible: 1, suspended: 1, atCapacity: 1, badWeight: 1 });
  });

  it('names every reason of a rep failing several checks, on one line', () => {
    const result = filterAvailable([rep('x', { eligible: false, openMqls: 3, capacity: 3 })], now);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].message).toMatch(/不在本月名单.*at capacity/);
  });

  it('treats a suspension that has ended as no suspension, and capacity 0 as full', () => {
    const result = filterAvailable(
      [rep('past', { suspendedUntil: new Date('2026-03-02T01:00:00Z') }), rep('none', { capacity: 0 })],
      now,
    );
    expect(result.available.map((r) => r.id)).toEqual(['past']);
    expect(result.steps[0].step).toBe('capacity');
  });

  it('reuses a rep’s skip line only while what it says is still true', () => {
    const first = filterAvailable([rep('m', { name: '孙八', openMqls: 5, capacity: 5 })], now).steps[0];
    expect(filterAvailable([rep('m', { name: '孙八', openMqls: 5, capacity: 5 })], now).steps[0]).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const later = filterAvailable([rep('m', { name: '孙八', openMqls: 6, capacity: 6 })], now).steps[0];
    expect(later.message).toContain('未决 MQL 6/6');
    const renamed = filterAvailable([rep('m', { name: '孙九', openMqls: 6, capacity: 6 })], now).steps[0];
    expect(renamed.message).toContain('跳过 孙九');
    const listed = filterAvailable([rep('m', { name: '孙九', openMqls: 6, capacity: 6, eligible: false })], now)
      .steps[0];
    expect(listed.step).toBe('eligibility');
  });

  it('summarises the skips for the dispatch line', () => {
    expect(describeSkips({ notEligible: 2, suspended: 1, atCapacity: 3, badWeight: 0 })).toBe(
      '2 人不在本月名单, 1 人暂停, 3 人满额 (2 not eligible, 1 suspended, 3 at capacity)',
    );
  });
});
