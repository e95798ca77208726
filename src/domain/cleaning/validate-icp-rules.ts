/**
 * Checks the ICP rules an admin submits (PUT /icp-rules), naming every bad field with the rule's
 * index ("rules[2].condition.value"), and returns a clean copy with defaults filled in
 * (reason outside_icp, enabled true, a flag derived from the condition, an id when none given).
 */
import { checkComparison, checkConditionTree, cleanComparisonValue, type Fail } from '../conditions/check-condition.js';
import type { FieldError } from '../errors.js';
import {
  type ComparisonOp,
  comparisonOps,
  conditionFields,
  defaultFlag,
  ICP_FLAG_PREFIX,
  type IcpCondition,
  type IcpRule,
  numberFields,
} from './icp-rules.js';

export type IcpRulesValidation = { ok: true; rules: IcpRule[] } | { ok: false; errors: FieldError[] };

const MAX_RULES = 100;
const MAX_TEXT = 200;
const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateIcpRules(
  input: unknown,
  activeReasons: ReadonlySet<string>,
  newId: () => string,
): IcpRulesValidation {
  const errors: FieldError[] = [];
  const fail: Fail = (field, message, messageZh) => {
    errors.push({ field, message, messageZh });
    return undefined;
  };
  if (!Array.isArray(input))
    return { ok: false, errors: [{ field: 'rules', message: 'must be a list', messageZh: '须为列表' }] };
  if (input.length > MAX_RULES) fail('rules', `may hold at most ${MAX_RULES} rules`, `最多 ${MAX_RULES} 条规则`);

  const ids = new Set<string>();
  const rules: IcpRule[] = [];
  input.forEach((raw, i) => {
    const at = `rules[${i}]`;
    if (!isObject(raw)) {
      fail(at, 'must be an object', '须为对象');
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!['id', 'description', 'condition', 'action', 'reason', 'flag', 'enabled'].includes(key)) {
        fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
      }
    }
    let id = raw.id;
    if (id === undefined || id === null) id = `rule-${newId().slice(0, 8)}`;
    else if (typeof id !== 'string' || !RULE_ID.test(id)) {
      fail(
        `${at}.id`,
        'must be 1–40 characters: lower-case letters, digits, - or _',
        '须为 1–40 个字符：小写字母、数字、- 或 _',
      );
    } else if (ids.has(id)) fail(`${at}.id`, `"${id}" is used by an earlier rule`, `“${id}”已被前面的规则使用`);
    if (typeof id === 'string') ids.add(id);

    const description = text(raw.description, `${at}.description`, fail, true);
    const condition = checkCondition(raw.condition, `${at}.condition`, fail);
    const action = raw.action;
    if (action !== 'disqualify' && action !== 'flag')
      fail(`${at}.action`, 'must be "disqualify" or "flag"', '须为“disqualify”或“flag”');
    const reason = raw.reason ?? 'outside_icp';
    if (typeof reason !== 'string' || !activeReasons.has(reason)) {
      fail(
        `${at}.reason`,
        `must be an active disqualify reason (${[...activeReasons].join(', ')}); "${String(reason)}" is not`,
        `须为有效的无效原因（${[...activeReasons].join('、')}）；“${String(reason)}”不是`,
      );
    }
    let flag = raw.flag;
    if (flag !== undefined && flag !== null) {
      flag = text(flag, `${at}.flag`, fail, true);
      if (typeof flag === 'string' && !flag.startsWith(ICP_FLAG_PREFIX)) flag = `${ICP_FLAG_PREFIX}${flag}`;
    }
    if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean')
      fail(`${at}.enabled`, 'must be true or false', '须为 true 或 false');

    if (typeof id === 'string' && description && condition && (action === 'disqualify' || action === 'flag')) {
      rules.push({
        id,
        description,
        condition,
        action,
        reason: reason as string,
        flag: typeof flag === 'string' ? flag : defaultFlag(id, condition),
        enabled: raw.enabled !== false,
      });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

function text(value: unknown, field: string, fail: Fail, required: boolean): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return required ? fail(field, 'is required', '必填') : undefined;
  if (value.trim().length > MAX_TEXT)
    return fail(field, `may be at most ${MAX_TEXT} characters`, `最多 ${MAX_TEXT} 个字符`);
  return value.trim();
}

function checkCondition(value: unknown, at: string, fail: Fail): IcpCondition | undefined {
  return checkConditionTree(value, at, fail, (leaf, leafAt) => checkLeaf(leaf, leafAt, fail));
}

function checkLeaf(value: Record<string, unknown>, at: string, fail: Fail): IcpCondition | undefined {
  const keys = Object.keys(value);
  for (const key of keys) {
    if (!['field', 'op', 'value'].includes(key)) fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
  }
  const { field, op, value: expected } = value;
  let ok = true;
  if (typeof field !== 'string' || !(conditionFields.includes(field) || /^fields\.\S.{0,99}$/u.test(field))) {
    fail(
      `${at}.field`,
      `must be one of ${conditionFields.join(', ')} or fields.<attribute>`,
      `须为 ${conditionFields.join('、')} 之一或 fields.<属性>`,
    );
    ok = false;
  }
  if (typeof op !== 'string' || !(comparisonOps as readonly string[]).includes(op)) {
    return fail(`${at}.op`, `must be one of ${comparisonOps.join(', ')}`, `须为 ${comparisonOps.join('、')} 之一`);
  }
  const numeric = typeof field === 'string' && (numberFields as readonly string[]).includes(field);
  const kind =
    typeof field !== 'string' ? 'custom' : numeric ? 'number' : conditionFields.includes(field) ? 'text' : 'custom';
  if (!checkComparison(op, expected, at, fail, { name: String(field), kind, allowBoolean: true })) return undefined;
  if (!ok) return undefined;
  const clean = cleanComparisonValue(expected);
  return {
    field: field as string,
    op: op as ComparisonOp,
    value: clean as string | number | boolean | (string | number)[],
  };
}
