/**
 * SQL of the funnel and SDR reports (SPEC §8.1, §8.3). The funnel is aggregated in the database
 * (one row per slice and a totals row, GROUPING SETS), never by loading leads: at a million leads
 * only the answer crosses the wire. Its counts, leakage and won amounts come from one statement
 * that reads the leads, hand-offs and opportunities once (funnelFigures). Stage facts per lead come from the records that prove them:
 * the first hand-off (MQL), the first acceptance of one (SQL — a returned hand-off has lost its
 * acceptance date on the row, the audit log keeps it), the first opportunity, the first win.
 * Migration 015 adds the indexes these read.
 *
 * Also the labels of slices and reasons.
 */
import { type RawBuilder, sql } from 'kysely';
import type { DefinitionCriterion } from '../../domain/definitions/definition-body.js';
import type { FunnelCohort, FunnelDimension, LeakageKind } from '../../domain/reports/funnel.js';
import type { Queryable } from '../db.js';

export interface ValidLeadSpan {
  from: Date;
  until: Date | null;
  criteria: readonly DefinitionCriterion[];
}

export interface FunnelQuery {
  by: FunnelDimension;
  cohort: FunnelCohort;
  from: Date;
  until: Date;
  /** The valid-lead definition over time: each lead is judged by the version in force at its capture. */
  validLead: readonly ValidLeadSpan[];
  largeCustomerEmployees: number;
  /** ISO 4217: won amounts in it are summed; in others, summed per currency apart. */
  currency: string;
  /** A sales manager's funnel: only the leads their team owns or was handed (SPEC §1). */
  team?: { teamId: string | null; userId: string };
}

export interface FunnelCountRow {
  /** null: leads with no value for the slice (no campaign, not handed off …); see `total`. */
  key: string | null;
  /** The totals row over every slice. */
  total: boolean;
  /** A display name the data itself holds (region text); other labels are looked up by the service. */
  label: string | null;
  leads: number;
  validLeads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  /** In the report currency. */
  wonAmount: number;
  /** Won amounts in other currencies, by ISO 4217 code (none: {}). */
  wonAmountOtherCurrencies: Record<string, number>;
  hoursLead: number | null;
  hoursMql: number | null;
  hoursSql: number | null;
  hoursOpportunity: number | null;
}

const text = (column: RawBuilder<unknown>) => sql`nullif(btrim(${column}), '')`;

/** A built-in profile field of a definition → its column (domain/definitions/definition-body.ts). */
const profileColumns: Record<string, string> = {
  name: 'name',
  company: 'company',
  title: 'title',
  region: 'region',
  industry: 'industry',
  employees: 'employees',
  channel: 'channel_id',
};

/** A JSON value present the way evaluate-definition.ts means it: not null, not blank, not []. */
const presentJson = (value: RawBuilder<unknown>) =>
  sql`(${value} IS NOT NULL AND jsonb_typeof(${value}) <> 'null' AND ${value} <> '[]'::jsonb
    AND NOT (jsonb_typeof(${value}) = 'string' AND btrim(${value} #>> '{}') = ''))`;

/**
 * One criterion of a stage definition as a condition on the lead `l` (with the stage facts
 * `sql_at`, `opp_at` of the funnel query in scope): the same meaning as
 * domain/definitions/evaluate-definition.ts, for a million leads at once.
 */
function criterionCondition(c: DefinitionCriterion): RawBuilder<unknown> {
  switch (c.kind) {
    case 'status':
      return c.notIn.length ? sql`NOT (l.status = any(${[...c.notIn]}::text[]))` : sql`true`;
    case 'contact': {
      const phone = sql`${text(sql`l.phone`)} IS NOT NULL`;
      const email = sql`${text(sql`l.email`)} IS NOT NULL`;
      if (c.require === 'phone') return phone;
      if (c.require === 'email') return email;
      return sql`(${phone} OR ${email})`;
    }
    case 'minScore':
      return sql`(l.scored_at IS NOT NULL AND l.score >= ${c.min})`;
    case 'field': {
      if (c.field.startsWith('fields.')) return presentJson(sql`(l.fields -> ${c.field.slice('fields.'.length)})`);
      const column = profileColumns[c.field];
      if (!column) return sql`false`;
      if (column === 'employees') return sql`l.employees IS NOT NULL`;
      return sql`${text(sql.ref(`l.${column}`))} IS NOT NULL`;
    }
    case 'milestone':
      return c.milestone === 'accepted_by_sales'
        ? sql`(h.sql_at IS NOT NULL OR o.opp_at IS NOT NULL)`
        : sql`o.opp_at IS NOT NULL`;
    case 'answer': {
      const value = sql`(q.answers -> ${c.key})`;
      let condition: RawBuilder<unknown>;
      if (c.oneOf) {
        condition = sql`${JSON.stringify(c.oneOf)}::jsonb @> jsonb_build_array(${value})`;
      } else if (c.min !== undefined || c.max !== undefined) {
        const number = sql`(q.answers ->> ${c.key})::numeric`;
        condition = sql`(jsonb_typeof(${value}) = 'number'
          AND ${c.min === undefined ? sql`true` : sql`${number} >= ${c.min}`}
          AND ${c.max === undefined ? sql`true` : sql`${number} <= ${c.max}`})`;
      } else {
        condition = sql`(${presentJson(value)} AND ${value} <> '"unknown"'::jsonb)`;
      }
      return sql`EXISTS (SELECT 1 FROM qualifications q
        WHERE q.lead_id = l.id AND q.framework = ${c.framework} AND ${condition})`;
    }
  }
}

function definitionCondition(criteria: readonly DefinitionCriterion[]): RawBuilder<unknown> {
  if (criteria.length === 0) return sql`true`;
  return sql`(${sql.join(criteria.map(criterionCondition), sql` AND `)})`;
}

/** Each lead judged by the version in force when it was captured (SPEC §4.2: history is not rewritten). */
function validLeadCondition(spans: readonly ValidLeadSpan[]): RawBuilder<unknown> {
  if (spans.length === 0) return sql`true`;
  if (spans.length === 1) return definitionCondition(spans[0].criteria);
  const cases = spans
    .slice(0, -1)
    .map((s) => sql`WHEN l.created_at < ${s.until} THEN ${definitionCondition(s.criteria)}`);
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE ${definitionCondition(spans[spans.length - 1].criteria)} END)`;
}

/**
 * The slice a lead belongs to. SDR and rep: the hand-off that took the lead furthest (the one its
 * opportunity follows, else an accepted one, else the latest) — the SDR who made it is the SDR who
 * owned the lead when it qualified (SPEC §8.4); a lead never handed off belongs to the SDR working
 * it now (its owner), or to nobody.
 */
function sliceKey(q: FunnelQuery): { key: RawBuilder<unknown>; label: RawBuilder<unknown> } {
  switch (q.by) {
    case 'channel':
      return { key: sql`l.channel_id`, label: sql`NULL::text` };
    case 'campaign':
      return { key: text(sql`l.original_source -> 'utm' ->> 'campaign'`), label: sql`NULL::text` };
    case 'region':
      return { key: sql`coalesce(l.region_code, ${text(sql`l.region`)})`, label: text(sql`l.region`) };
    case 'industry':
      return { key: text(sql`l.industry`), label: sql`NULL::text` };
    case 'size':
      return {
        key: sql`CASE WHEN l.employees IS NULL THEN 'unknown'
          WHEN l.employees >= ${q.largeCustomerEmployees} THEN 'large' ELSE 'small' END`,
        label: sql`NULL::text`,
      };
    case 'sdr':
      return { key: sql`CASE WHEN h.lead_id IS NOT NULL THEN h.sdr_id ELSE l.owner_id END`, label: sql`NULL::text` };
    case 'rep':
      return { key: sql`h.rep_id`, label: sql`NULL::text` };
  }
}

/**
 * When the rep accepted a hand-off (alias `h`): the decision date while it stays accepted; once
 * returned, the return overwrote that date and the `handoff.accepted` audit entry keeps it
 * (`returnedAcceptance`: that entry's time; by default looked up per hand-off).
 */
export const acceptedAt = (
  h: RawBuilder<unknown>,
  returnedAcceptance: RawBuilder<unknown> = sql`(SELECT min(ae.at) FROM audit_log ae
    WHERE ae.entity_type = 'handoff' AND ae.entity_id = ${h}.id AND ae.action = 'handoff.accepted')`,
) => sql`CASE ${h}.status WHEN 'accepted' THEN ${h}.decided_at WHEN 'returned' THEN ${returnedAcceptance} END`;

/**
 * The hand-offs of each lead, aggregated once: MQL and SQL times and, for a person slice, the
 * hand-off that took the lead furthest (the one its opportunity follows, else an accepted one,
 * else the latest) — the SDR who made it is the SDR who owned the lead when it qualified (§8.4).
 */
function handoffFacts(byPerson: boolean, only: RawBuilder<unknown>): RawBuilder<unknown> {
  const furthest = sql`ORDER BY (ho.handoff_id IS NOT NULL) DESC, (hs.status IN ('accepted', 'returned')) DESC,
    hs.created_at DESC, hs.id DESC`;
  // The acceptances of returned hand-offs joined, not looked up in the select list: the planner
  // would cost that lookup for every hand-off (not just the returned ones) and plan around it.
  return sql`SELECT hs.lead_id, min(hs.created_at) AS mql_at, min(${acceptedAt(sql`hs`, sql`ra.at`)}) AS sql_at
      ${byPerson ? sql`, (array_agg(hs.sdr_id ${furthest}))[1] AS sdr_id, (array_agg(hs.rep_id ${furthest}))[1] AS rep_id` : sql``}
    FROM handoffs hs
    LEFT JOIN (SELECT ae.entity_id, min(ae.at) AS at FROM handoffs r
        JOIN audit_log ae ON ae.entity_type = 'handoff' AND ae.entity_id = r.id AND ae.action = 'handoff.accepted'
        WHERE r.status = 'returned' GROUP BY ae.entity_id) ra ON ra.entity_id = hs.id
    ${
      byPerson
        ? sql`LEFT JOIN (SELECT DISTINCT handoff_id FROM opportunities WHERE handoff_id IS NOT NULL) ho
            ON ho.handoff_id = hs.id`
        : sql``
    }
    WHERE ${only}
    GROUP BY hs.lead_id`;
}

/** The opportunities of each lead, aggregated once: first one, first win, the won amount in the report currency. */
function opportunityFacts(q: FunnelQuery, only: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT op.lead_id, min(op.created_at) AS opp_at,
      min(op.closed_at) FILTER (WHERE op.stage = 'won') AS won_at,
      sum(op.amount) FILTER (WHERE ${wonInCurrency(q, sql`=`)}) AS won_amount
    FROM opportunities op
    WHERE ${only}
    GROUP BY op.lead_id`;
}

/** A won deal (`op`) counted in the won amount (event cohort: won in the period), in the report currency or not. */
const wonInCurrency = (q: FunnelQuery, operator: RawBuilder<unknown>) =>
  sql`op.stage = 'won' AND op.currency ${operator} ${q.currency}
    ${q.cohort === 'event' ? sql`AND op.closed_at >= ${q.from} AND op.closed_at < ${q.until}` : sql``}`;

/**
 * The records a lead has several of that the funnel counts apart, one row each: the rejected and
 * returned hand-offs (the rep's reason), the lost opportunities (their reason text) and the deals
 * won in another currency (`reason`: the currency). `n` numbers them per lead.
 */
function sideRecords(q: FunnelQuery, only: (column: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT lead_id, kind, reason, at, amount, row_number() OVER (PARTITION BY lead_id) AS n FROM (
      SELECT hs.lead_id, CASE WHEN hs.status = 'rejected' THEN 'reject' ELSE 'return' END AS kind,
        hs.decision_reason AS reason, hs.decided_at AS at, NULL::numeric AS amount
      FROM handoffs hs WHERE hs.status IN ('rejected', 'returned') AND ${only('hs.lead_id')}
      UNION ALL
      SELECT op.lead_id, 'lose', ${text(sql`op.reason`)}, op.closed_at, NULL
      FROM opportunities op WHERE op.stage = 'lost' AND ${only('op.lead_id')}
      UNION ALL
      SELECT op.lead_id, 'won', op.currency, op.closed_at, op.amount
      FROM opportunities op WHERE ${wonInCurrency(q, sql`<>`)} AND ${only('op.lead_id')}
    ) side`;
}

/**
 * One row per live lead of the cohort (more for a lead with side records: one per record) with
 * its slice, validity, stage times and won amount, and `once` true on one row of each lead. For a
 * capture cohort that is a small part of all leads (`narrow`), only the cohort's hand-offs and
 * opportunities are read (an index range of leads_list): a month of a year of leads reads a
 * month's worth; for most of the history the restriction costs more than it saves.
 */
function facts(q: FunnelQuery, narrow: boolean): RawBuilder<unknown> {
  const { key, label } = sliceKey(q);
  const capture = q.cohort === 'capture';
  const ofCohort = (column: string) =>
    capture && narrow
      ? sql`${sql.ref(column)} IN (SELECT id FROM leads
          WHERE history = false AND created_at >= ${q.from} AND created_at < ${q.until})`
      : sql`true`;
  const cohort = capture ? sql`AND l.created_at >= ${q.from} AND l.created_at < ${q.until}` : sql``;
  return sql`SELECT l.id, l.created_at AS captured_at, ${key} AS key, ${label} AS label,
      ${validLeadCondition(q.validLead)} AS valid, l.status, l.status_reason,
      ${capture ? sql`NULL::timestamptz` : sql`dq.at`} AS disqualified_at,
      h.mql_at, h.sql_at, o.opp_at, o.won_at, o.won_amount,
      s.kind, s.reason, s.at, s.amount, coalesce(s.n, 1) = 1 AS once
    FROM leads l
    LEFT JOIN (${handoffFacts(q.by === 'sdr' || q.by === 'rep', ofCohort('hs.lead_id'))}) h ON h.lead_id = l.id
    LEFT JOIN (${opportunityFacts(q, ofCohort('op.lead_id'))}) o ON o.lead_id = l.id
    LEFT JOIN (${sideRecords(q, ofCohort)}) s ON s.lead_id = l.id
    ${
      capture
        ? sql``
        : sql`LEFT JOIN (SELECT lead_id, max(at) AS at FROM audit_log
            WHERE action = 'lead.disqualified' AND lead_id IS NOT NULL GROUP BY lead_id) dq ON dq.lead_id = l.id`
    }
    WHERE l.history = false ${cohort} ${q.team ? sql`AND ${ofTeam(q.team)}` : sql``}`;
}

/** The leads a sales team owns or was handed, as the lead scope of a sales manager reads them. */
function ofTeam(team: { teamId: string | null; userId: string }) {
  const members = team.teamId
    ? sql`(SELECT id FROM users WHERE team_id = ${team.teamId})`
    : sql`(SELECT ${team.userId}::text)`;
  return sql`(l.owner_id IN ${members}
    OR EXISTS (SELECT 1 FROM handoffs th WHERE th.lead_id = l.id AND th.rep_id IN ${members}))`;
}

const hours = (from: string, to: string) => sql`extract(epoch FROM (${sql.ref(to)} - ${sql.ref(from)}))::float8 / 3600`;

/** A capture cohort covering less than half the time since the first live lead (leads_list gives it at once). */
async function isNarrow(db: Queryable, q: FunnelQuery): Promise<boolean> {
  if (q.cohort !== 'capture') return false;
  const first = await sql<{ first: Date | string | null }>`SELECT min(created_at) AS first FROM leads
    WHERE history = false`.execute(db);
  const at = first.rows[0]?.first;
  if (!at) return false;
  const start = Math.max(new Date(at).getTime(), q.from.getTime());
  const span = q.until.getTime() - new Date(at).getTime();
  return span > 0 && (q.until.getTime() - start) * 2 < span;
}

export interface LeakageRow {
  key: string | null;
  kind: LeakageKind;
  reason: string | null;
  count: number;
}

export interface FunnelFigures {
  /** One row per slice and a totals row. */
  counts: FunnelCountRow[];
  /**
   * Where the cohort's leads dropped out and why: disqualified now (the cleaning reason), each
   * rejected and each returned hand-off (the rep's reason), each lost opportunity (its reason
   * text). Event cohort: the drops that happened in the period.
   */
  leakage: LeakageRow[];
}

type FigureRow = {
  /** count: a slice's counts (or the totals'); side: a kind of side record; status: leads in a status. */
  part: 'count' | 'side' | 'status';
  key: string | null;
  /** count: 1 on the totals row. */
  all_slices: number;
  label: string | null;
  leads: number;
  valid_leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  won_amount: number | null;
  hours_lead: number | null;
  hours_mql: number | null;
  hours_sql: number | null;
  hours_opportunity: number | null;
  /** side: reject, return, lose or won (in another currency); status: the lead status. */
  kind: string | null;
  /** side: the reason (won: the currency); status: the status reason. */
  reason: string | null;
  /** side: records of the kind (won: their amount); status: leads. */
  side: number | null;
};

const nulls = (n: number) => sql.join(Array.from({ length: n }, () => sql`NULL`));

/**
 * The funnel's counts, leakage and won amounts in other currencies in one statement and one read
 * of the cohort's leads, hand-offs and opportunities: each lead's facts (materialized once), then
 * grouped by slice (and a totals row), by slice and side record, by slice and disqualify reason.
 * The medians are taken from arrays of the hours: an ordered-set aggregate would sort every lead.
 */
export async function funnelFigures(db: Queryable, q: FunnelQuery): Promise<FunnelFigures> {
  const narrow = await isNarrow(db, q);
  // PostgreSQL would compile this big statement with JIT (its cost estimate is high): at 200k
  // leads that took longer (1.4 s) than running it. Off for this transaction only (the report's).
  // The sort of the leads by slice needs ~25 MB at 200k leads: in memory, not on disk.
  await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(db);
  const event = q.cohort === 'event';
  const within = (column: string) => sql`(${sql.ref(column)} >= ${q.from} AND ${sql.ref(column)} < ${q.until})`;
  // Capture cohort: every stage the cohort's leads reached. Event cohort: stages reached in the period.
  const reached = (column: string) => (event ? within(column) : sql`${sql.ref(column)} IS NOT NULL`);
  const captured = event ? within('captured_at') : sql`true`;
  // Event cohort: a lead counts in the period if it entered a stage in it.
  const counted = event
    ? sql`(${within('captured_at')} OR ${within('mql_at')} OR ${within('sql_at')}
        OR ${within('opp_at')} OR ${within('won_at')})`
    : sql`true`;
  const dropped = event ? within('at') : sql`true`;
  const disqualified = sql`status = 'disqualified' ${event ? sql`AND ${within('disqualified_at')}` : sql``}`;
  const hoursTo = (from: string, to: string) =>
    sql`array_agg(${hours(from, to)}) FILTER (WHERE once AND ${reached(to)})`;
  const median = (column: string) =>
    sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest(${sql.ref(column)}) v)`;
  const countColumns = sql`count(*) FILTER (WHERE once AND ${captured}) AS leads,
      count(*) FILTER (WHERE once AND ${captured} AND (valid OR mql_at IS NOT NULL)) AS valid_leads,
      count(*) FILTER (WHERE once AND ${reached('mql_at')}) AS mqls,
      count(*) FILTER (WHERE once AND ${reached('sql_at')}) AS sqls,
      count(*) FILTER (WHERE once AND ${reached('opp_at')}) AS opportunities,
      count(*) FILTER (WHERE once AND ${reached('won_at')}) AS won,
      sum(won_amount) FILTER (WHERE once) AS won_amount,
      ${hoursTo('captured_at', 'mql_at')} AS hours_lead,
      ${hoursTo('mql_at', 'sql_at')} AS hours_mql,
      ${hoursTo('sql_at', 'opp_at')} AS hours_sql,
      ${hoursTo('opp_at', 'won_at')} AS hours_opportunity`;
  const result = await sql<FigureRow>`WITH facts AS MATERIALIZED (${facts(q, narrow)})
    SELECT g.part, g.key, g.all_slices, g.label, g.leads, g.valid_leads, g.mqls, g.sqls, g.opportunities, g.won,
      g.won_amount, ${median('g.hours_lead')} AS hours_lead, ${median('g.hours_mql')} AS hours_mql,
      ${median('g.hours_sql')} AS hours_sql, ${median('g.hours_opportunity')} AS hours_opportunity,
      g.kind, g.reason, g.side
    FROM (
      SELECT 'count' AS part, key, grouping(key) AS all_slices, min(label) AS label, ${countColumns},
        NULL::text AS kind, NULL::text AS reason, NULL::numeric AS side
      FROM facts WHERE ${counted}
      GROUP BY GROUPING SETS ((key), ())
      UNION ALL
      SELECT 'side', key, 0, ${nulls(12)}, kind, reason,
        CASE WHEN kind = 'won' THEN sum(amount) ELSE count(*) END
      FROM facts
      WHERE kind IS NOT NULL AND CASE WHEN kind = 'won' THEN ${counted} ELSE ${dropped} END
      GROUP BY key, kind, reason
      UNION ALL
      SELECT 'status', key, 0, ${nulls(12)}, 'disqualify', status_reason, count(*)
      FROM facts WHERE once AND ${disqualified}
      GROUP BY key, status_reason
    ) g`.execute(db);

  const others = new Map<string | null, Record<string, number>>();
  const leakage: LeakageRow[] = [];
  for (const r of result.rows) {
    if (r.part === 'side' && r.kind === 'won' && r.side !== null) {
      others.set(r.key, { ...others.get(r.key), [r.reason as string]: Number(r.side) });
    } else if (r.part !== 'count' && Number(r.side) > 0) {
      const kind = r.part === 'status' ? 'disqualify' : (r.kind as LeakageKind);
      leakage.push({ key: r.key, kind, reason: r.reason, count: Number(r.side) });
    }
  }
  const counts = result.rows
    .filter((r) => r.part === 'count')
    .map((r) => {
      const total = Number(r.all_slices) === 1;
      return {
        key: r.key,
        total,
        label: r.label,
        leads: Number(r.leads),
        validLeads: Number(r.valid_leads),
        mqls: Number(r.mqls),
        sqls: Number(r.sqls),
        opportunities: Number(r.opportunities),
        won: Number(r.won),
        wonAmount: r.won_amount === null ? 0 : Number(r.won_amount),
        wonAmountOtherCurrencies: total ? sumByCurrency([...others.values()]) : (others.get(r.key) ?? {}),
        hoursLead: r.hours_lead,
        hoursMql: r.hours_mql,
        hoursSql: r.hours_sql,
        hoursOpportunity: r.hours_opportunity,
      };
    });
  return { counts, leakage };
}

function sumByCurrency(amounts: readonly Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const a of amounts)
    for (const [currency, amount] of Object.entries(a)) sum[currency] = (sum[currency] ?? 0) + amount;
  return sum;
}

// ── SDR report ───────────────────────────────────────────────────────────────────────────────

export interface SdrUser {
  id: string;
  name: string;
  active: boolean;
}

/** SDRs and SDR leads (§1: an sdr_lead does everything an SDR does), or just one of them. */
export async function listSdrUsers(db: Queryable, onlyId?: string): Promise<SdrUser[]> {
  let query = db.selectFrom('users').select(['id', 'name', 'active']).where('role', 'in', ['sdr', 'sdr_lead']);
  if (onlyId) query = query.where('id', '=', onlyId);
  // Sorted here, not by the database: collations differ between servers (and PGlite) for Chinese names.
  const rows = await query.execute();
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface SdrActivityTotals {
  userId: string;
  calls: number;
  talkTimeSec: number;
  leadsContacted: number;
}

/** Calls, talk time (the calls' durations) and leads touched (any touch but a note) in the period. */
export async function sdrActivityTotals(
  db: Queryable,
  period: { from: Date; until: Date },
  userIds: readonly string[],
): Promise<SdrActivityTotals[]> {
  if (userIds.length === 0) return [];
  const result = await sql<{ user_id: string; calls: number; talk: number | null; contacted: number }>`
    SELECT user_id,
      count(*) FILTER (WHERE type = 'call') AS calls,
      sum(duration_sec) FILTER (WHERE type = 'call') AS talk,
      count(DISTINCT lead_id) FILTER (WHERE type <> 'note') AS contacted
    FROM activities
    WHERE user_id = any(${[...userIds]}::text[]) AND occurred_at >= ${period.from} AND occurred_at < ${period.until}
    GROUP BY user_id`.execute(db);
  return result.rows.map((r) => ({
    userId: r.user_id,
    calls: Number(r.calls),
    talkTimeSec: r.talk === null ? 0 : Number(r.talk),
    leadsContacted: Number(r.contacted),
  }));
}

export interface SdrHandoffRow {
  id: string;
  sdrId: string;
  credit: number;
  acceptedAt: Date | null;
  channel: string | null;
}

/** Hand-offs SDRs made in the period (live leads only), with when the rep accepted each. */
export async function sdrHandoffs(
  db: Queryable,
  period: { from: Date; until: Date },
  onlySdr?: string,
): Promise<SdrHandoffRow[]> {
  const result = await sql<{
    id: string;
    sdr_id: string;
    credit: number;
    accepted_at: Date | string | null;
    channel_id: string | null;
  }>`SELECT h.id, h.sdr_id, h.credit, l.channel_id, ${acceptedAt(sql`h`)} AS accepted_at
    FROM handoffs h JOIN leads l ON l.id = h.lead_id
    WHERE h.sdr_id IS NOT NULL AND l.history = false
      AND h.created_at >= ${period.from} AND h.created_at < ${period.until}
      ${onlySdr ? sql`AND h.sdr_id = ${onlySdr}` : sql``}`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    sdrId: r.sdr_id,
    credit: Number(r.credit),
    acceptedAt: r.accepted_at === null ? null : new Date(r.accepted_at),
    channel: r.channel_id,
  }));
}

export interface HandoffOpportunityRow {
  handoffId: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  stage: 'open' | 'withdrawn' | 'won' | 'lost';
}

/** The opportunities registered on the hand-offs sdrHandoffs returns (same filter). */
export async function sdrHandoffOpportunities(
  db: Queryable,
  period: { from: Date; until: Date },
  onlySdr?: string,
): Promise<HandoffOpportunityRow[]> {
  const result = await sql<{
    handoff_id: string;
    created_at: Date | string;
    withdrawn_at: Date | string | null;
    stage: HandoffOpportunityRow['stage'];
  }>`SELECT o.handoff_id, o.created_at, o.withdrawn_at, o.stage
    FROM opportunities o
    JOIN handoffs h ON h.id = o.handoff_id
    JOIN leads l ON l.id = h.lead_id
    WHERE h.sdr_id IS NOT NULL AND l.history = false
      AND h.created_at >= ${period.from} AND h.created_at < ${period.until}
      ${onlySdr ? sql`AND h.sdr_id = ${onlySdr}` : sql``}`.execute(db);
  return result.rows.map((r) => ({
    handoffId: r.handoff_id,
    createdAt: new Date(r.created_at),
    withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at),
    stage: r.stage,
  }));
}

// ── labels ───────────────────────────────────────────────────────────────────────────────────

export async function channelNames(db: Queryable): Promise<Map<string, { name: string; nameZh: string }>> {
  const rows = await db.selectFrom('channels').select(['id', 'name', 'name_zh']).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, nameZh: r.name_zh }]));
}

export async function userNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Labels of the disqualify, reject and return reasons (inactive ones too: history keeps them). */
export async function reasonLabels(db: Queryable): Promise<{ kind: string; code: string; zh: string; en: string }[]> {
  const rows = await db
    .selectFrom('reasons')
    .select(['kind', 'code', 'label_zh', 'label_en'])
    .where('kind', 'in', ['disqualify', 'reject', 'return'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, code: r.code, zh: r.label_zh, en: r.label_en }));
}
