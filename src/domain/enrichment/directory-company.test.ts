import { describe, expect, it } from 'vitest';
import { directoryKeyForHeader, duplicateCreditCodes, parseDirectoryEntry } from './directory-company.js';

describe('directory rows', () => {
  it('keys the name and aliases as company names are keyed, and reads a band of employees', () => {
    const r = parseDirectoryEntry(
      {
        name: '上海合约检查科技股份有限公司',
        aliases: '合约检查；HeyueCheck Co., Ltd.',
        creditCode: '91310000 ma1fl0000x',
        employees: '100-499人',
      },
      '[0]',
      { strict: true },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.company.nameKey).toBe('上海合约检查科技');
    expect(r.company.aliasKeys).toEqual(['合约检查', 'heyuecheck']);
    expect(r.company.creditCode).toBe('91310000MA1FL0000X');
    expect(r.company).toMatchObject({ employees: 100, employeeBand: '100-499人' });
  });

  it('names the row and field of each problem', () => {
    const r = parseDirectoryEntry({ aliases: 3, creditCode: 'abc', employees: '很多', colour: 'red' }, '[4]', {
      strict: true,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual([
      '[4].aliases',
      '[4].colour',
      '[4].creditCode',
      '[4].employees',
      '[4].name',
    ]);
  });

  it('reads Chinese and English headers, and refuses one credit code on two rows', () => {
    expect(directoryKeyForHeader('统一社会信用代码')).toBe('creditCode');
    expect(directoryKeyForHeader('Registered Capital')).toBe('registeredCapital');
    expect(directoryKeyForHeader('人员规模')).toBe('employees');
    expect(directoryKeyForHeader('备注')).toBeUndefined();
    const company = (code: string) => {
      const r = parseDirectoryEntry({ name: 'A', creditCode: code }, '', { strict: false });
      if (!r.ok) throw new Error('bad row');
      return r.company;
    };
    const code = '91310000MA1FL0000X';
    expect(
      duplicateCreditCodes([
        { at: 'rows[2]', company: company(code) },
        { at: 'rows[5]', company: company(code) },
      ]),
    ).toEqual([
      {
        field: 'rows[5].creditCode',
        message: `${code} is also the code of rows[2]`,
        messageZh: `${code} 也是 rows[2] 的代码`,
      },
    ]);
  });
});
