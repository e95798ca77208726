/**
 * The attribution and credit rules the reports apply (SPEC §8.3, §8.4), as data: saved as
 * versions (PUT /reports/rules), LeadLoop's defaults being version 0. Every report says which
 * version and values it applied.
 *
 * - Credit window (§8.3, seed 000): an SQL counts for the SDR when an opportunity is created
 *   within `creditWindowDays` (45) of the hand-off's acceptance and is not withdrawn within
 *   `withdrawalWindowDays` (14) of its creation.
 * - Partial credit (§5.2): each hand-off carries its own credit, set when it was routed (1, or the
 *   routing policy's partial credit — default 1/3 — for a sync to an active account owner).
 * - Inbound vs outbound (§8.3, seed 004): an opportunity on a lead the SDR sourced themselves
 *   (original channel in `outboundChannels`) and one on an inbound lead carry different weights;
 *   both default to 1, so out of the box a credit is the hand-off's credit.
 * - Customer size (§8.1): a lead is a large customer from `largeCustomerEmployees` employees up.
 * - Report currency: the funnel's and channel economics' won amounts are summed in `currency`
 *   (ISO 4217, CNY); deals won in another currency are summed apart per currency (no exchange rates).
 * Fixed, not settings: the first-touch channel is the channel of record (§8.4), and an
 * opportunity credits the SDR who made the hand-off it follows (the SDR who owned the lead when
 * it qualified).
 */
import type { FieldError } from '../errors.js';
import { CURRENCY_PATTERN } from '../incentives/incentive-plan.js';

export interface ReportRules {
  creditWindowDays: number;
  withdrawalWindowDays: number;
  weights: { inbound: number; outbound: number };
  outboundChannels: string[];
  largeCustomerEmployees: number;
  currency: string;
}

export const defaultReportRules = (): ReportRules => ({
  creditWindowDays: 45,
  withdrawalWindowDays: 14,
  weights: { inbound: 1, outbound: 1 },
  outboundChannels: ['outbound'],
  largeCustomerEmployees: 500,
  currency: 'CNY',
});

export const MAX_WINDOW_DAYS = 3650;
export const MAX_WEIGHT = 100;

/** Checks what the HTTP schema cannot: the relations between values. */
export function checkReportRules(rules: ReportRules): FieldError[] {
  const errors: FieldError[] = [];
  const days = (field: 'creditWindowDays' | 'withdrawalWindowDays') => {
    const v = rules[field];
    if (!Number.isInteger(v) || v < 0 || v > MAX_WINDOW_DAYS) {
      errors.push({
        field: `rules.${field}`,
        message: `must be a whole number of days from 0 to ${MAX_WINDOW_DAYS}`,
        messageZh: `须为 0 到 ${MAX_WINDOW_DAYS} 的整数天`,
      });
    }
  };
  days('creditWindowDays');
  days('withdrawalWindowDays');
  for (const side of ['inbound', 'outbound'] as const) {
    const w = rules.weights[side];
    if (!Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
      errors.push({
        field: `rules.weights.${side}`,
        message: `must be from 0 to ${MAX_WEIGHT}`,
        messageZh: `须在 0 到 ${MAX_WEIGHT} 之间`,
      });
    }
  }
  const seen = new Set<string>();
  rules.outboundChannels.forEach((c, i) => {
    if (seen.has(c))
      errors.push({
        field: `rules.outboundChannels[${i}]`,
        message: `${c} is listed twice`,
        messageZh: `${c} 列了两次`,
      });
    seen.add(c);
  });
  if (!Number.isInteger(rules.largeCustomerEmployees) || rules.largeCustomerEmployees < 1) {
    errors.push({
      field: 'rules.largeCustomerEmployees',
      message: 'must be a whole number of at least 1',
      messageZh: '须为不小于 1 的整数',
    });
  }
  if (!CURRENCY_PATTERN.test(rules.currency)) {
    errors.push({
      field: 'rules.currency',
      message: 'must be an ISO 4217 code in capitals, such as CNY',
      messageZh: '应为大写的 ISO 4217 货币代码，如 CNY',
    });
  }
  return errors;
}
