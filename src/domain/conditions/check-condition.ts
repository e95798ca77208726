/**
 * Checking a submitted condition tree ({all}, {any}, {not} around {field, op, value} leaves),
 * naming each bad place ("rules[1].condition.any[0].op"). What a leaf may say depends on the
 * rules it belongs to (ICP or routing), so each passes its own leaf check.
 */
import type { Condition } from './evaluate-condition.js';

const MAX_DEPTH = 5;
const MAX_BRANCHES = 50;

export type Fail = (field: string, message: string) => undefined;
/** Checks a {field, op, value} object at `at`; returns the clean leaf or undefined after failing. */
export type LeafCheck<C> = (value: Record<string, unknown>, at: string) => C | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
    );
  }
  if (depth > MAX_DEPTH) return fail(at, `nests deeper than ${MAX_DEPTH} levels`);
  const keys = Object.keys(value);
  for (const combinator of ['all', 'any'] as const) {
    if (!(combinator in value)) continue;
    if (keys.length !== 1) return fail(at, `{${combinator}} takes no other keys`);
    const list = value[combinator];
    if (!Array.isArray(list) || list.length === 0)
      return fail(`${at}.${combinator}`, 'must be a non-empty list of conditions');
    if (list.length > MAX_BRANCHES) return fail(`${at}.${combinator}`, `may hold at most ${MAX_BRANCHES} conditions`);
    const inner = list.map((c, i) => checkConditionTree(c, `${at}.${combinator}[${i}]`, fail, leaf, depth + 1));
    if (inner.some((c) => c === undefined)) return undefined;
    const conditions = inner as Condition<Op, Value>[];
    return combinator === 'all' ? { all: conditions } : { any: conditions };
  }
  if ('not' in value) {
    if (keys.length !== 1) return fail(at, '{not} takes no other keys');
    const inner = checkConditionTree(value.not, `${at}.not`, fail, leaf, depth + 1);
    return inner && { not: inner };
  }
  return leaf(value, at);
}
