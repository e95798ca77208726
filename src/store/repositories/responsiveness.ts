/**
 * SQL of the sales-responsiveness report (SPEC §8.3, §6.2): the hand-offs reps received in a
 * period, counted per rep or per team with a totals row (GROUPING SETS) in the database. A
 * hand-off reaches its rep when it is created with one, or when the dispatch board gives it one
 * (`resolved_at`). Its decision is the first one the rep made: the acceptance or the rejection.
 * A returned hand-off lost its acceptance date on the row (the return overwrote decided_at); the
 * `handoff.accepted` audit entry keeps it.
 */
import { type RawBuilder, sql } from 'kysely';
import type {
  ResponsivenessCounts,
  ResponsivenessDimension,
  ResponsivenessReasonKind,
} from '../../domain/reports/responsiveness.js';
import type { Queryable } from '../db.js';

export interface ResponsivenessQuery {
  by: ResponsivenessDimension;
  from: Date;
  until: Date;
  now: Date;
  /** Only the reps of this team (a sales manager's view); undefined: every rep. */
  teamId?: string | null;
}

export interface ResponsivenessCountRow extends ResponsivenessCounts {
  /** rep id or team id; null: reps in no team (by=team). */
  key: string | null;
  label: string | null;
  /** The totals row over every slice. */
  total: boolean;
}

export interface ResponsivenessReasonRow {
  key: string | null;
  total: boolean;
  kind: ResponsivenessReasonKind;
  code: string | null;
  labelZh: string | null;
  labelEn: string | null;
  count: number;
}

/** One row per hand-off received in the period, with its slice and its first decision. */
function facts(q: ResponsivenessQuery): RawBuilder<unknown> {
  const key = q.by === 'rep' ? sql`h.rep_id` : sql`u.team_id`;
  const label = q.by === 'rep' ? sql`u.name` : sql`t.name`;
  const scope = q.teamId === undefined ? sql`` : sql`AND u.team_id = ${q.teamId}`;
  return sql`SELECT h.id, h.status, h.due_at, h.breached_at, h.decision_reason,
      ${key} AS key, ${label} AS label,
      coalesce(h.resolved_at, h.created_at) AS received_at,
      CASE h.status
        WHEN 'accepted' THEN h.decided_at
        WHEN 'rejected' THEN h.decided_at
        WHEN 'returned' THEN (SELECT min(ae.at) FROM audit_log ae
          WHERE ae.entity_type = 'handoff' AND ae.entity_id = h.id AND ae.action = 'handoff.accepted')
      END AS decided_at
    FROM handoffs h
    JOIN users u ON u.id = h.rep_id
    LEFT JOIN teams t ON t.id = u.team_id
    WHERE h.rep_id IS NOT NULL
      AND coalesce(h.resolved_at, h.created_at) >= ${q.from}
      AND coalesce(h.resolved_at, h.created_at) < ${q.until}
      ${scope}`;
}

const hoursToDecision = sql`extract(epoch FROM (decided_at - received_at))::float8 / 3600`;

export async function responsivenessCounts(db: Queryable, q: ResponsivenessQuery): Promise<ResponsivenessCountRow[]> {
  const result = await sql<{
    key: string | null;
    total: number;
    label: string | null;
    received: number;
    accepted: number;
    rejected: number;
    returned: number;
    recalled: number;
    pending: number;
    on_time: number;
    sla_due: number;
    breaches: number;
    median_hours: number | null;
    p90_hours: number | null;
  }>`WITH facts AS (${facts(q)})
    SELECT key, grouping(key) AS total, min(label) AS label,
      count(*) AS received,
      count(*) FILTER (WHERE status IN ('accepted', 'returned')) AS accepted,
      count(*) FILTER (WHERE status = 'rejected') AS rejected,
      count(*) FILTER (WHERE status = 'returned') AS returned,
      count(*) FILTER (WHERE status = 'recalled') AS recalled,
      count(*) FILTER (WHERE status = 'pending') AS pending,
      count(*) FILTER (WHERE decided_at IS NOT NULL AND breached_at IS NULL
        AND (due_at IS NULL OR decided_at <= due_at)) AS on_time,
      count(*) FILTER (WHERE decided_at IS NOT NULL OR due_at <= ${q.now}) AS sla_due,
      count(*) FILTER (WHERE breached_at IS NOT NULL) AS breaches,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hoursToDecision}) AS median_hours,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hoursToDecision}) AS p90_hours
    FROM facts
    GROUP BY GROUPING SETS ((key), ())`.execute(db);
  return result.rows.map((r) => ({
    key: r.key,
    total: Number(r.total) === 1,
    label: r.label,
    received: Number(r.received),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    returned: Number(r.returned),
    recalled: Number(r.recalled),
    pending: Number(r.pending),
    onTime: Number(r.on_time),
    slaDue: Number(r.sla_due),
    breaches: Number(r.breaches),
    medianHours: r.median_hours === null ? null : Number(r.median_hours),
    p90Hours: r.p90_hours === null ? null : Number(r.p90_hours),
  }));
}

/** Reject and return reasons of the hand-offs received in the period, per slice and in total, with labels. */
export async function responsivenessReasons(db: Queryable, q: ResponsivenessQuery): Promise<ResponsivenessReasonRow[]> {
  const result = await sql<{
    key: string | null;
    total: number;
    kind: ResponsivenessReasonKind;
    code: string | null;
    label_zh: string | null;
    label_en: string | null;
    count: number;
  }>`WITH facts AS (${facts(q)}),
    reasons_given AS (
      SELECT key, CASE WHEN status = 'rejected' THEN 'reject' ELSE 'return' END AS kind, decision_reason AS code
      FROM facts WHERE status IN ('rejected', 'returned')
    )
    SELECT g.key, g.total, g.kind, g.code, r.label_zh, r.label_en, g.count
    FROM (SELECT key, grouping(key) AS total, kind, code, count(*) AS count
        FROM reasons_given GROUP BY GROUPING SETS ((key, kind, code), (kind, code))) g
    LEFT JOIN reasons r ON r.kind = g.kind AND r.code = g.code`.execute(db);
  return result.rows.map((r) => ({
    key: r.key,
    total: Number(r.total) === 1,
    kind: r.kind,
    code: r.code,
    labelZh: r.label_zh,
    labelEn: r.label_en,
    count: Number(r.count),
  }));
}
