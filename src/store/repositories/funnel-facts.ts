/**
 * The funnel's facts per lead (migration 022): what repositories/reports.ts groups instead of
 * joining every lead to its records on each read. One row per live lead (history leads are not in
 * the funnel): capture date, the keys of every slice, validity, status and disqualify reason, and
 * the stage dates, each from the records that prove it: the first hand-off (MQL), the first
 * acceptance of one (SQL — a returned hand-off has lost its acceptance date on the row, the audit
 * log keeps it), the first opportunity, the first win. The leads that reached a stage are copied to
 * funnel_reached (the medians read them alone). Side records, one row each with a copy of the
 * lead's facts: rejected and returned hand-offs (the rep's reason), lost opportunities (their
 * reason text), won deals (their currency and amount).
 *
 * Triggers append every changed lead to funnel_dirty; refreshFactsBatch recomputes those leads, a
 * batch per transaction, under one lock (two processes never compute the same lead at once). The
 * delete of a batch's marks and the reads of its leads are separate statements, so every change
 * whose mark a batch took was committed before the batch read the lead; a change committed later
 * leaves a mark for the next refresh.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DefinitionCriterion } from '../../domain/definitions/definition-body.js';
import { lockOwnKey } from '../advisory-locks.js';
import type { Database } from '../schema.js';
import { acceptedAt } from './reports.js';

export interface ValidLeadSpan {
  from: Date;
  until: Date | null;
  criteria: readonly DefinitionCriterion[];
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
 * `h.sql_at`, `o.opp_at` in scope): the same meaning as domain/definitions/evaluate-definition.ts,
 * for many leads at once.
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

/** The stored validity was judged by these spans; other spans (a new definition version): judge every lead again. */
export async function rebaseFunnelFacts(trx: Transaction<Database>, spans: readonly ValidLeadSpan[]): Promise<void> {
  const basis = JSON.stringify(spans);
  await lockOwnKey(trx, 'funnel-facts');
  const stored = await sql<{ valid_lead: string }>`SELECT valid_lead FROM funnel_facts_basis WHERE id = 1`.execute(trx);
  if (stored.rows[0]?.valid_lead === basis) return;
  await sql`INSERT INTO funnel_dirty (lead_id) SELECT id FROM leads`.execute(trx);
  await sql`INSERT INTO funnel_facts_basis (id, valid_lead) VALUES (1, ${basis})
    ON CONFLICT (id) DO UPDATE SET valid_lead = excluded.valid_lead`.execute(trx);
}

/**
 * Recomputes the facts of up to `batch` marked leads in this transaction; returns how many marks
 * it took (0: nothing was left to do).
 */
export async function refreshFactsBatch(
  trx: Transaction<Database>,
  spans: readonly ValidLeadSpan[],
  batch: number,
): Promise<number> {
  await lockOwnKey(trx, 'funnel-facts');
  const taken = await sql<{ lead_id: string }>`DELETE FROM funnel_dirty
    WHERE seq IN (SELECT seq FROM funnel_dirty ORDER BY seq LIMIT ${batch}) RETURNING lead_id`.execute(trx);
  if (taken.rows.length === 0) return 0;
  const ids = [...new Set(taken.rows.map((r) => r.lead_id))];
  await sql`TRUNCATE funnel_fresh`.execute(trx);
  await sql`INSERT INTO funnel_fresh (lead_id, captured_at, channel_id, campaign, region_key, region_label, industry,
      employees, owner_id, sdr_key, rep_key, rep_ids, valid, status, status_reason, disqualified_at,
      mql_at, sql_at, opp_at, won_at)
    SELECT l.id, l.created_at, l.channel_id, ${text(sql`l.original_source -> 'utm' ->> 'campaign'`)},
      coalesce(l.region_code, ${text(sql`l.region`)}), ${text(sql`l.region`)}, ${text(sql`l.industry`)},
      l.employees, l.owner_id, CASE WHEN h.lead_id IS NOT NULL THEN h.sdr_id ELSE l.owner_id END, h.rep_id,
      coalesce(h.rep_ids, '{}'), ${validLeadCondition(spans)}, l.status, l.status_reason, dq.at,
      h.mql_at, h.sql_at, o.opp_at, o.won_at
    FROM leads l
    LEFT JOIN (${handoffFacts(ids)}) h ON h.lead_id = l.id
    LEFT JOIN (SELECT op.lead_id, min(op.created_at) AS opp_at,
        min(op.closed_at) FILTER (WHERE op.stage = 'won') AS won_at
      FROM opportunities op WHERE op.lead_id = any(${ids}::text[]) GROUP BY op.lead_id) o ON o.lead_id = l.id
    LEFT JOIN (SELECT lead_id, max(at) AS at FROM audit_log
      WHERE action = 'lead.disqualified' AND lead_id = any(${ids}::text[]) GROUP BY lead_id) dq ON dq.lead_id = l.id
    WHERE l.id = any(${ids}::text[]) AND l.history = false`.execute(trx);
  // The leads whose facts changed (or that came or went): only they move the rollups.
  const changed = await sql<{ id: string }>`SELECT id FROM unnest(${ids}::text[]) AS id
    LEFT JOIN funnel_fresh n ON n.lead_id = id LEFT JOIN funnel_facts o ON o.lead_id = id
    WHERE ROW(o.*) IS DISTINCT FROM ROW(n.*)`.execute(trx);
  const moved = changed.rows.map((r) => r.id);
  await addToRollups(trx, moved, -1);
  await sql`DELETE FROM funnel_facts WHERE lead_id = any(${moved}::text[])`.execute(trx);
  await sql`DELETE FROM funnel_reached WHERE lead_id = any(${moved}::text[])`.execute(trx);
  await sql`INSERT INTO funnel_facts SELECT * FROM funnel_fresh WHERE lead_id = any(${moved}::text[])`.execute(trx);
  await sql`INSERT INTO funnel_reached SELECT * FROM funnel_fresh
    WHERE lead_id = any(${moved}::text[]) AND (mql_at IS NOT NULL OR opp_at IS NOT NULL)`.execute(trx);
  await addToRollups(trx, moved, 1);
  // Side records can change while the facts stay (a second rejection): replaced for every lead.
  await sql`DELETE FROM funnel_side WHERE lead_id = any(${ids}::text[])`.execute(trx);
  await sql`INSERT INTO funnel_side SELECT f.*, x.kind, x.reason, x.at, x.amount
    FROM funnel_facts f JOIN (
      SELECT hs.lead_id, CASE WHEN hs.status = 'rejected' THEN 'reject' ELSE 'return' END AS kind,
        hs.decision_reason AS reason, hs.decided_at AS at, NULL::numeric AS amount
      FROM handoffs hs WHERE hs.status IN ('rejected', 'returned') AND hs.lead_id = any(${ids}::text[])
      UNION ALL
      SELECT op.lead_id, CASE op.stage WHEN 'lost' THEN 'lose' ELSE 'won' END,
        CASE op.stage WHEN 'lost' THEN ${text(sql`op.reason`)} ELSE op.currency END,
        op.closed_at, CASE op.stage WHEN 'won' THEN op.amount END
      FROM opportunities op WHERE op.stage IN ('lost', 'won') AND op.lead_id = any(${ids}::text[])
    ) x ON x.lead_id = f.lead_id
    WHERE f.lead_id = any(${ids}::text[])`.execute(trx);
  return taken.rows.length;
}

/**
 * Adds the facts of these leads to the counts per slice and day (`sign` -1: takes them out, before
 * their facts are replaced), for the slices of reports.ts's rolledUpDimensions. The rollups are the
 * sums of the facts now stored, whatever the order their leads were refreshed in.
 */
async function addToRollups(trx: Transaction<Database>, ids: readonly string[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return;
  const day = (column: string) => sql`(${sql.ref(column)} AT TIME ZONE 'UTC')::date`;
  const ifReached = (column: string) => sql`CASE WHEN ${sql.ref(column)} IS NOT NULL THEN ${day('f.captured_at')} END`;
  const slices = sql`CROSS JOIN LATERAL (VALUES ('channel', f.channel_id, NULL::text), ('campaign', f.campaign, NULL),
      ('region', f.region_key, f.region_label), ('industry', f.industry, NULL), ('sdr', f.sdr_key, NULL),
      ('rep', f.rep_key, NULL)) d (dimension, key, label)`;
  const measures = [
    'captured',
    'valid',
    'captured_mql',
    'captured_sql',
    'captured_opportunity',
    'captured_won',
    'mql',
    'sql',
    'opportunity',
    'won',
  ];
  await sql`INSERT INTO funnel_rollup (dimension, day, key, label, ${sql.raw(measures.join(', '))})
    SELECT d.dimension, m.day, coalesce(d.key, ''), coalesce(d.label, ''),
      ${sql.join(measures.map((measure) => sql`${sign} * count(*) FILTER (WHERE m.measure = ${measure})`))}
    FROM funnel_facts f
    ${slices}
    CROSS JOIN LATERAL (VALUES
      ('captured', ${day('f.captured_at')}),
      ('valid', CASE WHEN f.valid OR f.mql_at IS NOT NULL THEN ${day('f.captured_at')} END),
      ('captured_mql', ${ifReached('f.mql_at')}),
      ('captured_sql', ${ifReached('f.sql_at')}),
      ('captured_opportunity', ${ifReached('f.opp_at')}),
      ('captured_won', ${ifReached('f.won_at')}),
      ('mql', ${day('f.mql_at')}),
      ('sql', ${day('f.sql_at')}),
      ('opportunity', ${day('f.opp_at')}),
      ('won', ${day('f.won_at')})
    ) m (measure, day)
    WHERE f.lead_id = any(${[...ids]}::text[]) AND m.day IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (dimension, day, key, label) DO UPDATE SET
      ${sql.join(measures.map((measure) => sql`${sql.ref(measure)} = funnel_rollup.${sql.ref(measure)} + excluded.${sql.ref(measure)}`))}`.execute(
    trx,
  );
  await sql`INSERT INTO funnel_rollup_disqualified (dimension, day, key, reason, captured, disqualified)
    SELECT d.dimension, m.day, coalesce(d.key, ''), coalesce(f.status_reason, ''),
      ${sign} * count(*) FILTER (WHERE m.measure = 'captured'), ${sign} * count(*) FILTER (WHERE m.measure = 'disqualified')
    FROM funnel_facts f
    ${slices}
    CROSS JOIN LATERAL (VALUES ('captured', ${day('f.captured_at')}), ('disqualified', ${day('f.disqualified_at')}))
      m (measure, day)
    WHERE f.lead_id = any(${[...ids]}::text[]) AND f.status = 'disqualified' AND m.day IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (dimension, day, key, reason) DO UPDATE SET captured = funnel_rollup_disqualified.captured + excluded.captured,
      disqualified = funnel_rollup_disqualified.disqualified + excluded.disqualified`.execute(trx);
}

/**
 * After many marks: statistics of the facts now, and the taken marks vacuumed away (each refresh
 * reads the oldest marks first, and would step over every dead one until autovacuum came round).
 */
export async function tidyFunnelFacts(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE funnel_facts, funnel_reached, funnel_side, funnel_rollup, funnel_rollup_disqualified`.execute(db);
  await sql`VACUUM funnel_dirty`.execute(db);
}

/**
 * The hand-offs of each lead: MQL and SQL times, every rep it was handed to (a sales team's
 * funnel), and the hand-off that took the lead furthest (the one its opportunity follows, else an
 * accepted one, else the latest) — the SDR who made it is the SDR who owned the lead when it
 * qualified (§8.4).
 */
function handoffFacts(ids: readonly string[]): RawBuilder<unknown> {
  const furthest = sql`ORDER BY (ho.handoff_id IS NOT NULL) DESC, (hs.status IN ('accepted', 'returned')) DESC,
    hs.created_at DESC, hs.id DESC`;
  return sql`SELECT hs.lead_id, min(hs.created_at) AS mql_at, min(${acceptedAt(sql`hs`)}) AS sql_at,
      (array_agg(hs.sdr_id ${furthest}))[1] AS sdr_id, (array_agg(hs.rep_id ${furthest}))[1] AS rep_id,
      array_agg(DISTINCT hs.rep_id) FILTER (WHERE hs.rep_id IS NOT NULL) AS rep_ids
    FROM handoffs hs
    LEFT JOIN (SELECT DISTINCT handoff_id FROM opportunities
        WHERE handoff_id IS NOT NULL AND lead_id = any(${[...ids]}::text[])) ho ON ho.handoff_id = hs.id
    WHERE hs.lead_id = any(${[...ids]}::text[])
    GROUP BY hs.lead_id`;
}
