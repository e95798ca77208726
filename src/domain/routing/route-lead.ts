/**
 * Applies the routing rules to one lead (pure): the first enabled rule whose condition surely
 * holds gives the path. Three-valued like the ICP rules: a fact nobody knows (no score yet)
 * makes a comparison unknown, and unknown never matches — `not` of unknown stays unknown.
 * When no rule matches, the lead goes to the SDR queue (ruleIndex null): an SDR looking at a
 * lead is the safe default.
 */
import { toHalfWidth } from '../normalise/width.js';
import {
  type RouteCondition,
  type RouteFacts,
  type RouteOp,
  type RoutingPath,
  type RoutingRule,
  routingPathLabel,
} from './routing-rules.js';

export interface RouteResult {
  path: RoutingPath;
  /** Index of the deciding rule; null when none matched (fallback). */
  ruleIndex: number | null;
  ruleId: string | null;
  /** "规则 #1 direct-channels: 主动咨询… → 直接给销售 (direct_to_sales)". */
  reason: string;
}

type Truth = boolean | undefined;

export function routeLead(rules: readonly RoutingRule[], facts: RouteFacts): RouteResult {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.condition === null || evaluateRouteCondition(rule.condition, facts) === true) {
      return {
        path: rule.path,
        ruleIndex: i,
        ruleId: rule.id,
        reason: `规则 #${i} ${rule.id}: ${rule.description} → ${routingPathLabel[rule.path]}`,
      };
    }
  }
  return {
    path: 'sdr_queue',
    ruleIndex: null,
    ruleId: null,
    reason: `无规则匹配, 默认 → ${routingPathLabel.sdr_queue} (no rule matched)`,
  };
}

export function evaluateRouteCondition(condition: RouteCondition, facts: RouteFacts): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const c of condition.all) {
      const t = evaluateRouteCondition(c, facts);
      if (t === false) return false;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const c of condition.any) {
      const t = evaluateRouteCondition(c, facts);
      if (t === true) return true;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const t = evaluateRouteCondition(condition.not, facts);
    return t === undefined ? undefined : !t;
  }
  return compare(factValue(facts, condition.field), condition.op, condition.value);
}

function factValue(facts: RouteFacts, field: string): unknown {
  if (field.startsWith('fields.')) return facts.fields[field.slice('fields.'.length)];
  return (facts as unknown as Record<string, unknown>)[field];
}

const fold = (v: unknown) => toHalfWidth(String(v)).trim().toLowerCase();

const isUnknown = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

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

function compare(actual: unknown, op: RouteOp, expected: unknown): Truth {
  // A list (flags, a multi-valued attribute) matches when any item does; ne/nin when none does.
  // An empty list is known to hold nothing, so "flags has prefix JUNK:" is false, not unknown.
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
