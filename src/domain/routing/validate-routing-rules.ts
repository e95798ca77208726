/**
 * Checks routing rules an admin submits (SPEC §5.1), naming every bad field with the rule's
 * index ("rules[2].condition.op"), and returns a clean copy: ids default to rule-<n>, a
 * missing description is derived from the condition, `condition: null` is a catch-all. A rule
 * after a catch-all could never fire, so it is refused rather than silently ignored.
 */
import { checkComparison, checkConditionTree, cleanComparisonValue, type Fail } from '../conditions/check-condition.js';
import { checkRuleId, checkRuleList, MAX_RULE_TEXT, type RuleListValidation } from '../conditions/check-rule-list.js';
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

export type RoutingRulesValidation = RuleListValidation<RoutingRule>;

const CHANNEL_PATHS = ['direct_to_sales', 'sdr_queue', 'pool'];
const RULE_KEYS = ['id', 'description', 'condition', 'path'];

export function validateRoutingRules(input: unknown): RoutingRulesValidation {
  const ids = new Set<string>();
  let catchAll: number | null = null;
  const shape = '{id?, description?, condition, path}';
  return checkRuleList(input, { keys: RULE_KEYS, shape }, (raw, at, i, fail): RoutingRule | undefined => {
    if (catchAll !== null)
      fail(
        at,
        `is never reached: rules[${catchAll}] matches every lead`,
        `永远不会用到：rules[${catchAll}] 已匹配所有线索`,
      );

    const id = checkRuleId(raw.id ?? `rule-${i + 1}`, `${at}.id`, ids, fail);

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
    } else if (raw.description.trim().length > MAX_RULE_TEXT) {
      fail(`${at}.description`, `may be at most ${MAX_RULE_TEXT} characters`, `最多 ${MAX_RULE_TEXT} 个字符`);
    } else description = raw.description.trim();

    if (id === undefined || condition === undefined || description === undefined) return undefined;
    return { id, description, condition, path: path as RoutingPath };
  });
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

function checkLeaf(value: Record<string, unknown>, at: string, fail: Fail): RouteCondition | undefined {
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
