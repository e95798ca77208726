import { describe, expect, it } from 'vitest';
import { parseEmployeeCount } from './employee-count.js';

describe('parseEmployeeCount', () => {
  it('reads plain counts in the ways they are written', () => {
    expect(parseEmployeeCount('350')).toEqual({ count: 350, band: false });
    expect(parseEmployeeCount('1,200')).toEqual({ count: 1200, band: false });
    expect(parseEmployeeCount('３５０人')).toEqual({ count: 350, band: false });
  });
  it('takes the lower bound of a band', () => {
    expect(parseEmployeeCount('100-499人')).toEqual({ count: 100, band: true });
    expect(parseEmployeeCount('100～499')).toEqual({ count: 100, band: true });
    expect(parseEmployeeCount('1000人以上')).toEqual({ count: 1000, band: true });
    expect(parseEmployeeCount('500+')).toEqual({ count: 500, band: true });
  });
  it('refuses what is not a count', () => {
    for (const bad of ['很多', '499-100', '-5', '1.5', '']) expect(parseEmployeeCount(bad), bad).toBeUndefined();
  });
});
