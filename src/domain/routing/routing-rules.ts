/**
 * Routing rules as data (SPEC §5.1): an ordered list of (condition → path); the first rule
 * whose condition surely holds decides where a lead goes — straight to sales, the SDR queue,
 * disqualified, or the nurture pool (公海池). Conditions are small, in the style of the ICP
 * rules (cleaning/icp-rules.ts): {field, op, value} over the facts below, combined with
 * {all}, {any} and {not}, three-valued so an unknown value (no score yet) never matches.
 *
 * Defaults from practice (seeds 002, 003: inquiry and referral leads are the most valid and go
 * straight to sales; junk goes nowhere; weak leads are nurtured, the rest triaged by SDRs):
 *   0. status disqualified (junk, outside ICP) → disqualified — first, so a junk "referral"
 *      never reaches a rep;
 *   1. the channel's default path is direct_to_sales (inbound_inquiry, referral) → direct;
 *   2. the channel's default path is pool → pool;
 *   3. score below the nurture threshold (0) → pool. A fresh inbound lead usually arrives with
 *      no title or company size yet (score 0) and deserves its first call (speed-to-lead), so
 *      by default only leads whose profile counts against them — an intern or student title
 *      (−5 under the default scoring rules) — start in the pool; a team that wants weak leads
 *      nurtured raises it (10 = "a manager's title, or a little fit plus one real behaviour");
 *   4. everything else → sdr_queue (a rule without a condition matches every lead).
 */

export const routingPaths = ['direct_to_sales', 'sdr_queue', 'disqualified', 'pool'] as const;
export type RoutingPath = (typeof routingPaths)[number];

export const routingPathLabel: Readonly<Record<RoutingPath, string>> = {
  direct_to_sales: '直接给销售 (direct_to_sales)',
  sdr_queue: 'SDR 队列 (sdr_queue)',
  disqualified: '无效 (disqualified)',
  pool: '公海池 (pool)',
};

/** What a routing rule can look at. */
export interface RouteFacts {
  /** The channel id (inbound_inquiry, sem…). */
  channel: string | null;
  /** The channel's configured default path. */
  channelPath: string | null;
  status: string | null;
  score: number | null;
  grade: string | null;
  /** Cleaning and ICP flags, e.g. "JUNK:fake_phone", "ICP:employees<20", "MRL". */
  flags: readonly string[];
  /** Custom attributes (`fields.<key>`). */
  fields: Readonly<Record<string, unknown>>;
}

export const routeTextFields = ['channel', 'channelPath', 'status', 'grade'] as const;
export const routeNumberFields = ['score'] as const;
export const routeListFields = ['flags'] as const;
export const routeFields: readonly string[] = [...routeTextFields, ...routeNumberFields, ...routeListFields];

export const routeOps = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'prefix'] as const;
export type RouteOp = (typeof routeOps)[number];

export type RouteCondition =
  | { field: string; op: RouteOp; value: string | number | (string | number)[] }
  | { all: RouteCondition[] }
  | { any: RouteCondition[] }
  | { not: RouteCondition };

export interface RoutingRule {
  /** Stable slug; the routing reason names it. */
  id: string;
  description: string;
  /** Null: matches every lead (a catch-all, normally last). */
  condition: RouteCondition | null;
  path: RoutingPath;
}

/** Below this score a lead is nurtured in the pool rather than triaged (default rule 3). */
export const DEFAULT_NURTURE_THRESHOLD = 0;

export function defaultRoutingRules(nurtureThreshold = DEFAULT_NURTURE_THRESHOLD): RoutingRule[] {
  return [
    {
      id: 'disqualified',
      description: '已判定无效 (垃圾/不符合 ICP) / disqualified by cleaning',
      condition: { field: 'status', op: 'eq', value: 'disqualified' },
      path: 'disqualified',
    },
    {
      id: 'direct-channels',
      description: '主动咨询与转介绍等渠道直接给销售 / channels whose default path is direct to sales',
      condition: { field: 'channelPath', op: 'eq', value: 'direct_to_sales' },
      path: 'direct_to_sales',
    },
    {
      id: 'pool-channels',
      description: '渠道默认进公海池 / channels whose default path is the pool',
      condition: { field: 'channelPath', op: 'eq', value: 'pool' },
      path: 'pool',
    },
    {
      id: 'below-nurture-threshold',
      description: `分数低于培育阈值 ${nurtureThreshold} / score below the nurture threshold`,
      condition: { field: 'score', op: 'lt', value: nurtureThreshold },
      path: 'pool',
    },
    {
      id: 'sdr-queue',
      description: '其余进入 SDR 队列 / everything else to the SDR queue',
      condition: null,
      path: 'sdr_queue',
    },
  ];
}
