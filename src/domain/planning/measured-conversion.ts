/**
 * The planner's four conversion rates "measured from the last N months" (SPEC §8.5): from the
 * counts the funnel report gives for the leads captured in that window. Rounded to 4 decimals —
 * the rates the answer shows, so entering them again plans the same. Lead → MQL skips the
 * valid-lead step, as the planner's funnel has none.
 */
import type { FieldError } from '../errors.js';
import type { ConversionStage } from './capacity-plan.js';

export interface MeasuredFunnel {
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
}

const steps: readonly [ConversionStage, keyof MeasuredFunnel, keyof MeasuredFunnel][] = [
  ['leadToMql', 'mqls', 'leads'],
  ['mqlToSql', 'sqls', 'mqls'],
  ['sqlToOpportunity', 'opportunities', 'sqls'],
  ['opportunityToWon', 'won', 'opportunities'],
];

/** The rates, or an error on `field` for each one the funnel cannot give (none at a stage, or a share over 1). */
export function measuredConversion(
  funnel: MeasuredFunnel,
  field: string,
): { rates: Record<ConversionStage, number>; errors: [] } | { rates: null; errors: FieldError[] } {
  const rates = {} as Record<ConversionStage, number>;
  const errors: FieldError[] = [];
  for (const [stage, part, whole] of steps) {
    const rate = funnel[whole] > 0 ? Math.round((funnel[part] / funnel[whole]) * 10_000) / 10_000 : 0;
    if (rate > 0 && rate <= 1) rates[stage] = rate;
    else
      errors.push({
        field,
        message:
          `${stage} cannot be measured: ${funnel[part]} ${part} of ${funnel[whole]} ${whole} in that window` +
          ' — enter conversion instead, or measure over more months',
        messageZh:
          `${stage} 无法实测：该时段内 ${funnel[whole]} 个 ${whole} 中有 ${funnel[part]} 个 ${part}` +
          '——请改填转化率，或按更多月份实测',
      });
  }
  return errors.length ? { rates: null, errors } : { rates, errors: [] };
}
