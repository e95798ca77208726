import { describe, expect, it } from 'vitest';
import { costPer, parseAmount, returnOnSpend } from './money.js';
import { isSpendMonth, monthsOverlapping } from './spend-month.js';

describe('parseAmount', () => {
  it('reads numbers and sheet text to the fen', () => {
    expect(parseAmount(1000.1)).toEqual({ fen: 100010 });
    expect(parseAmount(0.29)).toEqual({ fen: 29 });
    expect(parseAmount('1,234.50')).toEqual({ fen: 123450 });
    expect(parseAmount('¥ 1000')).toEqual({ fen: 100000 });
    expect(parseAmount('0')).toEqual({ fen: 0 });
    expect(parseAmount(1_000_000_000_000)).toEqual({ fen: 100_000_000_000_000 });
  });
  it('refuses more than 2 decimals, negatives, text and huge amounts', () => {
    for (const bad of [1.005, -1, '-3', '12abc', '', '1e5', 1e21, Number.NaN, 1_000_000_000_000.01]) {
      expect(parseAmount(bad)).toHaveProperty('error');
    }
  });
});

describe('costPer and returnOnSpend', () => {
  it('round half away from zero, exactly', () => {
    expect(costPer(100010, 3)).toBe(333.37);
    expect(costPer(5, 2)).toBe(0.03); // 2.5 fen → 3
    expect(costPer(100, 0)).toBeNull();
    expect(returnOnSpend(10000050, 300010)).toBe(32.3324);
    expect(returnOnSpend(0, 100)).toBe(-1);
    expect(returnOnSpend(1, 3)).toBe(-0.6667); // −0.66666… → −0.6667
    expect(returnOnSpend(5, 0)).toBeNull();
  });
});

describe('spend months', () => {
  it('knows a month and the months a period overlaps', () => {
    expect(isSpendMonth('2026-03')).toBe(true);
    expect(isSpendMonth('2026-3')).toBe(false);
    expect(isSpendMonth('2026-13')).toBe(false);
    expect(
      monthsOverlapping({ from: new Date('2026-03-15T00:00:00Z'), until: new Date('2026-05-01T00:00:00Z') }),
    ).toEqual({ first: '2026-03', last: '2026-04' });
  });
});
