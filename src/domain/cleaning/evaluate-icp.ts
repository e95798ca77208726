/**
 * Evaluates ICP rules on one lead (pure). Kleene three-valued logic: true, false or unknown;
 * only `true` acts, so a value nobody knows never disqualifies (see icp-rules.ts).
 */
import { toHalfWidth } from '../normalise/width.js';
import type { CleaningLead } from './cleaning-lead.js';
import type { ComparisonOp, IcpCondition, IcpRule } from './icp-rules.js';

type Truth = boolean | undefined;

export interface IcpOutcome {
  /** Every enabled rule whose condition surely holds, in list order. */
  matched: IcpRule[];
  /** The first matched `disqualify` rule, if any. */
  disqualifiedBy: IcpRule | null;
  /** Flags of all matched rules (a disqualifying rule flags too, so the lead shows which rule). */
  flags: string[];
}

export function evaluateIcpRules(rules: readonly IcpRule[], lead: CleaningLead): IcpOutcome {
  const matched = rules.filter((r) => r.enabled && evaluateCondition(r.condition, lead) === true);
  return {
    matched,
    disqualifiedBy: matched.find((r) => r.action === 'disqualify') ?? null,
    flags: [...new Set(matched.map((r) => r.flag))],
  };
}

export function evaluateCondition(condition: IcpCondition, lead: CleaningLead): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const c of condition.all) {
      const t = evaluateCondition(c, lead);
      if (t === false) return false;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const c of condition.any) {
      const t = evaluateCondition(c, lead);
      if (t === true) return true;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const t = evaluateCondition(condition.not, lead);
    return t === undefined ? undefined : !t;
  }
  return compare(fieldValue(lead, condition.field), condition.op, condition.value);
}

function fieldValue(lead: CleaningLead, field: string): unknown {
  if (field.startsWith('fields.')) return lead.fields[field.slice('fields.'.length)];
  if (field === 'emailDomain') return lead.email ? lead.email.slice(lead.email.lastIndexOf('@') + 1) : null;
  return (lead as unknown as Record<string, unknown>)[field];
}

/** Text compared as people mean it: width-folded, trimmed, case-insensitive. */
const fold = (v: unknown) => toHalfWidth(String(v)).trim().toLowerCase();

function isUnknown(v: unknown): boolean {
  return (
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  );
}

/** A number, or a numeric string ("50", " 1,200 "); anything else is not comparable as a number. */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const text = toHalfWidth(v).trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function compare(actual: unknown, op: ComparisonOp, expected: unknown): Truth {
  if (isUnknown(actual)) return undefined;
  // A custom attribute may hold a list (several 企业类型 tags): it matches when any item does.
  if (Array.isArray(actual)) {
    const results = actual.map((a) => compare(a, op, expected));
    if (op === 'ne' || op === 'nin') {
      return results.includes(false) ? false : results.includes(undefined) ? undefined : true;
    }
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  }
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
      return (expected as unknown[]).some((e) => same(actual, e));
    case 'nin':
      return !(expected as unknown[]).some((e) => same(actual, e));
    case 'contains': {
      const text = fold(actual);
      const words = Array.isArray(expected) ? expected : [expected];
      return words.some((w) => text.includes(fold(w)));
    }
  }
}

function same(a: unknown, b: unknown): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  return fold(a) === fold(b);
}
