import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './width.js';

describe('toHalfWidth', () => {
  it('folds full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('１３９００００００01')).toBe('13900000001');
    expect(toHalfWidth('Ｃｏ．，Ｌｔｄ．')).toBe('Co.,Ltd.');
    expect(toHalfWidth('ｎａｍｅ＠ｑｑ．ｃｏｍ')).toBe('name@qq.com');
  });

  it('covers both ends of the full-width ASCII block', () => {
    expect(toHalfWidth('\uff01')).toBe('!');
    expect(toHalfWidth('\uff5e')).toBe('~');
  });

  it('turns the ideographic space into a plain space', () => {
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
  });

  it('leaves Chinese characters and already half-width text alone', () => {
    expect(toHalfWidth('上海合约检查科技有限公司')).toBe('上海合约检查科技有限公司');
    expect(toHalfWidth('Acme Co., Ltd.')).toBe('Acme Co., Ltd.');
    // Characters just outside the block are not ASCII look-alikes.
    expect(toHalfWidth('\uff5f\uff00。')).toBe('\uff5f\uff00。');
  });

  it('folds full-width brackets used in company names', () => {
    expect(toHalfWidth('（中国）')).toBe('(中国)');
  });
});
