/**
 * Applies the routing rules to one lead (pure): the first enabled rule whose condition surely
 * holds gives the path. Three-valued like the ICP rules: a fact nobody knows (no score yet)
 * makes a comparison unknown, and unknown never matches — `not` of unknown stays unknown.
 * When no rule matches, the lead goes to the SDR queue (ruleIndex null): an SDR looking at a
 * lead is the safe default.
 */
import { evaluateCondition, type Truth } from '../conditions/evaluate-condition.js';
import {
  type RouteCondition,
  type RouteFacts,
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
  return evaluateCondition(condition, (field) => factValue(facts, field), { emptyListIsUnknown: false });
}

function factValue(facts: RouteFacts, field: string): unknown {
  if (field.startsWith('fields.')) return facts.fields[field.slice('fields.'.length)];
  return (facts as unknown as Record<string, unknown>)[field];
}
