/**
 * What the predictive model learns from and scores (SPEC §4.3), read as it stood at a cut-off:
 * behaviours and touches before it, qualification answers saved before it. For training the
 * cut-off of a lead that reached the target stage is the moment it did (nothing that happened
 * after the outcome leaks into its features); for every other lead, and for scoring, it is now
 * (or a past moment a simulation looks back at).
 */
import { sql, type Transaction } from 'kysely';
import type { LeadFeatureSource } from '../../domain/lead-features/lead-feature-source.js';
import type { ModelTarget } from '../../domain/lead-features/model-target.js';
import type { DB } from '../db.js';
import type { Database, SourceRecord } from '../schema.js';

/** When the lead reached the target stage: the accepted hand-off, the opportunity, the win. */
function reachedAt(target: ModelTarget) {
  switch (target) {
    case 'sql':
      return sql`(SELECT min(h.decided_at) FROM handoffs h
        WHERE h.lead_id = l.id AND h.status IN ('accepted', 'returned'))`;
    case 'opportunity':
      return sql`(SELECT min(o.created_at) FROM opportunities o WHERE o.lead_id = l.id AND o.stage <> 'withdrawn')`;
    case 'won':
      return sql`(SELECT min(o.closed_at) FROM opportunities o WHERE o.lead_id = l.id AND o.stage = 'won')`;
  }
}

/** Statuses at or past the target (a lead moved there without the usual records keeps its last change). */
const statusesPast: Record<ModelTarget, readonly string[]> = {
  sql: ['sql', 'opportunity', 'won', 'lost'],
  opportunity: ['opportunity', 'won', 'lost'],
  won: ['won'],
};

interface LeadRow {
  id: string;
  created_at: Date | string;
  history: boolean;
  status: string;
  outcome: string | null;
  channel_id: string | null;
  utm: SourceRecord['utm'] | null;
  region_code: string | null;
  industry: string | null;
  employees: number | null;
  title: string | null;
  fields: Record<string, unknown>;
  reached_at: Date | string | null;
  cutoff: Date | string;
}

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** Leads read per transaction: a short one, so other requests get their turn between them. */
const CHUNK = 5_000;

/**
 * Every lead's sources (`leadIds` omitted: all leads, live and history, in capture order —
 * training), or these leads' (scoring). Training reads each lead up to when it reached `target`
 * (else now); scoring reads them as they are now, or, with `asOf`, as they stood then (or when
 * they reached `target`, if earlier: the way the model learned them). Read in chunks: on the
 * embedded database a query holds the one thread the server answers on.
 */
export async function loadLeadFeatureSources(
  db: DB,
  options: { target: ModelTarget; now: Date; leadIds?: readonly string[]; asOf?: Date },
): Promise<LeadFeatureSource[]> {
  const training = options.leadIds === undefined;
  const ids =
    options.leadIds ??
    (await db.selectFrom('leads').select('id').orderBy('created_at').orderBy('id').execute()).map((r) => r.id);
  const cut = {
    target: options.target,
    at: options.asOf ?? options.now,
    stopAtTarget: training || options.asOf !== undefined,
  };
  const sources: LeadFeatureSource[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = await loadChunk(db, ids.slice(i, i + CHUNK), cut);
    // in the order asked for (training's examples in capture order: the hold-out split's ties
    // are drawn in this order)
    for (const id of ids.slice(i, i + CHUNK)) {
      const source = chunk.get(id);
      if (source) sources.push(source);
    }
  }
  return sources;
}

async function loadChunk(
  db: DB,
  ids: readonly string[],
  cut: { target: ModelTarget; at: Date; stopAtTarget: boolean },
): Promise<Map<string, LeadFeatureSource>> {
  const { target, at, stopAtTarget } = cut;
  return db.transaction().execute(async (trx) => {
    // Created, then filled: PostgreSQL takes no bind parameters in CREATE TABLE … AS.
    await sql`CREATE TEMP TABLE feature_cut (id text PRIMARY KEY, reached_at timestamptz, cutoff timestamptz NOT NULL)
      ON COMMIT DROP`.execute(trx);
    const reached = stopAtTarget
      ? sql`CASE WHEN l.history THEN NULL
              ELSE COALESCE(${reachedAt(target)},
                            CASE WHEN l.status = ANY(${statusesPast[target]}::text[]) THEN l.updated_at END)
            END`
      : sql`NULL::timestamptz`;
    // LEAST ignores a NULL: a lead that never reached the target is read as at `at`.
    await sql`INSERT INTO feature_cut (id, reached_at, cutoff)
      SELECT id, reached_at, ${stopAtTarget ? sql`LEAST(reached_at, ${at}::timestamptz)` : sql`${at}::timestamptz`}
      FROM (SELECT l.id, ${reached} AS reached_at FROM leads l WHERE l.id = ANY(${[...ids]}::text[])) AS r`.execute(
      trx,
    );
    const leads = await sql<LeadRow>`SELECT l.id, l.created_at, l.history, l.status, l.outcome, l.channel_id,
        l.original_source->'utm' AS utm, l.region_code, l.industry, l.employees, l.title, l.fields,
        c.reached_at, c.cutoff
      FROM leads l JOIN feature_cut c ON c.id = l.id`.execute(trx);
    const sources = new Map<string, LeadFeatureSource>();
    for (const r of leads.rows) {
      sources.set(r.id, {
        id: r.id,
        createdAt: toDate(r.created_at),
        history: r.history,
        status: r.status,
        outcome: r.outcome,
        channel: r.channel_id,
        utm: r.utm ?? null,
        regionCode: r.region_code,
        industry: r.industry,
        employees: r.employees,
        title: r.title,
        fields: r.fields ?? {},
        reachedAt: r.reached_at === null ? null : toDate(r.reached_at),
        cutoff: toDate(r.cutoff),
        behaviours: [],
        activities: [],
        answers: [],
      });
    }
    await addTouches(trx, sources);
    return sources;
  });
}

async function addTouches(trx: Transaction<Database>, sources: Map<string, LeadFeatureSource>): Promise<void> {
  const behaviours = await sql<{ lead_id: string; type: string; n: number; last: Date | string }>`
    SELECT b.lead_id, b.type, count(*)::int AS n, max(b.occurred_at) AS last
    FROM behaviours b JOIN feature_cut c ON c.id = b.lead_id
    WHERE b.occurred_at < c.cutoff GROUP BY b.lead_id, b.type`.execute(trx);
  for (const r of behaviours.rows) {
    sources.get(r.lead_id)?.behaviours.push({ type: r.type, count: r.n, last: toDate(r.last) });
  }
  const activities = await sql<{ lead_id: string; type: string; n: number; seconds: number }>`
    SELECT a.lead_id, a.type, count(*)::int AS n, COALESCE(sum(a.duration_sec), 0)::int AS seconds
    FROM activities a JOIN feature_cut c ON c.id = a.lead_id
    WHERE a.occurred_at < c.cutoff GROUP BY a.lead_id, a.type`.execute(trx);
  for (const r of activities.rows) {
    sources.get(r.lead_id)?.activities.push({ type: r.type, count: r.n, durationSec: r.seconds });
  }
  const answers = await sql<{ lead_id: string; framework: string; answers: Record<string, unknown> }>`
    SELECT q.lead_id, q.framework, q.answers
    FROM qualifications q JOIN feature_cut c ON c.id = q.lead_id
    WHERE q.updated_at <= c.cutoff`.execute(trx);
  for (const r of answers.rows) {
    sources.get(r.lead_id)?.answers.push({ framework: r.framework, answers: r.answers ?? {} });
  }
}
