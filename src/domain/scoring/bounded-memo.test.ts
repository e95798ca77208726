import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo.js';

describe('BoundedMemo', () => {
  it('computes each key once while it is remembered', () => {
    let calls = 0;
    const memo = new BoundedMemo((key) => {
      calls++;
      return key.length;
    });
    expect([memo.get('总监'), memo.get('总监'), memo.get('CEO')]).toEqual([2, 2, 3]);
    expect(calls).toBe(2);
  });

  it('starts again empty when full, and still answers correctly', () => {
    let calls = 0;
    const memo = new BoundedMemo((key) => {
      calls++;
      return `#${key}`;
    }, 2);
    memo.get('a');
    memo.get('b');
    expect(memo.get('c')).toBe('#c');
    expect(memo.get('a')).toBe('#a');
    expect(calls).toBe(4);
  });
});
