/**
 * The SDR work queue's order (SPEC §10, §6.1, §7): MRL first, then SLA-due, then re-surfaced,
 * then score. Pure: candidates with their facts in, the order with a reason for each out; the
 * store only fetches candidates (store/repositories/queue.ts reads tiers in this same order).
 *
 * 1. MRL — returned by sales after follow-up (§6.1: educated by sales, the SDR's top priority),
 *    the one returned longest ago first. Reason: the return reason and note.
 * 2. SLA-due — an open first-touch or recall deadline (§6.2) falling within `dueWithinMs`
 *    (48 h by default: from the recall warning, 2 days before a recall, the lead stays here until
 *    it is touched), soonest first. A timer started before the lead's last touch is stale: the
 *    touch made the first contact or restarted the recall clock (the SLA engine re-arms it).
 * 3. Re-surfaced — back from the pool on a trigger (§7) and not touched since, latest first
 *    (a fresh demo request is the hottest).
 * 4. The rest by score, best first; older first on ties. With `by: 'predicted'`, by the model's
 *    probability first (leads without one after those with one), then score.
 * Within every tier, ties fall back to score, then age, then id, so the order is total: each entry
 * carries its `position` in it, which GET /queue's keyset cursor is made of (compareQueuePositions).
 */

export const MRL_FLAG = 'MRL';
export const slaTimerKinds = ['lead.first_touch_due', 'lead.recall_due', 'lead.recall_warning'] as const;
export type SlaTimerKind = (typeof slaTimerKinds)[number];
export const DEFAULT_DUE_WITHIN_MS = 48 * 3_600_000;

export const queuePriorities = ['mrl', 'sla_due', 'resurfaced', 'score'] as const;
export type QueuePriority = (typeof queuePriorities)[number];

export interface QueueCandidate {
  leadId: string;
  score: number;
  grade: string | null;
  createdAt: Date;
  flags: readonly string[];
  lastTouchAt: Date | null;
  /** The latest return of the lead by sales, when there was one. */
  returned: {
    reason: string | null;
    labelZh: string | null;
    labelEn: string | null;
    note: string | null;
    at: Date;
  } | null;
  /** Its open SLA timers. */
  timers: readonly { kind: string; dueAt: Date; createdAt: Date }[];
  resurfaced: { trigger: string | null; at: Date } | null;
  /** The active predictive model's probability, when one is active (SPEC §4.3). */
  predicted?: number | null;
  /**
   * With `by: 'predicted'`: a lead past the window of leads ordered by probability (GET /queue
   * reorders only the best-scored ones): its probability is shown, but it sits by its score.
   */
  beyondWindow?: boolean;
}

export interface QueueReason {
  code: 'mrl' | 'first_touch_due' | 'recall_due' | 'recall_warning' | 'resurfaced' | 'score' | 'predicted';
  /** Chinese / English, as the workbench shows it. */
  text: string;
  at: Date | null;
}

export interface QueueEntry {
  leadId: string;
  priority: QueuePriority;
  /** The reason it sits where it does: the text of reasons[0]. */
  reason: string;
  /** Every reason that applies, the deciding one first. */
  reasons: QueueReason[];
  /** The soonest open SLA deadline, however far; null when none. */
  dueAt: Date | null;
  /** Where it sits in the order: what compareQueuePositions sorts by. */
  position: QueuePosition;
}

/**
 * An entry's sort key, total over the queue: the tier; the tier's own key (`at`: MRL the return,
 * null last; SLA-due the soonest deadline; re-surfaced the re-surfacing, latest first; score none);
 * in the score tier when ordering by prediction, the probability (null after every number); then
 * score (best first), age (older first) and id.
 */
export interface QueuePosition {
  priority: QueuePriority;
  at: Date | null;
  /** Only in the score tier with `by: 'predicted'`; null otherwise. */
  predicted: number | null;
  score: number;
  createdAt: Date;
  leadId: string;
}

const tierOf = (p: QueuePriority) => queuePriorities.indexOf(p);

/** Negative when `a` comes before `b` in the queue, positive after, 0 for the same lead. */
export function compareQueuePositions(a: QueuePosition, b: QueuePosition): number {
  const tier = tierOf(a.priority) - tierOf(b.priority);
  if (tier !== 0) return tier;
  const ms = (d: Date | null) => (d === null ? Number.MAX_SAFE_INTEGER : d.getTime());
  const key = a.priority === 'resurfaced' ? ms(b.at) - ms(a.at) : a.priority === 'score' ? 0 : ms(a.at) - ms(b.at);
  const predicted = (p: number | null) => (p === null ? -1 : p);
  return (
    key ||
    predicted(b.predicted) - predicted(a.predicted) ||
    b.score - a.score ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0)
  );
}

export interface RankOptions {
  now: Date;
  dueWithinMs?: number;
  /** IANA zone the reason texts show times in. */
  timeZone?: string;
  /**
   * What orders the leads after the obligations (MRL, SLA-due, re-surfaced): the rule score, or
   * the predictive model's probability (leads without one after those with one). The obligations
   * keep their own order either way.
   */
  by?: 'score' | 'predicted';
}

const timerCode: Record<SlaTimerKind, QueueReason['code']> = {
  'lead.first_touch_due': 'first_touch_due',
  'lead.recall_due': 'recall_due',
  'lead.recall_warning': 'recall_warning',
};
const timerWords: Record<SlaTimerKind, [string, string]> = {
  'lead.first_touch_due': ['首次触达截止', 'first touch due'],
  'lead.recall_due': ['回收截止', 'recall due'],
  'lead.recall_warning': ['回收预警', 'recall warning'],
};

const isSlaKind = (kind: string): kind is SlaTimerKind => (slaTimerKinds as readonly string[]).includes(kind);

/**
 * Open timers that still describe the lead: of an SLA kind, and not overtaken by a touch. A
 * first-touch deadline is met by any touch at or after it started; a recall clock counts the
 * touch it started from (ownership given as a call ends), so only a later touch restarts it.
 */
export function isLiveTimer(
  t: { kind: string; createdAt: Date },
  lastTouchAt: Date | null,
): t is {
  kind: SlaTimerKind;
  createdAt: Date;
} {
  if (!isSlaKind(t.kind)) return false;
  if (lastTouchAt === null) return true;
  return t.kind === 'lead.first_touch_due'
    ? lastTouchAt.getTime() < t.createdAt.getTime()
    : lastTouchAt.getTime() <= t.createdAt.getTime();
}

export function liveTimers(c: Pick<QueueCandidate, 'timers' | 'lastTouchAt'>) {
  return c.timers
    .filter((t) => isLiveTimer(t, c.lastTouchAt))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()) as { kind: SlaTimerKind; dueAt: Date; createdAt: Date }[];
}

/** Re-surfaced and not touched since. */
export function isResurfaced(c: Pick<QueueCandidate, 'resurfaced' | 'lastTouchAt'>): boolean {
  return c.resurfaced !== null && (c.lastTouchAt === null || c.lastTouchAt.getTime() < c.resurfaced.at.getTime());
}

export function rankQueue(candidates: readonly QueueCandidate[], options: RankOptions): QueueEntry[] {
  const dueWithin = options.dueWithinMs ?? DEFAULT_DUE_WITHIN_MS;
  const horizon = options.now.getTime() + dueWithin;
  const when = timeFormatter(options.now, options.timeZone ?? 'Asia/Shanghai');
  const byPredicted = options.by === 'predicted';
  const ranked = candidates.map((c) => {
    const timers = liveTimers(c);
    const due = timers.filter((t) => t.dueAt.getTime() <= horizon);
    const mrl = c.flags.includes(MRL_FLAG);
    const resurfaced = isResurfaced(c);
    const reasons: QueueReason[] = [];
    if (mrl) reasons.push({ code: 'mrl', text: mrlText(c.returned), at: c.returned?.at ?? null });
    for (const t of due) {
      const [zh, en] = timerWords[t.kind];
      const at = when(t.dueAt);
      reasons.push({ code: timerCode[t.kind], text: `${zh} ${at} / ${en} ${at}`, at: t.dueAt });
    }
    if (resurfaced && c.resurfaced) {
      const trigger = c.resurfaced.trigger;
      reasons.push({
        code: 'resurfaced',
        text: trigger ? `重新浮现：${trigger} / re-surfaced: ${trigger}` : '重新浮现 / re-surfaced',
        at: c.resurfaced.at,
      });
    }
    const grade = c.grade ? ` (${c.grade})` : '';
    const scoreReason: QueueReason = {
      code: 'score',
      text: `评分 ${c.score}${grade} / score ${c.score}${grade}`,
      at: null,
    };
    const predicted = typeof c.predicted === 'number' ? Math.round(c.predicted * 100) : null;
    const predictedReason: QueueReason | null =
      predicted === null
        ? null
        : { code: 'predicted', text: `预测转化 ${predicted}% / predicted ${predicted}%`, at: null };
    const rankedByPrediction = byPredicted && !c.beyondWindow;
    if (rankedByPrediction && predictedReason) reasons.push(predictedReason, scoreReason);
    else reasons.push(scoreReason, ...(predictedReason ? [predictedReason] : []));
    const priority: QueuePriority = mrl ? 'mrl' : due.length > 0 ? 'sla_due' : resurfaced ? 'resurfaced' : 'score';
    const at =
      priority === 'mrl'
        ? (c.returned?.at ?? null)
        : priority === 'sla_due'
          ? due[0].dueAt
          : priority === 'resurfaced'
            ? (c.resurfaced as { at: Date }).at
            : null;
    const position: QueuePosition = {
      priority,
      at,
      predicted: rankedByPrediction && priority === 'score' && typeof c.predicted === 'number' ? c.predicted : null,
      score: c.score,
      createdAt: c.createdAt,
      leadId: c.leadId,
    };
    return {
      leadId: c.leadId,
      priority,
      reason: reasons[0].text,
      reasons,
      dueAt: timers[0]?.dueAt ?? null,
      position,
    };
  });

  return ranked.sort((a, b) => compareQueuePositions(a.position, b.position));
}

function mrlText(returned: QueueCandidate['returned']): string {
  if (!returned) return 'MRL：销售退回 / MRL: returned by sales';
  const zh = returned.labelZh ?? returned.reason;
  const en = returned.labelEn ?? returned.reason;
  const note = returned.note ? ` — ${returned.note}` : '';
  return `MRL：销售退回（${zh ?? '未注明'}）${note} / MRL: returned by sales (${en ?? 'no reason given'})${note}`;
}

/** "10:30" on the same local day as now, "03-12 10:30" otherwise. */
function timeFormatter(now: Date, timeZone: string): (at: Date) => string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const local = (at: Date) => {
    const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
    return { day: `${p.year}-${p.month}-${p.day}`, monthDay: `${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  };
  const today = local(now).day;
  return (at) => {
    const l = local(at);
    return l.day === today ? l.time : `${l.monthDay} ${l.time}`;
  };
}
