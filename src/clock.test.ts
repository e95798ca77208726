import { describe, expect, it } from 'vitest';
import { ManualClock, parseSpan } from './clock.js';

describe('parseSpan', () => {
  it('reads the spans of POST /admin/clock', () => {
    expect(parseSpan('49h')).toBe(49 * 3_600_000);
    expect(parseSpan('3d')).toBe(3 * 86_400_000);
    expect(parseSpan('15m')).toBe(15 * 60_000);
    expect(parseSpan('1d12h30m')).toBe(86_400_000 + 12 * 3_600_000 + 30 * 60_000);
    expect(parseSpan('2w')).toBe(14 * 86_400_000);
  });
  it('rejects what is not a span', () => {
    for (const bad of ['', 'h', '3', '3x', '-3h', '3h ', '1.5h']) expect(parseSpan(bad), bad).toBeUndefined();
  });
});

describe('ManualClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:00.000Z');
    clock.advance(parseSpan('49h') as number);
    expect(clock.now().toISOString()).toBe('2026-03-04T02:00:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
