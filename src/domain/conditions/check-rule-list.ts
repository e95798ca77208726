/**
 * What every rule list an admin edits (ICP rules, routing rules) checks the same way: a list of
 * at most 100 objects holding only known keys, ids of lower-case letters, digits, - or _ used
 * once, texts of at most 200 characters. Each bad field is named with the rule's index
 * ("rules[2].id"); every error is collected, not just the first.
 */
import type { FieldError } from '../errors.js';
import { type Fail, isObject } from './check-condition.js';

export type RuleListValidation<R> = { ok: true; rules: R[] } | { ok: false; errors: FieldError[] };

export const MAX_RULE_TEXT = 200;
const MAX_RULES = 100;
const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * `keys`: the fields a rule may hold; `shape`: how a rule looks, for the error on a rule that is
 * not an object. `checkRule` checks the rest of rule `index` (found at `at`, its unknown keys
 * already named) and returns it clean, or undefined when it failed.
 */
export function checkRuleList<R>(
  input: unknown,
  rule: { keys: readonly string[]; shape?: string },
  checkRule: (raw: Record<string, unknown>, at: string, index: number, fail: Fail) => R | undefined,
): RuleListValidation<R> {
  const errors: FieldError[] = [];
  const fail: Fail = (field, message, messageZh) => {
    errors.push({ field, message, messageZh });
    return undefined;
  };
  if (!Array.isArray(input))
    return { ok: false, errors: [{ field: 'rules', message: 'must be a list', messageZh: '须为列表' }] };
  if (input.length > MAX_RULES) fail('rules', `may hold at most ${MAX_RULES} rules`, `最多 ${MAX_RULES} 条规则`);

  const rules: R[] = [];
  input.forEach((raw, index) => {
    const at = `rules[${index}]`;
    if (!isObject(raw)) {
      const shape = rule.shape ? `: ${rule.shape}` : '';
      fail(at, `must be an object${shape}`, `须为对象${shape.replace(': ', '：')}`);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!rule.keys.includes(key)) fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
    }
    const checked = checkRule(raw, at, index, fail);
    if (checked !== undefined) rules.push(checked);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

/** A rule's id, checked at `field` and against the ids of the rules before it (`taken`, which it joins); undefined when bad. */
export function checkRuleId(id: unknown, field: string, taken: Set<string>, fail: Fail): string | undefined {
  if (typeof id !== 'string' || !RULE_ID.test(id)) {
    return fail(
      field,
      'must be 1–40 characters: lower-case letters, digits, - or _',
      '须为 1–40 个字符：小写字母、数字、- 或 _',
    );
  }
  if (taken.has(id)) return fail(field, `"${id}" is used by an earlier rule`, `“${id}”已被前面的规则使用`);
  taken.add(id);
  return id;
}
