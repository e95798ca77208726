/**
 * Checks routing rules an admin submits (SPEC §5.1), naming every bad field with the rule's
 * index ("rules[2].condition.op"), and returns a clean copy: ids default to rule-<n>, a
 * missing description is derived from the condition, `condition: null` is a catch-all. A rule
 * after a catch-all could never fire, so it is refused rather than silently ignored.
 */
import { checkComparison, checkConditionTree, cleanComparisonValue, type Fail } from '../conditions/check-condition.js';
import type { FieldError } from '../errors.js';
import { leadStatuses } from '../lead-status.js';
import {
  type RouteCondition,
  type RouteOp,
  type RoutingPath,
  type RoutingRule,
  routeFields,
  routeListFields,
  routeNumberFields,
  routeOps,
  routingPaths,
} from './routing-rules.js';

export type RoutingRulesValidation = { ok: true; rules: RoutingRule[] } | { ok: false; errors: FieldError[] };

const MAX_RULES = 100;
const MAX_TEXT = 200;
const RULE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const CHANNEL_PATHS = ['direct_to_sales', 'sdr_queue', 'pool'];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateRoutingRules(input: unknown): RoutingRulesValidation {
  const errors: FieldError[] = [];
  const fail: Fail = (field, message, messageZh) => {
    errors.push({ field, message, messageZh });
    return undefined;
  };
  if (!Array.isArray(input))
    return { ok: false, errors: [{ field: 'rules', message: 'must be a list', messageZh: '须为列表' }] };
  if (input.length > MAX_RULES) fail('rules', `may hold at most ${MAX_RULES} rules`, `最多 ${MAX_RULES} 条规则`);

  const ids = new Set<string>();
  const rules: RoutingRule[] = [];
  let catchAll: number | null = null;
  input.forEach((raw, i) => {
    const at = `rules[${i}]`;
    if (!isObject(raw)) {
      fail(
        at,
        'must be an object: {id?, description?, condition, path}',
        '须为对象：{id?, description?, condition, path}',
      );
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!['id', 'description', 'condition', 'path'].includes(key))
        fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
    }
    if (catchAll !== null)
      fail(
        at,
        `is never reached: rules[${catchAll}] matches every lead`,
        `永远不会用到：rules[${catchAll}] 已匹配所有线索`,
      );

    let id: unknown = raw.id ?? `rule-${i + 1}`;
    if (typeof id !== 'string' || !RULE_ID.test(id)) {
      fail(
        `${at}.id`,
        'must be 1–40 characters: lower-case letters, digits, - or _',
        '须为 1–40 个字符：小写字母、数字、- 或 _',
      );
      id = undefined;
    } else if (ids.has(id)) {
      fail(`${at}.id`, `"${id}" is used by an earlier rule`, `“${id}”已被前面的规则使用`);
    } else ids.add(id);

    let condition: RouteCondition | null | undefined;
    if (!('condition' in raw))
      fail(`${at}.condition`, 'is required (null matches every lead)', '必填（null 匹配所有线索）');
    else if (raw.condition === null) {
      condition = null;
      catchAll ??= i;
    } else condition = checkCondition(raw.condition, `${at}.condition`, fail);

    const path = raw.path;
    if (typeof path !== 'string' || !(routingPaths as readonly string[]).includes(path)) {
      fail(`${at}.path`, `must be one of ${routingPaths.join(', ')}`, `须为 ${routingPaths.join('、')} 之一`);
    }

    let description: string | undefined;
    if (raw.description === undefined || raw.description === null) {
      description = condition === undefined ? undefined : describeCondition(condition);
    } else if (typeof raw.description !== 'string' || !raw.description.trim()) {
      fail(`${at}.description`, 'must be a non-empty text', '须为非空文本');
    } else if (raw.description.trim().length > MAX_TEXT) {
      fail(`${at}.description`, `may be at most ${MAX_TEXT} characters`, `最多 ${MAX_TEXT} 个字符`);
    } else description = raw.description.trim();

    if (typeof id === 'string' && condition !== undefined && description !== undefined) {
      rules.push({ id, description, condition, path: path as RoutingPath });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

/** "score lt 10", "all(channel in [sem, brand_zone]; not(flags prefix JUNK:))", "(每条线索 every lead)". */
export function describeCondition(condition: RouteCondition | null): string {
  if (condition === null) return '每条线索 (every lead)';
  if ('all' in condition) return `all(${condition.all.map(describeCondition).join('; ')})`;
  if ('any' in condition) return `any(${condition.any.map(describeCondition).join('; ')})`;
  if ('not' in condition) return `not(${describeCondition(condition.not)})`;
  const value = Array.isArray(condition.value) ? `[${condition.value.join(', ')}]` : String(condition.value);
  return `${condition.field} ${condition.op} ${value}`;
}

function checkCondition(value: unknown, at: string, fail: Fail): RouteCondition | undefined {
  return checkConditionTree(value, at, fail, (leaf, leafAt) => checkLeaf(leaf, leafAt, fail));
}

function checkLeaf(value: Obj, at: string, fail: Fail): RouteCondition | undefined {
  const keys = Object.keys(value);
  let ok = true;
  for (const key of keys) {
    if (!['field', 'op', 'value'].includes(key)) {
      fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
      ok = false;
    }
  }
  const { field, op, value: expected } = value;
  if (typeof field !== 'string' || !(routeFields.includes(field) || /^fields\.\S.{0,99}$/u.test(field))) {
    fail(
      `${at}.field`,
      `must be one of ${routeFields.join(', ')} or fields.<attribute>`,
      `须为 ${routeFields.join('、')} 之一或 fields.<属性>`,
    );
    ok = false;
  }
  if (typeof op !== 'string' || !(routeOps as readonly string[]).includes(op)) {
    return fail(`${at}.op`, `must be one of ${routeOps.join(', ')}`, `须为 ${routeOps.join('、')} 之一`);
  }
  if (!ok) return undefined;
  const f = field as string;
  const numeric = (routeNumberFields as readonly string[]).includes(f);
  const list = (routeListFields as readonly string[]).includes(f);
  const textual = routeFields.includes(f) && !numeric && !list;
  const words = (v: unknown) => (Array.isArray(v) ? v : [v]);
  const kind = numeric ? 'number' : list ? 'list' : textual ? 'text' : 'custom';
  if (!checkComparison(op, expected, at, fail, { name: f, kind })) return undefined;
  if (numeric && ['eq', 'ne', 'in', 'nin'].includes(op) && !words(expected).every((v) => typeof v === 'number')) {
    return fail(`${at}.value`, `${f} is a number; compare it with numbers`, `${f} 是数字；请与数字比较`);
  }
  const known = f === 'channelPath' ? CHANNEL_PATHS : f === 'status' ? (leadStatuses as readonly string[]) : null;
  if (known && ['eq', 'ne', 'in', 'nin'].includes(op)) {
    const unknown = words(expected).find((v) => !known.includes(String(v).trim()));
    if (unknown !== undefined)
      return fail(
        `${at}.value`,
        `"${unknown}" is not one of ${known.join(', ')}`,
        `“${unknown}”不是 ${known.join('、')} 之一`,
      );
  }
  const clean = cleanComparisonValue(expected);
  return { field: f, op: op as RouteOp, value: clean as string | number | (string | number)[] };
}
