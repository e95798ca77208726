/**
 * Conditions as data, shared by ICP rules (cleaning/icp-rules.ts) and routing rules
 * (routing/routing-rules.ts): {field, op, value} leaves combined with {all}, {any} and {not}.
 *
 * Kleene three-valued logic — true, false or unknown — so a value nobody knows (no employee
 * count, no score yet) never makes a rule act: only `true` acts, and `not unknown` is unknown.
 * Text compares as people mean it (width-folded, trimmed, case-insensitive); numbers compare
 * as numbers, numeric strings ("1,200") included. A list value (flags, several 企业类型 tags)
 * matches when any item does, and ne/nin when none does.
 */
import { toHalfWidth } from '../normalise/width.js';

export type Truth = boolean | undefined;

export const conditionOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'prefix'] as const;
export type ConditionOp = (typeof conditionOps)[number];

export type Condition<Op extends string = ConditionOp, Value = unknown> =
  | { field: string; op: Op; value: Value }
  | { all: Condition<Op, Value>[] }
  | { any: Condition<Op, Value>[] }
  | { not: Condition<Op, Value> };

export interface EvaluationOptions {
  /** ICP: an empty list is unknown (no tags recorded); routing: it is known to hold nothing. */
  emptyListIsUnknown: boolean;
}

export function evaluateCondition(
  condition: Condition<string>,
  valueAt: (field: string) => unknown,
  options: EvaluationOptions,
): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const c of condition.all) {
      const t = evaluateCondition(c, valueAt, options);
      if (t === false) return false;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const c of condition.any) {
      const t = evaluateCondition(c, valueAt, options);
      if (t === true) return true;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const t = evaluateCondition(condition.not, valueAt, options);
    return t === undefined ? undefined : !t;
  }
  const actual = valueAt(condition.field);
  if (Array.isArray(actual) && actual.length === 0 && options.emptyListIsUnknown) return undefined;
  return compare(actual, condition.op as ConditionOp, condition.value);
}

/** Text compared as people mean it: width-folded, trimmed, case-insensitive. */
const fold = (v: unknown) => toHalfWidth(String(v)).trim().toLowerCase();

const isUnknown = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A number, or a numeric string ("50", " 1,200 "); anything else is not comparable as a number. */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const text = toHalfWidth(v).trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function same(a: unknown, b: unknown): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  return fold(a) === fold(b);
}

function compare(actual: unknown, op: ConditionOp, expected: unknown): Truth {
  if (Array.isArray(actual)) {
    const results = actual.map((a) => compare(a, op, expected));
    if (op === 'ne' || op === 'nin')
      return results.includes(false) ? false : results.includes(undefined) ? undefined : true;
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  }
  if (isUnknown(actual)) return undefined;
  const list = Array.isArray(expected) ? expected : [expected];
  switch (op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined || b === undefined) return undefined;
      return op === 'lt' ? a < b : op === 'lte' ? a <= b : op === 'gt' ? a > b : a >= b;
    }
    case 'eq':
      return same(actual, expected);
    case 'ne':
      return !same(actual, expected);
    case 'in':
      return list.some((e) => same(actual, e));
    case 'nin':
      return !list.some((e) => same(actual, e));
    case 'contains':
      return list.some((w) => fold(actual).includes(fold(w)));
    case 'prefix':
      return list.some((w) => fold(actual).startsWith(fold(w)));
  }
}
