/**
 * Checking a submitted condition tree ({all}, {any}, {not} around {field, op, value} leaves),
 * naming each bad place ("rules[1].condition.any[0].op"). What a leaf may say depends on the
 * rules it belongs to (ICP or routing), so each passes its own leaf check.
 */
import type { Condition } from './evaluate-condition.js';

const MAX_DEPTH = 5;
const MAX_BRANCHES = 50;

/** Records a field error in English and Chinese; answers undefined to return from a check. */
export type Fail = (field: string, message: string, messageZh: string) => undefined;
/** Checks a {field, op, value} object at `at`; returns the clean leaf or undefined after failing. */
export type LeafCheck<C> = (value: Record<string, unknown>, at: string) => C | undefined;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkConditionTree<Op extends string, Value>(
  value: unknown,
  at: string,
  fail: Fail,
  leaf: LeafCheck<Condition<Op, Value>>,
  depth = 1,
): Condition<Op, Value> | undefined {
  if (!isObject(value)) {
    return fail(
      at,
      value === undefined ? 'is required' : 'must be an object: {field, op, value}, {all}, {any} or {not}',
      value === undefined ? '必填' : '须为对象：{field, op, value}、{all}、{any} 或 {not}',
    );
  }
  if (depth > MAX_DEPTH) return fail(at, `nests deeper than ${MAX_DEPTH} levels`, `嵌套超过 ${MAX_DEPTH} 层`);
  const keys = Object.keys(value);
  for (const combinator of ['all', 'any'] as const) {
    if (!(combinator in value)) continue;
    if (keys.length !== 1) return fail(at, `{${combinator}} takes no other keys`, `{${combinator}} 不能有其他键`);
    const list = value[combinator];
    if (!Array.isArray(list) || list.length === 0)
      return fail(`${at}.${combinator}`, 'must be a non-empty list of conditions', '须为非空的条件列表');
    if (list.length > MAX_BRANCHES)
      return fail(`${at}.${combinator}`, `may hold at most ${MAX_BRANCHES} conditions`, `最多 ${MAX_BRANCHES} 个条件`);
    const inner = list.map((c, i) => checkConditionTree(c, `${at}.${combinator}[${i}]`, fail, leaf, depth + 1));
    if (inner.some((c) => c === undefined)) return undefined;
    const conditions = inner as Condition<Op, Value>[];
    return combinator === 'all' ? { all: conditions } : { any: conditions };
  }
  if ('not' in value) {
    if (keys.length !== 1) return fail(at, '{not} takes no other keys', '{not} 不能有其他键');
    const inner = checkConditionTree(value.not, `${at}.not`, fail, leaf, depth + 1);
    return inner && { not: inner };
  }
  return leaf(value, at);
}

const MAX_TEXT = 200;
const MAX_VALUES = 200;

/** What the field a leaf compares holds: decides which operators and values make sense. */
export type FieldKind = 'number' | 'text' | 'list' | 'custom';

/**
 * Checks that `expected` suits `op` on a field of this kind (numbers for lt…gte, a text or
 * number for eq/ne — or true/false with `allowBoolean` — a list for in/nin, words for
 * contains/prefix); fails at `at.op` or `at.value` and answers false when it does not.
 */
export function checkComparison(
  op: string,
  expected: unknown,
  at: string,
  fail: Fail,
  field: { name: string; kind: FieldKind; allowBoolean?: boolean },
): boolean {
  const scalar = (v: unknown) =>
    (typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT) || (typeof v === 'number' && Number.isFinite(v));
  switch (op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (field.kind === 'text' || field.kind === 'list') {
        fail(
          `${at}.op`,
          `${field.name} is ${field.kind === 'list' ? 'a list' : 'text'}; ${op} compares numbers`,
          `${field.name} 是${field.kind === 'list' ? '列表' : '文本'}；${op} 只比较数字`,
        );
        return false;
      }
      if (typeof expected !== 'number' || !Number.isFinite(expected)) {
        fail(`${at}.value`, `${op} compares with a number`, `${op} 须与数字比较`);
        return false;
      }
      return true;
    case 'eq':
    case 'ne':
      if (!scalar(expected) && !(field.allowBoolean && typeof expected === 'boolean')) {
        fail(
          `${at}.value`,
          `must be a text${field.allowBoolean ? ', a number or true/false' : ' or a number'}`,
          `须为文本${field.allowBoolean ? '、数字或 true/false' : '或数字'}`,
        );
        return false;
      }
      return true;
    case 'in':
    case 'nin':
      if (
        !Array.isArray(expected) ||
        expected.length === 0 ||
        expected.length > MAX_VALUES ||
        !expected.every(scalar)
      ) {
        fail(
          `${at}.value`,
          `must be a list of 1–${MAX_VALUES} texts or numbers`,
          `须为 1–${MAX_VALUES} 个文本或数字的列表`,
        );
        return false;
      }
      return true;
    default: {
      // contains, prefix: words in text
      if (field.kind === 'number') {
        fail(`${at}.op`, `${field.name} is a number; ${op} looks at text`, `${field.name} 是数字；${op} 只看文本`);
        return false;
      }
      const words = Array.isArray(expected) ? expected : [expected];
      if (words.length === 0 || words.length > MAX_VALUES || !words.every((w) => typeof w === 'string' && scalar(w))) {
        fail(`${at}.value`, 'must be a word or a list of words', '须为一个词或词的列表');
        return false;
      }
      return true;
    }
  }
}

/** The value as stored: texts trimmed. */
export function cleanComparisonValue<V>(expected: V): V {
  if (Array.isArray(expected)) return expected.map((v) => (typeof v === 'string' ? v.trim() : v)) as V;
  return (typeof expected === 'string' ? expected.trim() : expected) as V;
}
