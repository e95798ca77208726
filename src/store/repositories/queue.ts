/**
 * Candidates of an SDR's work queue (SPEC §10): the SDR's own `new`/`working` leads and, unless
 * asked for their own only, the shared queue of unowned `new` leads. The order is decided by
 * domain/queue/rank-queue.ts; this file reads the ids of one tier at a time in that same order,
 * from a keyset position on, so a page of a queue of 100,000 unowned leads costs a few index
 * reads, not a sort of all, however deep the page (GET /queue's cursor).
 *
 * Each tier's query holds exactly that tier's leads: the conditions of the tiers above are
 * excluded in SQL (a returned lead with a deadline is MRL, not SLA-due), so a tier can be read
 * from the middle without reading the tiers above it. The conditions mirror the domain's:
 * MRL flag; a live SLA timer (isLiveTimer) due by `dueBefore`; re-surfaced and untouched since.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import type { LeadRow } from './leads.js';

export interface QueueQuery {
  sdrId: string;
  includeUnowned: boolean;
  /** SLA timers of these kinds due at or before `dueBefore` make a lead SLA-due. */
  slaKinds: readonly string[];
  dueBefore: Date;
}

/** A position in a tier's order (the domain's QueuePosition less the tier and the prediction). */
export interface TierKey {
  /** MRL: the last return (null last); SLA-due: the soonest deadline; re-surfaced: when; score: unused. */
  at: Date | null;
  score: number;
  createdAt: Date;
  id: string;
}

export interface TierRead {
  /** Only leads strictly after this position. */
  after?: TierKey;
  /** Score tier only: leads at or before this position (`upTo`) or strictly after it (`past`). */
  upTo?: TierKey;
  past?: TierKey;
  /** At most this many ids; all of them when left out. */
  limit?: number;
}

export interface QueueFacts {
  leads: LeadRow[];
  /** The latest return by sales of each lead, with the return reason's labels. */
  returns: Map<
    string,
    { reason: string | null; labelZh: string | null; labelEn: string | null; note: string | null; at: Date }
  >;
  /** Open SLA timers of each lead. */
  timers: Map<string, { kind: string; dueAt: Date; createdAt: Date }[]>;
}

type LeadsEb = ExpressionBuilder<Database, 'leads'>;

/** The SDR's own new and working leads, or the shared queue's unowned new ones (each has an index in score order). */
type QueuePart = 'own' | 'shared';

function inQueuePart(q: QueueQuery, part: QueuePart) {
  return (eb: LeadsEb): Expression<SqlBool> =>
    part === 'own'
      ? eb.and([eb('leads.owner_id', '=', q.sdrId), eb('leads.status', 'in', ['new', 'working'])])
      : eb.and([eb('leads.owner_id', 'is', null), eb('leads.status', '=', 'new')]);
}

function inQueue(q: QueueQuery) {
  return (eb: LeadsEb): Expression<SqlBool> => {
    const own = inQueuePart(q, 'own')(eb);
    return eb.and([
      eb('leads.history', '=', false),
      q.includeUnowned ? eb.or([own, inQueuePart(q, 'shared')(eb)]) : own,
    ]);
  };
}

/** The parts of the queue asked for. */
const queueParts = (q: QueueQuery): QueuePart[] => (q.includeUnowned ? ['own', 'shared'] : ['own']);

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));

const isMrl = sql<SqlBool>`('MRL' = ANY(leads.flags))`;

/** A live SLA timer of the lead (alias `t`), due by `dueBefore`: rank-queue.ts isLiveTimer. */
function liveDue(q: QueueQuery, t: string) {
  const a = sql.ref(t);
  return sql<SqlBool>`(${a}.fired_at IS NULL AND ${a}.cancelled_at IS NULL AND ${a}.due_at <= ${q.dueBefore}
    AND ${a}.kind = ANY(${[...q.slaKinds]}::text[])
    AND (leads.last_touch_at IS NULL
      OR (${a}.kind = 'lead.first_touch_due' AND ${a}.created_at > leads.last_touch_at)
      OR (${a}.kind <> 'lead.first_touch_due' AND ${a}.created_at >= leads.last_touch_at)))`;
}

function isSlaDue(q: QueueQuery) {
  if (q.slaKinds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM timers d WHERE d.subject_id = leads.id AND ${liveDue(q, 'd')})`;
}

const isResurfaced = sql<SqlBool>`(leads.resurfaced_at IS NOT NULL
  AND (leads.last_touch_at IS NULL OR leads.last_touch_at < leads.resurfaced_at))`;

/**
 * Strictly after `k` in (key, score DESC, created_at, id), the key ascending (`asc`) or
 * descending; `key` is left out in the score tier. The leading bound lets an index in that
 * order start at the position instead of filtering up to it.
 */
function afterKey(key: Expression<unknown> | null, k: TierKey, asc = true, nullable = false) {
  const rest = sql<SqlBool>`(leads.score < ${k.score} OR (leads.score = ${k.score} AND (leads.created_at > ${k.createdAt}
    OR (leads.created_at = ${k.createdAt} AND leads.id > ${k.id}))))`;
  if (key === null) return sql<SqlBool>`(leads.score <= ${k.score} AND ${rest})`;
  if (k.at === null) return sql<SqlBool>`(${key} IS NULL AND ${rest})`;
  const beyond = asc ? sql`${key} > ${k.at}` : sql`${key} < ${k.at}`;
  // Nullable keys (MRL: a lead without a recorded return) put nulls last.
  if (nullable) return sql<SqlBool>`(${beyond} OR ${key} IS NULL OR (${key} = ${k.at} AND ${rest}))`;
  const bound = asc ? sql`${key} >= ${k.at}` : sql`${key} <= ${k.at}`;
  return sql<SqlBool>`(${bound} AND (${beyond} OR (${key} = ${k.at} AND ${rest})))`;
}

/** MRL: returned by sales, the one returned longest ago first (never returned: last). */
export async function mrlIds(db: Queryable, q: QueueQuery, r: TierRead = {}): Promise<string[]> {
  const lastReturn = sql<Date | null>`(SELECT max(h.decided_at) FROM handoffs h
      WHERE h.lead_id = leads.id AND h.status = 'returned')`;
  let query = db
    .selectFrom('leads')
    .select('leads.id')
    .where(inQueue(q))
    .where(isMrl)
    .orderBy(sql`${lastReturn} ASC NULLS LAST`)
    .orderBy('leads.score', 'desc')
    .orderBy('leads.created_at')
    .orderBy('leads.id');
  if (r.after) query = query.where(afterKey(lastReturn, r.after, true, true));
  if (r.limit !== undefined) query = query.limit(r.limit);
  return (await query.execute()).map((x) => x.id);
}

/** A lead's soonest live SLA timer is `timers`: no other live one is due before it. */
const soonestLive = (q: QueueQuery) =>
  sql<SqlBool>`NOT EXISTS (SELECT 1 FROM timers d WHERE d.subject_id = leads.id
    AND d.due_at < timers.due_at AND ${liveDue(q, 'd')})`;

/** The SLA-due tier's leads (alias `leads`; all, or one part) joined to their soonest live timer (alias `timers`). */
function slaDueRows(db: Queryable, q: QueueQuery, r: TierRead, part?: QueuePart) {
  let query = db
    .selectFrom('timers')
    .innerJoin('leads', 'leads.id', 'timers.subject_id')
    .select(['leads.id', 'leads.score', 'leads.created_at', 'timers.due_at'])
    .where(part ? (eb) => eb.and([eb('leads.history', '=', false), inQueuePart(q, part)(eb)]) : inQueue(q))
    .where(sql<SqlBool>`NOT ${isMrl}`)
    .where(liveDue(q, 'timers'))
    .where(soonestLive(q));
  if (r.after) query = query.where(afterKey(sql.ref('timers.due_at'), r.after));
  return query;
}

type DueRow = { id: string; score: number; created_at: Date | string; due_at: Date | string };

/** The tier's order: soonest deadline, then best score, older first, then id. */
const byDueOrder = (a: DueRow, b: DueRow) =>
  date(a.due_at).getTime() - date(b.due_at).getTime() ||
  b.score - a.score ||
  date(a.created_at).getTime() - date(b.created_at).getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * SLA-due: not MRL, a live timer due by `dueBefore`, soonest first (each lead by its soonest live
 * timer). An import gives thousands of leads the same deadline, so ordering the whole tier by
 * (deadline, score …) would read all of them for one page. Instead: the first rows in deadline
 * order alone (the timers index, no sort), which settles every lead due before the last of them,
 * D; then, when the page needs more, the leads due exactly at D in score order (the shared
 * queue's score index, or the deadline index when few are due then: the planner knows which).
 */
export async function slaDueIds(db: Queryable, q: QueueQuery, r: TierRead = {}): Promise<string[]> {
  if (q.slaKinds.length === 0) return [];
  const need = r.limit ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(need)) return (await slaDueRows(db, q, r).execute()).sort(byDueOrder).map((x) => x.id);

  // need + 1 rows: a lead with two timers due at the same instant gives two.
  const first = await slaDueRows(db, q, r)
    .orderBy('timers.due_at')
    .limit(need + 1)
    .execute();
  const unique = [...new Map(first.map((x) => [x.id, x])).values()];
  if (first.length <= need) return unique.sort(byDueOrder).map((x) => x.id);
  const last = date((first[first.length - 1] as DueRow).due_at);
  const before = unique.filter((x) => date(x.due_at) < last).sort(byDueOrder);
  if (before.length >= need) return before.slice(0, need).map((x) => x.id);

  const tiedOf = (part: QueuePart) =>
    slaDueRows(db, q, r, part)
      .where('timers.due_at', '=', last)
      .orderBy('leads.score', 'desc')
      .orderBy('leads.created_at')
      .orderBy('leads.id')
      .limit(need - before.length + 1)
      .execute();
  const tied: DueRow[] = [];
  for (const part of queueParts(q)) tied.push(...(await tiedOf(part)));
  const ids = [...new Set([...before, ...tied.sort(byDueOrder)].map((x) => x.id))];
  return ids.slice(0, need);
}

/** Re-surfaced from the pool, not touched since, neither MRL nor SLA-due: latest first. */
export async function resurfacedIds(db: Queryable, q: QueueQuery, r: TierRead = {}): Promise<string[]> {
  let query = db
    .selectFrom('leads')
    .select('leads.id')
    .where(inQueue(q))
    .where(isResurfaced)
    .where(sql<SqlBool>`NOT ${isMrl}`)
    .where(sql<SqlBool>`NOT ${isSlaDue(q)}`)
    .orderBy('leads.resurfaced_at', 'desc')
    .orderBy('leads.score', 'desc')
    .orderBy('leads.created_at')
    .orderBy('leads.id');
  if (r.after) query = query.where(afterKey(sql.ref('leads.resurfaced_at'), r.after, false));
  if (r.limit !== undefined) query = query.limit(r.limit);
  return (await query.execute()).map((x) => x.id);
}

/**
 * The rest by score: the SDR's own leads and the shared queue read apart (each an index in
 * score order), merged by the same order. Answers each id with its score key.
 */
export async function scoreTier(db: Queryable, q: QueueQuery, r: TierRead = {}): Promise<TierKey[]> {
  const byScore = (part: QueuePart) => {
    let query = db
      .selectFrom('leads')
      .select(['leads.id', 'leads.score', 'leads.created_at'])
      .where('leads.history', '=', false)
      .where(inQueuePart(q, part))
      .where(sql<SqlBool>`NOT ${isMrl}`)
      .where(sql<SqlBool>`NOT ${isResurfaced}`)
      .where(sql<SqlBool>`NOT ${isSlaDue(q)}`)
      .orderBy('leads.score', 'desc')
      .orderBy('leads.created_at')
      .orderBy('leads.id');
    if (r.after) query = query.where(afterKey(null, r.after));
    if (r.past) query = query.where(afterKey(null, r.past));
    if (r.upTo) query = query.where(sql<SqlBool>`NOT ${afterKey(null, r.upTo)}`);
    if (r.limit !== undefined) query = query.limit(r.limit);
    return query.execute();
  };
  const rows: { id: string; score: number; created_at: Date | string }[] = [];
  for (const part of queueParts(q)) rows.push(...(await byScore(part)));
  const keys = rows.map((x) => ({ at: null, score: x.score, createdAt: date(x.created_at), id: x.id }));
  keys.sort(
    (a, b) =>
      b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return r.limit === undefined ? keys : keys.slice(0, r.limit);
}

export async function loadFacts(db: Queryable, ids: string[], slaKinds: readonly string[]): Promise<QueueFacts> {
  if (ids.length === 0) return { leads: [], returns: new Map(), timers: new Map() };
  const anyId = sql<string>`any(${ids}::text[])`;
  const [leads, returns, timers] = await Promise.all([
    db.selectFrom('leads').selectAll().where('id', '=', anyId).execute(),
    sql<{
      lead_id: string;
      decision_reason: string | null;
      decision_note: string | null;
      decided_at: Date | string;
      label_zh: string | null;
      label_en: string | null;
    }>`SELECT DISTINCT ON (h.lead_id) h.lead_id, h.decision_reason, h.decision_note, h.decided_at,
          r.label_zh, r.label_en
        FROM handoffs h
        LEFT JOIN reasons r ON r.kind = 'return' AND r.code = h.decision_reason
        WHERE h.lead_id = ${anyId} AND h.status = 'returned' AND h.decided_at IS NOT NULL
        ORDER BY h.lead_id, h.decided_at DESC, h.id DESC`.execute(db),
    slaKinds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('timers')
          .select(['subject_id', 'kind', 'due_at', 'created_at'])
          .where('subject_id', '=', anyId)
          .where('fired_at', 'is', null)
          .where('cancelled_at', 'is', null)
          .where('kind', 'in', [...slaKinds])
          .execute(),
  ]);
  const byLead = new Map<string, { kind: string; dueAt: Date; createdAt: Date }[]>();
  for (const t of timers) {
    const list = byLead.get(t.subject_id) ?? [];
    list.push({ kind: t.kind, dueAt: date(t.due_at), createdAt: date(t.created_at) });
    byLead.set(t.subject_id, list);
  }
  return {
    leads,
    returns: new Map(
      returns.rows.map((r) => [
        r.lead_id,
        {
          reason: r.decision_reason,
          labelZh: r.label_zh,
          labelEn: r.label_en,
          note: r.decision_note,
          at: date(r.decided_at),
        },
      ]),
    ),
    timers: byLead,
  };
}
