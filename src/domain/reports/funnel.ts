/**
 * The funnel of SPEC §8.1: lead → valid lead → MQL → SQL → opportunity → won. A lead counts at
 * every stage it ever reached, whatever its status now (a rejected MQL is still an MQL):
 *
 * - lead: captured (history leads, issue 9, are counted apart and never here);
 * - valid lead: meets the valid-lead definition in force when it was captured (version 1: not
 *   disqualified), or went on to be an MQL — a stage above implies it was valid when it got there;
 * - MQL: handed to sales at least once (transferred, direct to sales, or synced), whatever the
 *   rep decided; the MQL definition was the gate at that moment;
 * - SQL: a rep accepted one of its hand-offs (a later return does not undo the acceptance);
 * - opportunity: an opportunity was registered (a withdrawn one included);
 * - won: an opportunity was won; `wonAmount` adds the won opportunities' amounts.
 *
 * Cohorts: `capture` (default) takes the leads captured in the period and follows each to every
 * stage it reached, whenever; `event` counts each stage when it happened: the leads captured, the
 * first hand-offs, first acceptances, first opportunities and wins that fell in the period.
 */

export const funnelDimensions = ['channel', 'campaign', 'sdr', 'rep', 'region', 'industry', 'size'] as const;
export type FunnelDimension = (typeof funnelDimensions)[number];

export const funnelCohorts = ['capture', 'event'] as const;
export type FunnelCohort = (typeof funnelCohorts)[number];

export const funnelStages = ['lead', 'validLead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface StageCounts {
  leads: number;
  validLeads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
}

export interface StageConversion {
  leadToValidLead: number | null;
  validLeadToMql: number | null;
  mqlToSql: number | null;
  sqlToOpportunity: number | null;
  opportunityToWon: number | null;
  /** End to end: won ÷ leads. */
  leadToWon: number | null;
}

/** A ratio to 4 decimal places; null when nothing entered the stage (not 0: no evidence). */
export function ratio(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Stage-to-stage conversion (§8.1). In the event cohort a ratio may exceed 1 (different leads). */
export function stageConversion(c: StageCounts): StageConversion {
  return {
    leadToValidLead: ratio(c.validLeads, c.leads),
    validLeadToMql: ratio(c.mqls, c.validLeads),
    mqlToSql: ratio(c.sqls, c.mqls),
    sqlToOpportunity: ratio(c.opportunities, c.sqls),
    opportunityToWon: ratio(c.won, c.opportunities),
    leadToWon: ratio(c.won, c.leads),
  };
}

/** Hours to 2 decimal places (a median of durations); null when no lead made the step. */
export const roundHours = (hours: number | null): number | null =>
  hours === null || !Number.isFinite(hours) ? null : Math.round(hours * 100) / 100;

/**
 * Where leads drop out (§8.1) and the reason kinds that say why: a disqualified lead (its
 * cleaning reason), a rejected hand-off (the reject reason), a returned SQL (the return reason),
 * a lost opportunity (the rep's words). Each is counted once per event: a lead rejected twice
 * shows two rejections.
 */
export const leakageKinds = ['disqualify', 'reject', 'return', 'lose'] as const;
export type LeakageKind = (typeof leakageKinds)[number];

/** The stage a lead leaves by each kind of leakage. */
export const leakageStage: Record<LeakageKind, FunnelStage> = {
  disqualify: 'lead',
  reject: 'mql',
  return: 'sql',
  lose: 'opportunity',
};

export interface LeakageCount {
  kind: LeakageKind;
  reason: string | null;
  count: number;
}

export interface Leakage extends LeakageCount {
  stage: FunnelStage;
  labelZh: string | null;
  labelEn: string | null;
}

/**
 * Leakage entries with their stage and reason labels, biggest first within each kind (kinds in
 * funnel order). Labels come from the reason lists; a reason no longer in the list (or the free
 * text of a lost opportunity) keeps its code and no label.
 */
export function describeLeakage(
  counts: readonly LeakageCount[],
  labels: (kind: LeakageKind, code: string) => { zh: string; en: string } | undefined,
): Leakage[] {
  const order = (k: LeakageKind) => leakageKinds.indexOf(k);
  return [...counts]
    .sort(
      (a, b) =>
        order(a.kind) - order(b.kind) || b.count - a.count || String(a.reason ?? '').localeCompare(b.reason ?? ''),
    )
    .map((c) => {
      const label = c.reason === null ? undefined : labels(c.kind, c.reason);
      return {
        stage: leakageStage[c.kind],
        kind: c.kind,
        reason: c.reason,
        labelZh: label?.zh ?? null,
        labelEn: label?.en ?? null,
        count: c.count,
      };
    });
}

/** Adds the leakage of several rows (the totals row). */
export function sumLeakage(rows: readonly (readonly LeakageCount[])[]): LeakageCount[] {
  const sums = new Map<string, LeakageCount>();
  for (const row of rows) {
    for (const c of row) {
      const key = `${c.kind}\u0000${c.reason ?? ''}\u0000${c.reason === null ? 'null' : ''}`;
      const seen = sums.get(key);
      if (seen) seen.count += c.count;
      else sums.set(key, { ...c });
    }
  }
  return [...sums.values()];
}

/** Customer size (§8.1) by employee band: large from the rule's threshold up; unknown without a count. */
export const sizeKeys = ['large', 'small', 'unknown'] as const;
