/** Every string of the console in both catalogues (issue 8 item 10): a key missing from one fails. */
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { zhCN } from '../../web/src/i18n/zh-CN.js';

function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function values(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((v) => (typeof v === 'object' && v !== null ? values(v) : [v as string]));
}

describe('the console catalogues', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('leave no string empty', () => {
    for (const value of [...values(en), ...values(zhCN)]) expect(value.trim()).not.toBe('');
  });

  it('name the fixed controls of SPEC §10.2 in both languages', () => {
    expect([zhCN.login.email, zhCN.login.password, zhCN.login.submit, zhCN.language.label]).toEqual([
      '邮箱',
      '密码',
      '登录',
      '语言',
    ]);
    expect([en.login.email, en.login.password, en.login.submit, en.language.label]).toEqual([
      'Email',
      'Password',
      'Log in',
      'Language',
    ]);
  });
});
