/**
 * Candidates of an SDR's work queue (SPEC §10): the SDR's own `new`/`working` leads and, unless
 * asked for their own only, the shared queue of unowned `new` leads. The order is decided by
 * domain/queue/rank-queue.ts; this file only fetches enough candidates for it, tier by tier in
 * the same order, so a queue of 100,000 unowned leads costs a few index reads, not a sort of all.
 *
 * Why the result holds the top `limit` of the domain's order: tier k's query reads leads
 * matching the tier's condition (which a lead of a higher tier may also match), in the tier's
 * own order, `limit + collected` rows. Tiers read before are complete (or we stopped), so every
 * row not yet collected belongs to tier k, and they come in tier-k order. We stop once `limit`
 * leads are collected.
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
  limit: number;
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

function inQueue(q: QueueQuery) {
  return (eb: LeadsEb): Expression<SqlBool> => {
    const own = eb.and([eb('leads.owner_id', '=', q.sdrId), eb('leads.status', 'in', ['new', 'working'])]);
    const shared = eb.and([eb('leads.owner_id', 'is', null), eb('leads.status', '=', 'new')]);
    return eb.and([eb('leads.history', '=', false), q.includeUnowned ? eb.or([own, shared]) : own]);
  };
}

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export async function loadQueue(db: Queryable, q: QueueQuery): Promise<QueueFacts> {
  const collected = new Set<string>();
  const take = (ids: readonly string[]) => {
    for (const id of ids) collected.add(id);
  };
  const next = () => q.limit + collected.size;

  // 1. MRL: returned by sales, the one returned longest ago first.
  const lastReturn = sql<Date | null>`(SELECT max(h.decided_at) FROM handoffs h
      WHERE h.lead_id = leads.id AND h.status = 'returned')`;
  const mrl = await db
    .selectFrom('leads')
    .select('leads.id')
    .where(inQueue(q))
    .where(sql<SqlBool>`'MRL' = ANY(leads.flags)`)
    .orderBy(sql`${lastReturn} ASC NULLS LAST`)
    .orderBy('leads.score', 'desc')
    .orderBy('leads.created_at')
    .orderBy('leads.id')
    .limit(next())
    .execute();
  take(mrl.map((r) => r.id));

  // 2. SLA-due: a live timer (not overtaken by a touch) due by `dueBefore`, soonest first. Read
  //    in due order off the timers index, a lead once per timer it has, so the first row of each
  //    lead carries its soonest deadline; more rows are read while there may be more leads.
  if (collected.size < q.limit && q.slaKinds.length > 0) {
    const need = next();
    const seen = new Set<string>();
    const due: string[] = [];
    for (let rows = need * q.slaKinds.length; ; rows *= 2) {
      const found = await db
        .selectFrom('timers')
        .innerJoin('leads', 'leads.id', 'timers.subject_id')
        .select('leads.id')
        .where('timers.fired_at', 'is', null)
        .where('timers.cancelled_at', 'is', null)
        .where('timers.due_at', '<=', q.dueBefore)
        .where('timers.kind', 'in', [...q.slaKinds])
        // Live timers only, as domain/queue/rank-queue.ts isLiveTimer decides.
        .where((eb) =>
          eb.or([
            eb('leads.last_touch_at', 'is', null),
            eb.and([
              eb('timers.kind', '=', 'lead.first_touch_due'),
              eb('timers.created_at', '>', eb.ref('leads.last_touch_at')),
            ]),
            eb.and([
              eb('timers.kind', '<>', 'lead.first_touch_due'),
              eb('timers.created_at', '>=', eb.ref('leads.last_touch_at')),
            ]),
          ]),
        )
        .where(inQueue(q))
        .orderBy('timers.due_at')
        .orderBy('leads.score', 'desc')
        .orderBy('leads.created_at')
        .orderBy('leads.id')
        .limit(rows)
        .execute();
      seen.clear();
      due.length = 0;
      for (const r of found) {
        if (!seen.has(r.id)) {
          seen.add(r.id);
          due.push(r.id);
        }
      }
      if (due.length >= need || found.length < rows) break;
    }
    take(due.slice(0, need));
  }

  // 3. Re-surfaced from the pool and not touched since, latest first.
  if (collected.size < q.limit) {
    const resurfaced = await db
      .selectFrom('leads')
      .select('leads.id')
      .where(inQueue(q))
      .where('leads.resurfaced_at', 'is not', null)
      .where((eb) =>
        eb.or([eb('leads.last_touch_at', 'is', null), eb('leads.last_touch_at', '<', eb.ref('leads.resurfaced_at'))]),
      )
      .orderBy('leads.resurfaced_at', 'desc')
      .orderBy('leads.score', 'desc')
      .orderBy('leads.created_at')
      .orderBy('leads.id')
      .limit(next())
      .execute();
    take(resurfaced.map((r) => r.id));
  }

  // 4. Everything by score: the SDR's own leads and the shared queue read apart (each an index
  //    in score order), merged by the same order.
  if (collected.size < q.limit) {
    const n = next();
    const byScore = (own: boolean) =>
      db
        .selectFrom('leads')
        .select(['leads.id', 'leads.score', 'leads.created_at'])
        .where('leads.history', '=', false)
        .where((eb) =>
          own
            ? eb.and([eb('leads.owner_id', '=', q.sdrId), eb('leads.status', 'in', ['new', 'working'])])
            : eb.and([eb('leads.owner_id', 'is', null), eb('leads.status', '=', 'new')]),
        )
        .orderBy('leads.score', 'desc')
        .orderBy('leads.created_at')
        .orderBy('leads.id')
        .limit(n)
        .execute();
    const rows = [...(await byScore(true)), ...(q.includeUnowned ? await byScore(false) : [])];
    rows.sort(
      (a, b) =>
        b.score - a.score ||
        date(a.created_at).getTime() - date(b.created_at).getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    take(rows.slice(0, n).map((r) => r.id));
  }

  return loadFacts(db, [...collected], q.slaKinds);
}

async function loadFacts(db: Queryable, ids: string[], slaKinds: readonly string[]): Promise<QueueFacts> {
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
