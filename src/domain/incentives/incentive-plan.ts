/**
 * The SDR incentive plan (SPEC §8.3, seed 004 "激励体系") as data, and the calculator that turns an
 * SDR's scorecard (GET /reports/sdr figures) into award lines with their basis. Money is integer
 * fen; every amount is computed exactly (domain/planning/exact.ts) and rounded once, to the fen,
 * halves away from zero.
 *
 * - Monthly behaviour awards (seed 004 1) 短期激励: "奖励优秀行为,每月发放个人奖励", small amounts):
 *   each award whose threshold the SDR's month reaches pays its fixed amount.
 * - Quarterly bonus (seed 004 2) 中期激励: "考核行为指标+商机指标,按季度计算绩效奖金"; behaviour
 *   "占一定比例"): a target bonus split by `behaviourWeightPct` into a behaviour share, paid in
 *   proportion to calls against the quarter's call target (capped at 100%), and an opportunity
 *   share, paid in proportion to credited SQLs against their target (not capped: more credited
 *   opportunities, more bonus). Credited SQLs already carry the partial credit of syncs and the
 *   inbound/outbound weights of the report rules (seed 004: inbound pays less than outbound).
 *
 * The seed gives the structure and the reasons but no figures: the default amounts are LeadLoop's.
 */
import { Exact } from '../planning/exact.js';

export const behaviourMetrics = ['calls', 'talkTimeSec', 'leadsContacted'] as const;
export type BehaviourMetric = (typeof behaviourMetrics)[number];

export interface MonthlyAward {
  metric: BehaviourMetric;
  atLeast: number;
  amountFen: number;
}

export interface IncentivePlan {
  monthly: { awards: MonthlyAward[] };
  quarterly: {
    targetBonusFen: number;
    behaviourWeightPct: number;
    callsTarget: number;
    creditedSqlTarget: number;
  };
}

export const MAX_AMOUNT_FEN = 100_000_000_00; // ¥100,000,000
export const MAX_AWARDS = 20;

export function defaultIncentivePlan(): IncentivePlan {
  return {
    monthly: {
      awards: [
        { metric: 'calls', atLeast: 400, amountFen: 300_00 },
        { metric: 'talkTimeSec', atLeast: 20 * 3600, amountFen: 300_00 },
      ],
    },
    quarterly: { targetBonusFen: 6000_00, behaviourWeightPct: 30, callsTarget: 1200, creditedSqlTarget: 15 },
  };
}

/** Rule checks beyond types and ranges (the HTTP schema's): field errors, relative to `plan`. */
export function checkIncentivePlan(plan: IncentivePlan): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  plan.monthly.awards.forEach((a, i) => {
    const key = `${a.metric}:${a.atLeast}`;
    if (seen.has(key)) {
      errors.push({ field: `plan.monthly.awards[${i}]`, message: `a second ${a.metric} award at ${a.atLeast}` });
    }
    seen.add(key);
  });
  return errors;
}

/** The figures of one SDR's row of the SDR report that the plan pays on. */
export interface ScorecardFigures {
  calls: number;
  talkTimeSec: number;
  leadsContacted: number;
  /** Credited SQLs as the report shows them (to 6 decimals). */
  creditedSqls: number;
}

export interface AwardLine {
  kind: 'monthly_behaviour' | 'quarterly_behaviour' | 'quarterly_opportunity';
  metric: BehaviourMetric | 'creditedSqls';
  basis: string;
  amountFen: number;
}

const metricLabel: Record<BehaviourMetric, string> = {
  calls: 'calls',
  talkTimeSec: 'talk time (s)',
  leadsContacted: 'leads contacted',
};

/** "¥1,234.56" from fen. */
export function formatYuan(fen: number | bigint): string {
  const f = BigInt(fen);
  const negative = f < 0n;
  const abs = negative ? -f : f;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

const toFen = (x: Exact): number => Number(x.round(0).num);
const exact = (n: number): Exact => Exact.parse(n) ?? Exact.zero;

/** Monthly behaviour awards: one line per award of the plan, reached or not (amount 0). */
export function monthlyAwards(plan: IncentivePlan, f: ScorecardFigures): AwardLine[] {
  return plan.monthly.awards.map((a) => {
    const value = f[a.metric];
    const reached = value >= a.atLeast;
    return {
      kind: 'monthly_behaviour',
      metric: a.metric,
      basis: `${metricLabel[a.metric]} ${value} ${reached ? '≥' : '<'} ${a.atLeast}: ${formatYuan(reached ? a.amountFen : 0)}${reached ? '' : ` (award ${formatYuan(a.amountFen)})`}`,
      amountFen: reached ? a.amountFen : 0,
    };
  });
}

/** Quarterly bonus: the behaviour share and the opportunity share of the target bonus. */
export function quarterlyBonus(plan: IncentivePlan, f: ScorecardFigures): AwardLine[] {
  const q = plan.quarterly;
  const target = Exact.integer(q.targetBonusFen);
  const behaviourPot = target.times(Exact.fraction(BigInt(q.behaviourWeightPct), 100n));
  const opportunityPot = target.times(Exact.fraction(BigInt(100 - q.behaviourWeightPct), 100n));
  const callsRatio = Exact.fraction(BigInt(Math.min(f.calls, q.callsTarget)), BigInt(q.callsTarget));
  const sqlRatio = exact(f.creditedSqls).dividedBy(Exact.integer(q.creditedSqlTarget));
  const behaviourFen = toFen(behaviourPot.times(callsRatio));
  const opportunityFen = toFen(opportunityPot.times(sqlRatio));
  const capped = f.calls > q.callsTarget ? ' (capped at 100%)' : '';
  return [
    {
      kind: 'quarterly_behaviour',
      metric: 'calls',
      basis: `calls ${f.calls} / target ${q.callsTarget}${capped} × ${q.behaviourWeightPct}% of ${formatYuan(q.targetBonusFen)}: ${formatYuan(behaviourFen)}`,
      amountFen: behaviourFen,
    },
    {
      kind: 'quarterly_opportunity',
      metric: 'creditedSqls',
      basis: `credited SQLs ${f.creditedSqls} / target ${q.creditedSqlTarget} × ${100 - q.behaviourWeightPct}% of ${formatYuan(q.targetBonusFen)}: ${formatYuan(opportunityFen)}`,
      amountFen: opportunityFen,
    },
  ];
}
