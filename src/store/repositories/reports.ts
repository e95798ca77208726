/**
 * SQL of the funnel and SDR reports (SPEC §8.1, §8.3). The funnel is aggregated in the database
 * (one row per slice and a totals row, GROUPING SETS), never by loading leads: at a million leads
 * only the answer crosses the wire. It groups the facts per lead that repositories/funnel-facts.ts
 * keeps current (a narrow row per lead and its side records) rather than joining every lead to its
 * hand-offs, opportunities and audit entries on each read.
 *
 * Also the labels of slices and reasons.
 */
import { type RawBuilder, sql } from 'kysely';
import type { FunnelCohort, FunnelDimension, LeakageKind } from '../../domain/reports/funnel.js';
import { concatValues, medianOf } from '../../domain/reports/median.js';
import type { Queryable } from '../db.js';

export interface FunnelQuery {
  by: FunnelDimension;
  cohort: FunnelCohort;
  from: Date;
  until: Date;
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

/** The slice of a lead's facts (`f`, repositories/funnel-facts.ts): its key and a display name the data holds. */
function sliceKey(q: FunnelQuery): { key: RawBuilder<unknown>; label: RawBuilder<unknown> } {
  switch (q.by) {
    case 'channel':
      return { key: sql`f.channel_id`, label: sql`NULL::text` };
    case 'campaign':
      return { key: sql`f.campaign`, label: sql`NULL::text` };
    case 'region':
      return { key: sql`f.region_key`, label: sql`f.region_label` };
    case 'industry':
      return { key: sql`f.industry`, label: sql`NULL::text` };
    case 'size':
      return {
        key: sql`CASE WHEN f.employees IS NULL THEN 'unknown'
          WHEN f.employees >= ${sql.lit(q.largeCustomerEmployees)} THEN 'large' ELSE 'small' END`,
        label: sql`NULL::text`,
      };
    case 'sdr':
      return { key: sql`f.sdr_key`, label: sql`NULL::text` };
    case 'rep':
      return { key: sql`f.rep_key`, label: sql`NULL::text` };
  }
}

/**
 * When the rep accepted a hand-off (alias `h`): the decision date while it stays accepted; once
 * returned, the return overwrote that date and the `handoff.accepted` audit entry keeps it.
 */
export const acceptedAt = (h: RawBuilder<unknown>) => sql`CASE ${h}.status WHEN 'accepted' THEN ${h}.decided_at
  WHEN 'returned' THEN (SELECT min(ae.at) FROM audit_log ae
    WHERE ae.entity_type = 'handoff' AND ae.entity_id = ${h}.id AND ae.action = 'handoff.accepted') END`;

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

/** Time in each stage: from the stage's date to the next one's. */
const medianStages = [
  ['hours_lead', 'f.captured_at', 'f.mql_at'],
  ['hours_mql', 'f.mql_at', 'f.sql_at'],
  ['hours_sql', 'f.sql_at', 'f.opp_at'],
  ['hours_opportunity', 'f.opp_at', 'f.won_at'],
] as const;

const hours = (from: string, to: string) => sql`date_part('epoch', ${sql.ref(to)} - ${sql.ref(from)}) / 3600`;

/** The leads a sales team owns or was handed, as the lead scope of a sales manager reads them. */
function ofTeam(team: { teamId: string | null; userId: string }) {
  const members = team.teamId
    ? sql`ARRAY(SELECT id FROM users WHERE team_id = ${team.teamId})`
    : sql`ARRAY[${team.userId}::text]`;
  return sql`(f.owner_id = any(${members}) OR f.rep_ids && ${members})`;
}

/**
 * The funnel's counts, leakage, medians and won amounts, each from the facts (repositories/
 * funnel-facts.ts) of the rows it needs: the counts and the disqualified leads summed from the
 * counts per slice and day (whole days, most slices) or counted over every lead's facts; the
 * medians over the leads that reached a stage; rejections, returns, losses and won amounts over
 * the side records. Totals
 * are the sums of the slices (every lead is in one slice); the medians' totals come from all the
 * slices' hours. Run in one repeatable-read transaction (the report's), they agree.
 */
export async function funnelFigures(db: Queryable, q: FunnelQuery): Promise<FunnelFigures> {
  // JIT compiles these statements for longer than they run.
  await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(db);
  const event = q.cohort === 'event';
  const within = (column: string) => sql`(${sql.ref(column)} >= ${q.from} AND ${sql.ref(column)} < ${q.until})`;
  // Capture cohort: every stage the cohort's leads reached. Event cohort: stages reached in the period.
  const reached = (column: string) => (event ? within(column) : sql`${sql.ref(column)} IS NOT NULL`);
  // Event cohort: a lead counts in the period if it entered a stage in it.
  const counted = event
    ? sql`(${within('f.captured_at')} OR ${within('f.mql_at')} OR ${within('f.sql_at')}
        OR ${within('f.opp_at')} OR ${within('f.won_at')})`
    : sql`true`;
  const ofCohort = sql`${event ? sql`true` : within('f.captured_at')} ${q.team ? sql`AND ${ofTeam(q.team)}` : sql``}`;
  const { key, label } = sliceKey(q);
  /** The facts of `table` in the cohort, with their slice key and whether they count in the period. */
  const cohortOf = (table: string) => sql`(SELECT f.*, ${key} AS key, ${label} AS label, ${counted} AS counted
    FROM ${sql.table(table)} f WHERE ${ofCohort}) f`;

  const { counts, disqualified } = rolledUp(q)
    ? await rollupCounts(db, q)
    : await factCounts(db, cohortOf, { event, within, reached });

  // Each slice's hours gathered once, unsorted (a hash aggregate, as float8 bytes: no array to
  // build or parse); the medians, the slices' and the total's, are taken here. Sorting in the
  // database (ordered-set aggregates, once per slice and again for the total) cost several times more.
  const hoursOf = await sql<HoursRow>`SELECT f.key, ${sql.join(
    medianStages.map(
      ([name, from, to]) =>
        sql`string_agg(float8send(${hours(from, to)}), ''::bytea) FILTER (WHERE ${reached(to)}) AS ${sql.ref(name)}`,
    ),
  )}
    FROM ${cohortOf('funnel_reached')}
    WHERE f.counted
    GROUP BY f.key`.execute(db);

  // Won deals count where their lead counts (event cohort: won in the period); drops in the period.
  const sides = await sql<SideRow>`SELECT f.key, f.kind, f.reason,
      CASE WHEN f.kind = 'won' THEN sum(f.amount) ELSE count(*) END AS side
    FROM ${cohortOf('funnel_side')}
    WHERE CASE WHEN f.kind = 'won' THEN f.counted ${event ? sql`AND ${within('f.at')}` : sql``}
      ELSE ${event ? within('f.at') : sql`true`} END
    GROUP BY f.key, f.kind, f.reason`.execute(db);

  return assembleFigures(q.currency, counts, disqualified, hoursOf.rows, sides.rows);
}

type Cohort = (table: string) => RawBuilder<unknown>;
type Conditions = {
  event: boolean;
  within: (column: string) => RawBuilder<unknown>;
  reached: (column: string) => RawBuilder<unknown>;
};

/** Counts and disqualified leads by counting every lead's facts of the cohort. */
async function factCounts(db: Queryable, cohortOf: Cohort, { event, within, reached }: Conditions) {
  const capturedIn = event ? sql`AND ${within('f.captured_at')}` : sql``;
  // Grouped by the slice alone: PostgreSQL aggregates in parallel workers when it expects few groups.
  const counts = await sql<CountRow>`SELECT f.key, min(f.label) AS label,
      count(*) FILTER (WHERE f.counted ${capturedIn}) AS leads,
      count(*) FILTER (WHERE f.counted ${capturedIn} AND (f.valid OR f.mql_at IS NOT NULL)) AS valid_leads,
      count(*) FILTER (WHERE ${reached('f.mql_at')}) AS mqls,
      count(*) FILTER (WHERE ${reached('f.sql_at')}) AS sqls,
      count(*) FILTER (WHERE ${reached('f.opp_at')}) AS opportunities,
      count(*) FILTER (WHERE ${reached('f.won_at')}) AS won
    FROM ${cohortOf('funnel_facts')}
    GROUP BY f.key`.execute(db);
  const disqualified = await sql<DisqualifiedRow>`SELECT f.key, f.status_reason AS reason, count(*) AS leads
    FROM ${cohortOf('funnel_facts')}
    WHERE f.status = 'disqualified' ${event ? sql`AND ${within('f.disqualified_at')}` : sql``}
    GROUP BY f.key, f.status_reason`.execute(db);

  return { counts: counts.rows, disqualified: disqualified.rows };
}

/** The slices funnel_rollup counts (not size: its bands follow a report rule that can change). */
const rolledUpDimensions: readonly FunnelDimension[] = ['channel', 'campaign', 'region', 'industry', 'sdr', 'rep'];

const midnight = (at: Date) => at.getTime() % 86_400_000 === 0;
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Whole UTC days of every lead, sliced by a rolled-up dimension: the counts per slice and day
 * (funnel_rollup) answer it. A sales team's funnel, a size slice or a period cut mid-day count the
 * facts themselves.
 */
const rolledUp = (q: FunnelQuery) =>
  !q.team && rolledUpDimensions.includes(q.by) && midnight(q.from) && midnight(q.until);

/** Counts and disqualified leads summed from the counts per slice and day. */
async function rollupCounts(db: Queryable, q: FunnelQuery) {
  const event = q.cohort === 'event';
  const days = sql`dimension = ${q.by} AND day >= ${utcDay(q.from)}::date AND day < ${utcDay(q.until)}::date`;
  const stage = (capture: string, reached: string) => sql.ref(event ? reached : capture);
  const counts = await sql<CountRow>`SELECT nullif(key, '') AS key, min(nullif(label, '')) AS label,
      sum(captured) AS leads, sum(valid) AS valid_leads, sum(${stage('captured_mql', 'mql')}) AS mqls,
      sum(${stage('captured_sql', 'sql')}) AS sqls, sum(${stage('captured_opportunity', 'opportunity')}) AS opportunities,
      sum(${stage('captured_won', 'won')}) AS won
    FROM funnel_rollup WHERE ${days}
    GROUP BY 1`.execute(db);
  const disqualified = await sql<DisqualifiedRow>`SELECT nullif(key, '') AS key, nullif(reason, '') AS reason,
      sum(${sql.ref(event ? 'disqualified' : 'captured')}) AS leads
    FROM funnel_rollup_disqualified WHERE ${days}
    GROUP BY 1, 2
    HAVING sum(${sql.ref(event ? 'disqualified' : 'captured')}) > 0`.execute(db);
  return { counts: counts.rows, disqualified: disqualified.rows };
}

type CountRow = {
  key: string | null;
  label: string | null;
  leads: number;
  valid_leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
};
/** Leads of a slice disqualified (event cohort: in the period) for a reason. */
type DisqualifiedRow = { key: string | null; reason: string | null; leads: number };
/** A slice's hours in each stage, big-endian float8s one after another (null: no lead made the step). */
type HoursRow = {
  key: string | null;
  hours_lead: Uint8Array | null;
  hours_mql: Uint8Array | null;
  hours_sql: Uint8Array | null;
  hours_opportunity: Uint8Array | null;
};
/** A kind of side record of a slice: reject, return or lose (count), won (amount; `reason`: its currency). */
type SideRow = { key: string | null; kind: string; reason: string | null; side: number };

const stageCounts = ['leads', 'validLeads', 'mqls', 'sqls', 'opportunities', 'won'] as const;

/** Big-endian float8s (PostgreSQL's float8send) as numbers. */
function float8s(bytes: Uint8Array | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8);
  return values;
}

function assembleFigures(
  currency: string,
  countRows: readonly CountRow[],
  disqualifiedRows: readonly DisqualifiedRow[],
  hoursRows: readonly HoursRow[],
  sideRows: readonly SideRow[],
): FunnelFigures {
  const slices = new Map<string | null, FunnelCountRow>();
  const total = emptyFunnelCounts(null, true);
  const leakage: LeakageRow[] = [];
  const sliceOf = (key: string | null) => {
    const row = slices.get(key) ?? emptyFunnelCounts(key, false);
    slices.set(key, row);
    return row;
  };
  for (const r of countRows) {
    const row = sliceOf(r.key);
    if (r.label !== null && (row.label === null || r.label < row.label)) row.label = r.label;
    const n = {
      leads: Number(r.leads),
      validLeads: Number(r.valid_leads),
      mqls: Number(r.mqls),
      sqls: Number(r.sqls),
      opportunities: Number(r.opportunities),
      won: Number(r.won),
    };
    for (const stage of stageCounts) {
      row[stage] += n[stage];
      total[stage] += n[stage];
    }
  }
  for (const r of disqualifiedRows)
    leakage.push({ key: r.key, kind: 'disqualify', reason: r.reason, count: Number(r.leads) });
  for (const r of sideRows) {
    const amount = Number(r.side);
    if (r.kind !== 'won') {
      if (amount > 0) leakage.push({ key: r.key, kind: r.kind as LeakageKind, reason: r.reason, count: amount });
      continue;
    }
    for (const row of [sliceOf(r.key), total]) {
      if (r.reason === currency) row.wonAmount += amount;
      else {
        const code = r.reason as string;
        row.wonAmountOtherCurrencies[code] = (row.wonAmountOtherCurrencies[code] ?? 0) + amount;
      }
    }
  }
  const stageHours = {
    hoursLead: 'hours_lead',
    hoursMql: 'hours_mql',
    hoursSql: 'hours_sql',
    hoursOpportunity: 'hours_opportunity',
  } as const;
  for (const [field, column] of Object.entries(stageHours) as [keyof typeof stageHours, keyof HoursRow][]) {
    const ofSlices = hoursRows.map((r) => ({ key: r.key, values: float8s(r[column] as Uint8Array | null) }));
    for (const { key, values } of ofSlices) {
      const row = slices.get(key);
      if (row) row[field] = medianOf(values);
    }
    total[field] = medianOf(concatValues(ofSlices.map((s) => s.values)));
  }
  // A slice with no lead counted in the period (only drops, or an event-cohort row of a lead
  // outside it) is no count row; its leakage is still reported by the service.
  const counts = [...slices.values()].filter((r) => stageCounts.some((stage) => r[stage] > 0));
  return { counts: [...counts, total], leakage };
}

/** A slice (or the totals) with nothing counted. */
export function emptyFunnelCounts(key: string | null, total: boolean): FunnelCountRow {
  return {
    key,
    total,
    label: null,
    leads: 0,
    validLeads: 0,
    mqls: 0,
    sqls: 0,
    opportunities: 0,
    won: 0,
    wonAmount: 0,
    wonAmountOtherCurrencies: {},
    hoursLead: null,
    hoursMql: null,
    hoursSql: null,
    hoursOpportunity: null,
  };
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
