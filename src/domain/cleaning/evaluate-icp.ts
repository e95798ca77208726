/**
 * Evaluates ICP rules on one lead (pure), with the shared three-valued conditions
 * (conditions/evaluate-condition.ts): only `true` acts, so a value nobody knows never disqualifies.
 */
import { evaluateCondition as evaluateShared, type Truth } from '../conditions/evaluate-condition.js';
import type { CleaningLead } from './cleaning-lead.js';
import type { IcpCondition, IcpRule } from './icp-rules.js';

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
  return evaluateShared(condition, (field) => fieldValue(lead, field), { emptyListIsUnknown: true });
}

function fieldValue(lead: CleaningLead, field: string): unknown {
  if (field.startsWith('fields.')) return lead.fields[field.slice('fields.'.length)];
  if (field === 'emailDomain') return lead.email ? lead.email.slice(lead.email.lastIndexOf('@') + 1) : null;
  return (lead as unknown as Record<string, unknown>)[field];
}
