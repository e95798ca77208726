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
 * - Annual revenue share (seed 004 3) 长期激励: "拿出相对较小比例的最终交易结果,在年底给予额外奖励")
 *   and the partner commission split (seed 004 scenario 3): annual-share.ts.
 *
 * Amounts are in the minor unit (分, cent) of the plan's `currency` (ISO 4217, CNY by default);
 * the fields keep the name `…Fen`.
 *
 * The seed gives the structure and the reasons but no figures: the default amounts are LeadLoop's.
 */
import type { FieldError } from '../errors.js';
import { Exact } from '../planning/exact.js';

export const behaviourMetrics = ['calls', 'talkTimeSec', 'leadsContacted'] as const;
export type BehaviourMetric = (typeof behaviourMetrics)[number];

export interface MonthlyAward {
  metric: BehaviourMetric;
  atLeast: number;
  amountFen: number;
}

export interface PartnerSplit {
  partner: number;
  sdr: number;
}

export interface IncentivePlan {
  /** ISO 4217: every amount of the plan and of the report is in it (CNY by default). */
  currency: string;
  monthly: { awards: MonthlyAward[] };
  quarterly: {
    targetBonusFen: number;
    behaviourWeightPct: number;
    callsTarget: number;
    creditedSqlTarget: number;
  };
  annual: {
    /** Share (0–1) of the won revenue credited to the SDR paid at the end of the year. */
    shareRate: number;
    /** How the commission of a partner-introduced deal on the SDR's lead is split (parts sum to 1). */
    partnerSplit: PartnerSplit;
  };
}

export const MAX_AMOUNT_FEN = 100_000_000_00; // ¥100,000,000
export const MAX_AWARDS = 20;

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function defaultIncentivePlan(): IncentivePlan {
  return {
    currency: 'CNY',
    monthly: {
      awards: [
        { metric: 'calls', atLeast: 400, amountFen: 300_00 },
        { metric: 'talkTimeSec', atLeast: 20 * 3600, amountFen: 300_00 },
      ],
    },
    quarterly: { targetBonusFen: 6000_00, behaviourWeightPct: 30, callsTarget: 1200, creditedSqlTarget: 15 },
    annual: { shareRate: 0.01, partnerSplit: { partner: 0.7, sdr: 0.3 } },
  };
}

/** Rule checks beyond types and ranges (the HTTP schema's): field errors, relative to `plan`. */
export function checkIncentivePlan(plan: IncentivePlan): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  plan.monthly.awards.forEach((a, i) => {
    const key = `${a.metric}:${a.atLeast}`;
    if (seen.has(key)) {
      errors.push({
        field: `plan.monthly.awards[${i}]`,
        message: `a second ${a.metric} award at ${a.atLeast}`,
        messageZh: `第二个 ${a.metric} 奖项，门槛同为 ${a.atLeast}`,
      });
    }
    seen.add(key);
  });
  if (!CURRENCY_PATTERN.test(plan.currency)) {
    errors.push({
      field: 'plan.currency',
      message: 'must be an ISO 4217 code in capitals, such as CNY',
      messageZh: '须为大写的 ISO 4217 货币代码，如 CNY',
    });
  }
  const rate = Exact.parse(plan.annual.shareRate);
  if (!rate || rate.sign() < 0 || rate.compare(Exact.one) > 0) {
    errors.push({
      field: 'plan.annual.shareRate',
      message: 'must be from 0 to 1 (0.01 = 1% of the won revenue)',
      messageZh: '须在 0 到 1 之间（0.01 即赢单收入的 1%）',
    });
  }
  const { partner, sdr } = plan.annual.partnerSplit;
  const [p, d] = [Exact.parse(partner), Exact.parse(sdr)];
  if (!p || !d || p.sign() < 0 || d.sign() < 0 || p.plus(d).compare(Exact.one) !== 0) {
    errors.push({
      field: 'plan.annual.partnerSplit',
      message: `partner ${partner} + sdr ${sdr}: two parts from 0 to 1 that add up to exactly 1 (e.g. 0.7 and 0.3)`,
      messageZh: `partner ${partner} + sdr ${sdr}：两部分须在 0 到 1 之间且相加恰为 1（如 0.7 与 0.3）`,
    });
  }
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
  kind: 'monthly_behaviour' | 'quarterly_behaviour' | 'quarterly_opportunity' | 'annual_revenue_share';
  metric: BehaviourMetric | 'creditedSqls' | 'wonRevenue';
  basis: string;
  amountFen: number;
}

const metricLabel: Record<BehaviourMetric, string> = {
  calls: 'calls',
  talkTimeSec: 'talk time (s)',
  leadsContacted: 'leads contacted',
};

/** "¥1,234.56" from fen; another currency by its code: "USD 1,234.56" from cents. */
export function formatMoney(minor: number | bigint, currency = 'CNY'): string {
  const f = BigInt(minor);
  const negative = f < 0n;
  const abs = negative ? -f : f;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${negative ? '-' : ''}${symbol}${whole}.${cents}`;
}

/** Rounded once to the fen (cent), halves away from zero, as domain/economics/money.ts does. */
export const toFen = (x: Exact): number => Number(x.round(0).num);
const exact = (n: number): Exact => Exact.parse(n) ?? Exact.zero;

/** Monthly behaviour awards: one line per award of the plan, reached or not (amount 0). */
export function monthlyAwards(plan: IncentivePlan, f: ScorecardFigures): AwardLine[] {
  const money = (minor: number) => formatMoney(minor, plan.currency);
  return plan.monthly.awards.map((a) => {
    const value = f[a.metric];
    const reached = value >= a.atLeast;
    return {
      kind: 'monthly_behaviour',
      metric: a.metric,
      basis: `${metricLabel[a.metric]} ${value} ${reached ? '≥' : '<'} ${a.atLeast}: ${money(reached ? a.amountFen : 0)}${reached ? '' : ` (award ${money(a.amountFen)})`}`,
      amountFen: reached ? a.amountFen : 0,
    };
  });
}

/** Quarterly bonus: the behaviour share and the opportunity share of the target bonus. */
export function quarterlyBonus(plan: IncentivePlan, f: ScorecardFigures): AwardLine[] {
  const q = plan.quarterly;
  const money = (minor: number) => formatMoney(minor, plan.currency);
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
      basis: `calls ${f.calls} / target ${q.callsTarget}${capped} × ${q.behaviourWeightPct}% of ${money(q.targetBonusFen)}: ${money(behaviourFen)}`,
      amountFen: behaviourFen,
    },
    {
      kind: 'quarterly_opportunity',
      metric: 'creditedSqls',
      basis: `credited SQLs ${f.creditedSqls} / target ${q.creditedSqlTarget} × ${100 - q.behaviourWeightPct}% of ${money(q.targetBonusFen)}: ${money(opportunityFen)}`,
      amountFen: opportunityFen,
    },
  ];
}
