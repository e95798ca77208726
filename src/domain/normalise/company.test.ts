import { describe, expect, it } from 'vitest';
import { companyMatchKey, displayCompanyName } from './company.js';

describe('companyMatchKey', () => {
  it('matches one Chinese company across legal forms and scripts', () => {
    const key = companyMatchKey('上海合约检查科技有限公司');
    expect(key).toBe('上海合约检查科技');
    expect(companyMatchKey('上海合约检查科技股份有限公司')).toBe(key);
    expect(companyMatchKey('上海合約檢查科技有限公司')).toBe(key);
    expect(companyMatchKey('上海合约检查科技有限责任公司')).toBe(key);
    expect(companyMatchKey('上海合约检查科技公司')).toBe(key);
    expect(companyMatchKey('上海合约检查科技')).toBe(key);
    expect(companyMatchKey(' 上海合约检查科技 有限公司 ')).toBe(key);
  });

  it('matches one English company across legal forms, case and width', () => {
    const key = companyMatchKey('Acme');
    expect(key).toBe('acme');
    for (const name of [
      'Acme Co., Ltd.',
      'ACME Co.,Ltd',
      'Ａｃｍｅ',
      'Ａｃｍｅ Ｃｏ．，Ｌｔｄ．',
      'Acme Company Limited',
      'Acme Limited',
      'Acme Ltd',
      'Acme, Inc.',
      'Acme Inc',
      'Acme Corp.',
      'Acme Corporation',
      'Acme LLC',
      'Acme GmbH',
      'Acme Pte. Ltd.',
    ]) {
      expect(companyMatchKey(name), name).toBe(key);
    }
  });

  it('strips legal forms only as whole trailing words', () => {
    expect(companyMatchKey('Costco')).toBe('costco');
    expect(companyMatchKey('Incorp Group')).toBe('incorpgroup');
    expect(companyMatchKey('Limited Brands Co')).toBe('limitedbrands');
  });

  it('keeps 集团 and 分公司, which name different entities', () => {
    expect(companyMatchKey('美的集团股份有限公司')).toBe('美的集团');
    expect(companyMatchKey('美的集团有限公司')).toBe('美的集团');
    expect(companyMatchKey('美的集团')).not.toBe(companyMatchKey('美的'));
    expect(companyMatchKey('上海合约检查科技有限公司北京分公司')).toBe('上海合约检查科技有限公司北京分公司');
  });

  it('drops bracketed country and region qualifiers but keeps other bracketed text', () => {
    const key = companyMatchKey('西门子有限公司');
    expect(companyMatchKey('西门子（中国）有限公司')).toBe(key);
    expect(companyMatchKey('西门子(中国)有限公司')).toBe(key);
    expect(companyMatchKey('西门子【上海】有限公司')).toBe(key);
    expect(companyMatchKey('Siemens (China) Co., Ltd.')).toBe('siemens');
    expect(companyMatchKey('Acme (Shanghai) Co., Ltd.')).toBe('acme');
    expect(companyMatchKey('Acme (Hong Kong) Limited')).toBe('acme');
    expect(companyMatchKey('合约检查(集团)有限公司')).toBe('合约检查集团');
    expect(companyMatchKey('Acme (Holdings) Limited')).toBe('acmeholdings');
  });

  it('strips the bracketed partnership form of funds', () => {
    expect(companyMatchKey('杭州某某投资合伙企业（有限合伙）')).toBe('杭州某某投资合伙企业');
  });

  it('removes punctuation and whitespace', () => {
    expect(companyMatchKey('A.B.C. Trading Ltd.')).toBe('abctrading');
    expect(companyMatchKey('AT&T Inc.')).toBe('att');
  });

  it('does not strip a name down to nothing', () => {
    expect(companyMatchKey('有限公司')).toBe('有限公司');
    expect(companyMatchKey('Limited')).toBe('limited');
  });

  it('returns an empty key when there is no name', () => {
    expect(companyMatchKey('')).toBe('');
    expect(companyMatchKey(' ,. ')).toBe('');
  });

  it('still tells different companies apart', () => {
    expect(companyMatchKey('上海合约检查科技有限公司')).not.toBe(companyMatchKey('杭州合约检查科技有限公司'));
    expect(companyMatchKey('Acme Co., Ltd.')).not.toBe(companyMatchKey('Acne Co., Ltd.'));
  });
});

describe('displayCompanyName', () => {
  it('tidies whitespace and width but keeps the legal form', () => {
    expect(displayCompanyName('  上海合约检查科技有限公司 ')).toBe('上海合约检查科技有限公司');
    expect(displayCompanyName('Ａｃｍｅ　Ｃｏ．，Ｌｔｄ．')).toBe('Acme Co.,Ltd.');
    expect(displayCompanyName('Acme   Co., \t Ltd.')).toBe('Acme Co., Ltd.');
    expect(displayCompanyName('西门子（中国）有限公司')).toBe('西门子(中国)有限公司');
  });

  it('keeps script and case as typed', () => {
    expect(displayCompanyName('上海合約檢查科技有限公司')).toBe('上海合約檢查科技有限公司');
    expect(displayCompanyName('ACME Co.,Ltd')).toBe('ACME Co.,Ltd');
  });
});
