import { describe, expect, it } from 'vitest';
import { toSimplifiedChinese } from './simplified-chinese.js';

describe('toSimplifiedChinese', () => {
  it('converts traditional characters used in Taiwan and Hong Kong', () => {
    expect(toSimplifiedChinese('上海合約檢查科技有限公司')).toBe('上海合约检查科技有限公司');
    expect(toSimplifiedChinese('臺灣')).toBe('台湾');
    expect(toSimplifiedChinese('張偉')).toBe('张伟');
    expect(toSimplifiedChinese('廣東')).toBe('广东');
  });

  it('does not rewrite vocabulary, only characters', () => {
    expect(toSimplifiedChinese('資訊')).toBe('资讯');
    expect(toSimplifiedChinese('軟體')).toBe('软体');
  });

  it('leaves simplified and Latin text unchanged', () => {
    expect(toSimplifiedChinese('上海合约检查科技有限公司')).toBe('上海合约检查科技有限公司');
    expect(toSimplifiedChinese('Acme Co., Ltd.')).toBe('Acme Co., Ltd.');
  });
});
