import { describe, expect, it } from 'vitest';
import { regionKey, regionTokens } from './region-text.js';

describe('regionTokens', () => {
  it('splits Chinese into characters and Latin into words', () => {
    expect(regionTokens('浙江省杭州市')).toEqual(['浙', '江', '省', '杭', '州', '市']);
    expect(regionTokens('Hangzhou, Zhejiang')).toEqual(['hangzhou', 'zhejiang']);
    expect(regionTokens('杭州 Hangzhou')).toEqual(['杭', '州', 'hangzhou']);
  });

  it('folds case, width and punctuation', () => {
    expect(regionTokens(' ＳＨＡＮＧＨＡＩ ')).toEqual(['shanghai']);
    expect(regionTokens("Xi'an")).toEqual(['xi', 'an']);
    expect(regionTokens('浙江-杭州·西湖')).toEqual(['浙', '江', '杭', '州', '西', '湖']);
  });

  it('drops qualifying words and a leading 中国', () => {
    expect(regionTokens('Zhejiang Province')).toEqual(['zhejiang']);
    expect(regionTokens('Hong Kong SAR, China')).toEqual(['hong', 'kong']);
    expect(regionTokens('中国上海')).toEqual(['上', '海']);
    expect(regionTokens('中国')).toEqual(['中', '国']);
  });
});

describe('regionKey', () => {
  it('joins the tokens', () => {
    expect(regionKey('Inner Mongolia')).toBe('innermongolia');
    expect(regionKey('上海 市')).toBe('上海市');
  });
});
