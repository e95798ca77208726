import { describe, expect, it } from 'vitest';
import { Exact } from './exact.js';

const x = (v: number | string) => Exact.parse(v) as Exact;

describe('Exact', () => {
  it('reads decimals as written, from numbers and text', () => {
    expect(x(0.2).toString()).toBe('1/5');
    expect(x('0.57').toString()).toBe('57/100');
    expect(x(20000).toString()).toBe('20000');
    expect(x('1.5e3').toString()).toBe('1500');
    expect(x('.5').toString()).toBe('1/2');
    expect(x('-2.50').toString()).toBe('-5/2');
    expect(x(1e21).toString()).toBe('1000000000000000000000');
    expect(x(5e-7).toString()).toBe('1/2000000');
    for (const bad of ['', '.', 'abc', '1/3', '20,000', '1e999', ' 1 2', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(Exact.parse(bad), String(bad)).toBeUndefined();
    }
  });

  it('divides without floating-point artefacts', () => {
    expect(3249 / 0.57).toBe(5700.000000000001); // what a double says
    expect(x(3249).dividedBy(x(0.57)).toString()).toBe('5700');
    expect(x(3249).dividedBy(x(0.57)).ceil()).toBe(5700n);
    expect(x(0.1).plus(x(0.2)).compare(x(0.3))).toBe(0);
    expect(x(12000000).times(x(1.1)).toFixed(2)).toBe('13200000.00');
  });

  it('rounds up, down and half away from zero', () => {
    expect(x('98.0001').ceil()).toBe(99n);
    expect(x(98).ceil()).toBe(98n);
    expect(x('-1.5').ceil()).toBe(-1n);
    expect(x('-1.5').floor()).toBe(-2n);
    expect(x('1.5').floor()).toBe(1n);
    expect(x('0.125').toFixed(2)).toBe('0.13');
    expect(x('0.124').toFixed(2)).toBe('0.12');
    expect(x('-0.125').toFixed(2)).toBe('-0.13');
    expect(Exact.fraction(1n, 3n).toFixed(4)).toBe('0.3333');
    expect(x(7).toFixed(0)).toBe('7');
    expect(x('0.05').toFixed(2)).toBe('0.05');
  });

  it('knows how many decimals a value needs', () => {
    expect(x('20000.55').hasAtMostDecimals(2)).toBe(true);
    expect(x('20000.555').hasAtMostDecimals(2)).toBe(false);
    expect(Exact.fraction(1n, 3n).hasAtMostDecimals(6)).toBe(false);
    expect(x(4).isInteger()).toBe(true);
  });

  it('compares and refuses to divide by zero', () => {
    expect(x(1).compare(x(2))).toBe(-1);
    expect(x(2).compare(x('2.0'))).toBe(0);
    expect(x('-0.1').sign()).toBe(-1);
    expect(() => x(1).dividedBy(Exact.zero)).toThrow(RangeError);
    expect(() => Exact.fraction(1n, 0n)).toThrow(RangeError);
  });

  it('turns a 2-decimal value into the JSON number that prints the same', () => {
    expect(x('9999999999999.99').toNumber(2)).toBe(9999999999999.99);
    expect(String(x('48000000').toNumber(2))).toBe('48000000');
  });
});
