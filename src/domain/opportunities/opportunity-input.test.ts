import { describe, expect, it } from 'vitest';
import { checkAmount, checkClosing, checkOpportunity, parseIsoTime } from './opportunity-input.js';

const now = new Date('2026-03-10T08:00:00.000Z');
const created = new Date('2026-03-05T03:00:00.000Z');
const fields = (r: { errors: { field: string }[] }) => r.errors.map((e) => e.field);

describe('checkAmount', () => {
  it('takes 0 or more, at most 2 decimals, up to ten trillion', () => {
    for (const ok of [0, 1, 19.99, 120000.5, 0.1 + 0.2 - 0.00000000000000004, 10_000_000_000_000]) {
      expect(checkAmount(ok), String(ok)).toEqual([]);
    }
    for (const bad of [-0.01, 10.005, 1e14, Number.NaN, Number.POSITIVE_INFINITY, '100', null]) {
      expect(checkAmount(bad)[0]?.field, String(bad)).toBe('amount');
    }
  });
});

describe('parseIsoTime', () => {
  it('reads dates and zoned times, nothing vaguer', () => {
    expect(parseIsoTime('2026-06-30')?.toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(parseIsoTime('2026-06-30T10:00:00+08:00')?.toISOString()).toBe('2026-06-30T02:00:00.000Z');
    for (const bad of ['2026-06-30T10:00', 'June 30', '2026-13-01', '1969-12-31', '']) {
      expect(parseIsoTime(bad), bad).toBeUndefined();
    }
  });
});

describe('checkOpportunity', () => {
  it('requires an amount, defaults the currency to CNY, trims the name', () => {
    expect(fields(checkOpportunity({}, now))).toEqual(['amount']);
    const ok = checkOpportunity({ amount: 5, name: '  年度订阅 ', currency: 'usd' }, now);
    expect(ok).toEqual({
      errors: [],
      value: { amount: 5, expectedCloseAt: null, name: '年度订阅', currency: 'USD', partnerName: null },
    });
    expect(checkOpportunity({ amount: 5 }, now).value.currency).toBe('CNY');
  });
  it('names the partner who introduced it, trimmed; blank is none; too long is an error', () => {
    expect(checkOpportunity({ amount: 5, partnerName: ' 云启科技 ' }, now).value.partnerName).toBe('云启科技');
    expect(checkOpportunity({ amount: 5, partnerName: '  ' }, now).value.partnerName).toBeNull();
    expect(fields(checkOpportunity({ amount: 5, partnerName: 'x'.repeat(201) }, now))).toEqual(['partnerName']);
  });
  it('an expected close may be today (a date) but not in the past', () => {
    expect(checkOpportunity({ amount: 1, expectedCloseAt: '2026-03-10' }, now).errors).toEqual([]);
    expect(fields(checkOpportunity({ amount: 1, expectedCloseAt: '2026-03-08' }, now))).toEqual(['expectedCloseAt']);
    expect(fields(checkOpportunity({ amount: -1, expectedCloseAt: 'soon', currency: '元' }, now))).toEqual([
      'amount',
      'expectedCloseAt',
      'currency',
    ]);
  });
});

describe('checkClosing', () => {
  it('lose needs a reason; withdraw and win do not', () => {
    expect(fields(checkClosing('lose', {}, now, created))).toEqual(['reason']);
    expect(checkClosing('withdraw', {}, now, created).errors).toEqual([]);
    expect(checkClosing('win', {}, now, created).value).toEqual({ reason: null, amount: null, closedAt: now });
  });
  it('closedAt: not in the future, not before registration; a date of the registration day is that day', () => {
    expect(fields(checkClosing('win', { closedAt: '2026-03-10T08:00:01Z' }, now, created))).toEqual(['closedAt']);
    expect(fields(checkClosing('win', { closedAt: '2026-03-05T02:59:59Z' }, now, created))).toEqual(['closedAt']);
    expect(fields(checkClosing('win', { closedAt: '2026-03-04' }, now, created))).toEqual(['closedAt']);
    expect(checkClosing('win', { closedAt: '2026-03-05' }, now, created).value.closedAt).toEqual(created);
    expect(checkClosing('lose', { reason: '价格', closedAt: '2026-03-07' }, now, created).value).toEqual({
      reason: '价格',
      amount: null,
      closedAt: new Date('2026-03-07T00:00:00.000Z'),
    });
  });
  it('win takes a final amount, checked like the registered one', () => {
    expect(checkClosing('win', { amount: 95000 }, now, created).value.amount).toBe(95000);
    expect(fields(checkClosing('win', { amount: -5 }, now, created))).toEqual(['amount']);
  });
});
