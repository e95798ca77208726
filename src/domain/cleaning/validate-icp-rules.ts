/**
 * Checks the ICP rules an admin submits (PUT /icp-rules), naming every bad field with the rule's
 * index ("rules[2].condition.value"), and returns a clean copy with defaults filled in
 * (reason outside_icp, enabled true, a flag derived from the condition, an id when none given).
 */
import { checkComparison, checkConditionTree, cleanComparisonValue, type Fail } from '../conditions/check-condition.js';
import { checkRuleId, checkRuleList, MAX_RULE_TEXT, type RuleListValidation } from '../conditions/check-rule-list.js';
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

export type IcpRulesValidation = RuleListValidation<IcpRule>;

const RULE_KEYS = ['id', 'description', 'condition', 'action', 'reason', 'flag', 'enabled'];

export function validateIcpRules(
  input: unknown,
  activeReasons: ReadonlySet<string>,
  newId: () => string,
): IcpRulesValidation {
  const ids = new Set<string>();
  return checkRuleList(input, { keys: RULE_KEYS }, (raw, at, _index, fail): IcpRule | undefined => {
    const generated = raw.id === undefined || raw.id === null ? `rule-${newId().slice(0, 8)}` : undefined;
    if (generated) ids.add(generated); // a later rule may not give the id this one was given
    const id = generated ?? checkRuleId(raw.id, `${at}.id`, ids, fail);
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

    if (!id || !description || !condition || (action !== 'disqualify' && action !== 'flag')) return undefined;
    return {
      id,
      description,
      condition,
      action,
      reason: reason as string,
      flag: typeof flag === 'string' ? flag : defaultFlag(id, condition),
      enabled: raw.enabled !== false,
    };
  });
}

function text(value: unknown, field: string, fail: Fail, required: boolean): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return required ? fail(field, 'is required', '必填') : undefined;
  if (value.trim().length > MAX_RULE_TEXT)
    return fail(field, `may be at most ${MAX_RULE_TEXT} characters`, `最多 ${MAX_RULE_TEXT} 个字符`);
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
