import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ValidationIssue, validationMessageZh, validationWords } from './validation-messages.js';

/** The one issue zod raises for `value` against `schema`. */
function issueOf(schema: z.ZodType, value: unknown): ValidationIssue {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to fail');
  expect(parsed.error.issues).toHaveLength(1);
  return parsed.error.issues[0] as ValidationIssue;
}

const zh = (schema: z.ZodType, value: unknown) => validationMessageZh(issueOf(schema, value));

describe('validation messages in Chinese', () => {
  it('words a missing field as required in both languages', () => {
    const issue = issueOf(z.object({ email: z.string() }), {});
    expect(validationWords(issue)).toEqual({ message: 'is required', messageZh: '必填' });
  });

  it('words a wrong type and a null', () => {
    expect(zh(z.string(), 3)).toBe('应为文本');
    expect(zh(z.number(), 'x')).toBe('应为数字');
    expect(zh(z.number().int(), 1.5)).toBe('应为整数');
    expect(zh(z.boolean(), 'yes')).toBe('应为 true 或 false');
    expect(zh(z.array(z.string()), {})).toBe('应为列表');
    expect(zh(z.string(), null)).toBe('不能为空');
  });

  it('words lengths and counts', () => {
    expect(zh(z.string().min(1), '')).toBe('必填');
    expect(zh(z.string().min(8), 'short')).toBe('至少 8 个字符');
    expect(zh(z.string().max(3), 'abcd')).toBe('最多 3 个字符');
    expect(zh(z.string().length(2), 'abc')).toBe('应为 2 个字符');
    expect(zh(z.array(z.string()).min(1), [])).toBe('至少要有一项');
    expect(zh(z.array(z.string()).max(1), ['a', 'b'])).toBe('最多 1 项');
  });

  it('words number bounds, inclusive or not', () => {
    expect(zh(z.number().min(0), -1)).toBe('不能小于 0');
    expect(zh(z.number().positive(), 0)).toBe('应大于 0');
    expect(zh(z.number().max(1), 2)).toBe('不能大于 1');
    expect(zh(z.number().lt(5), 5)).toBe('应小于 5');
    expect(zh(z.number().multipleOf(5), 7)).toBe('应为 5 的倍数');
  });

  it('words formats', () => {
    expect(zh(z.email(), 'nope')).toBe('不是有效的邮箱地址');
    expect(zh(z.url(), 'nope')).toBe('不是有效的网址');
    expect(zh(z.iso.date(), '2026-13-01')).toBe('不是有效的日期（yyyy-mm-dd）');
    expect(zh(z.string().regex(/^x$/), 'y')).toBe('格式不对');
    expect(zh(z.string().startsWith('https://'), 'http://x')).toBe('应以“https://”开头');
  });

  it('words allowed values and unknown keys', () => {
    expect(zh(z.enum(['web', 'phone']), 'fax')).toBe('应为以下之一：web、phone');
    expect(zh(z.literal('q'), 'r')).toBe('应为 q');
    const unknown = issueOf(z.strictObject({}), { colour: 'red' });
    expect(validationWords(unknown)).toEqual({ message: 'is not a known field', messageZh: '不是已知字段' });
  });

  it('keeps the English a schema wrote, and finds the Chinese of our own pattern messages', () => {
    const issue = issueOf(z.string().regex(/^\d{4}-\d{2}$/, 'must be a month as yyyy-mm'), '2026')!;
    expect(validationWords(issue)).toEqual({
      message: 'must be a month as yyyy-mm',
      messageZh: '应为 yyyy-mm 格式的月份',
    });
    expect(validationWords(issueOf(z.string().min(8, 'must be at least 8 characters'), 'x'))).toEqual({
      message: 'must be at least 8 characters',
      messageZh: '至少 8 个字符',
    });
  });

  it('takes a custom issue’s Chinese from its params, else says it is invalid', () => {
    const refined = z.number().superRefine((n, ctx) => {
      if (n > 1) ctx.addIssue({ code: 'custom', message: 'must be small', params: { messageZh: '应较小' } });
    });
    expect(validationWords(issueOf(refined, 2))).toEqual({ message: 'must be small', messageZh: '应较小' });
    expect(
      zh(
        z.number().refine((n) => n < 1, 'must be small'),
        2,
      ),
    ).toBe('无效');
  });
});
