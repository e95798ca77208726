import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['  Zhang.San@Example.COM  ', 'zhang.san@example.com'],
    ['ｚｈａｎｇ＠ｑｑ．ｃｏｍ', 'zhang@qq.com'],
    ['zhang＠qq.com', 'zhang@qq.com'],
    ['zhang@qq。com', 'zhang@qq.com'],
    ['first+tag@mail.example.com.cn', 'first+tag@mail.example.com.cn'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['a_b-c@my-company.io', 'a_b-c@my-company.io'],
    ['user@xn--fiqs8s.xn--fiqs8s', 'user@xn--fiqs8s.xn--fiqs8s'],
  ])('normalises %j', (raw, email) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, email });
  });

  it.each([
    'zhang',
    'zhang@',
    '@qq.com',
    'zhang@qq',
    'zhang@@qq.com',
    'zhang@qq..com',
    'zhang@qq.com.',
    'zhang@.qq.com',
    'zhang@-qq.com',
    'zhang@qq-.com',
    'zhang@qq.c',
    'zhang@127.0.0.1',
    '.zhang@qq.com',
    'zhang.@qq.com',
    'zh..ang@qq.com',
    'zhang san@qq.com',
    'zhang@q q.com',
    '张三@qq.com',
    'zhang@qq.com, li@qq.com',
    '<zhang@qq.com>',
    `${'a'.repeat(65)}@qq.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('rejects %j', (raw) => {
    expect(normaliseEmail(raw)).toEqual({
      ok: false,
      message: 'not a valid e-mail address',
      messageZh: '不是有效的邮箱地址',
    });
  });

  it('says so when nothing was given', () => {
    expect(normaliseEmail(' \u3000 ')).toEqual({
      ok: false,
      message: 'e-mail address is empty',
      messageZh: '邮箱地址为空',
    });
  });
});
