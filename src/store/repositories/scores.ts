/**
 * Scores in storage: what scoring reads about a batch of leads, the score kept on each lead,
 * the score ledger (history), and the scoring-rules versions (policy_versions, kind 'scoring').
 */
import { sql, type Transaction } from 'kysely';
import type { ExplanationLine } from '../../domain/scoring/scoring-rules.js';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';

export interface StoredScore {
  id: string;
  title: string | null;
  employees: number | null;
  industry: string | null;
  regionCode: string | null;
  score: number;
  grade: string | null;
  fit: number;
  engagement: number;
  qualification: number;
  scoredAt: Date | null;
  rulesVersion: number;
}

export interface ScoringInputs {
  leads: StoredScore[];
  behaviours: Map<string, { type: string; at: Date }[]>;
  qualifications: Map<string, { framework: string; answers: Record<string, unknown>; updatedAt: Date }[]>;
}

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/**
 * Everything the score of these leads depends on. With `lock`, the leads are locked first (in
 * id order, so two batches never deadlock) and behaviours and answers read afterwards: a
 * concurrent change to the same lead commits before we read, so the last score written is
 * computed from everything committed.
 */
export async function loadScoringInputs(
  db: Queryable,
  leadIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<ScoringInputs> {
  const ids = [...new Set(leadIds)].sort();
  let leadQuery = db
    .selectFrom('leads')
    .select([
      'id',
      'title',
      'employees',
      'industry',
      'region_code',
      'score',
      'grade',
      'score_fit',
      'score_engagement',
      'score_qualification',
      'scored_at',
      'score_rules_version',
    ])
    .where('id', 'in', ids)
    .orderBy('id');
  if (options.lock) leadQuery = leadQuery.forUpdate();
  const leadRows = ids.length ? await leadQuery.execute() : [];
  const [behaviourRows, qualificationRows] = ids.length
    ? [
        await db
          .selectFrom('behaviours')
          .select(['lead_id', 'type', 'occurred_at'])
          .where('lead_id', 'in', ids)
          .execute(),
        await db
          .selectFrom('qualifications')
          .select(['lead_id', 'framework', 'answers', 'updated_at'])
          .where('lead_id', 'in', ids)
          .execute(),
      ]
    : [[], []];

  const behaviours = new Map<string, { type: string; at: Date }[]>();
  for (const b of behaviourRows) {
    const list = behaviours.get(b.lead_id as string) ?? [];
    list.push({ type: b.type, at: date(b.occurred_at) });
    behaviours.set(b.lead_id as string, list);
  }
  const qualifications = new Map<string, { framework: string; answers: Record<string, unknown>; updatedAt: Date }[]>();
  for (const q of qualificationRows) {
    const list = qualifications.get(q.lead_id) ?? [];
    list.push({ framework: q.framework, answers: q.answers, updatedAt: date(q.updated_at) });
    qualifications.set(q.lead_id, list);
  }
  return {
    leads: leadRows.map((r) => ({
      id: r.id,
      title: r.title,
      employees: r.employees,
      industry: r.industry,
      regionCode: r.region_code,
      score: r.score,
      grade: r.grade,
      fit: r.score_fit,
      engagement: r.score_engagement,
      qualification: r.score_qualification,
      scoredAt: r.scored_at === null ? null : date(r.scored_at),
      rulesVersion: r.score_rules_version,
    })),
    behaviours,
    qualifications,
  };
}

export interface ScoreWrite {
  leadId: string;
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
  explanation: readonly ExplanationLine[];
  rulesVersion: number;
  /** A ledger entry is written only for a score that changed (or the first one). */
  ledger: { id: string; cause: string } | null;
}

/** Keeps each lead's score current and appends the changed ones to the ledger. */
export async function saveScores(trx: Transaction<Database>, writes: readonly ScoreWrite[], at: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += 1000) {
    const chunk = writes.slice(i, i + 1000);
    const rows = chunk.map((w) => ({
      id: w.leadId,
      score: w.total,
      grade: w.grade,
      fit: w.fit,
      engagement: w.engagement,
      qualification: w.qualification,
      rules_version: w.rulesVersion,
    }));
    await sql`UPDATE leads SET
        score = v.score, grade = v.grade, score_fit = v.fit, score_engagement = v.engagement,
        score_qualification = v.qualification, score_rules_version = v.rules_version,
        scored_at = ${at}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
        id text, score integer, grade text, fit integer, engagement integer, qualification integer,
        rules_version integer)
      WHERE leads.id = v.id`.execute(trx);
    const ledger = chunk.flatMap((w) =>
      w.ledger
        ? [
            {
              id: w.ledger.id,
              lead_id: w.leadId,
              total: w.total,
              fit: w.fit,
              engagement: w.engagement,
              qualification: w.qualification,
              grade: w.grade,
              explanation: JSON.stringify(w.explanation),
              cause: w.ledger.cause,
              at,
            },
          ]
        : [],
    );
    if (ledger.length) await trx.insertInto('score_ledger').values(ledger).execute();
  }
}

/**
 * Live leads whose stored score is stale: computed with older rules, or still carrying
 * engagement that has decayed since `decayedBefore`.
 */
export async function findStaleScores(
  db: Queryable,
  options: { rulesVersion: number; decayedBefore: Date; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('leads')
    .select('id')
    .where('history', '=', false)
    .where((eb) =>
      eb.or([
        eb('score_rules_version', '<>', options.rulesVersion),
        eb.and([eb('score_engagement', '<>', 0), eb('scored_at', '<=', options.decayedBefore)]),
      ]),
    )
    .limit(options.limit)
    // Several sweepers (processes sharing one PostgreSQL) take different leads.
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

export async function listScoreHistory(db: Queryable, leadId: string, options: { beforeSeq?: number; limit: number }) {
  let query = db
    .selectFrom('score_ledger')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('seq', 'desc')
    .limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return query.execute();
}

export interface StoredRules {
  id: string;
  version: number;
  body: object;
  createdAt: Date;
  createdBy: string | null;
}

export async function latestScoringRules(db: Queryable): Promise<StoredRules | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .select(['id', 'version', 'body', 'created_at', 'proposed_by'])
    .where('kind', '=', 'scoring')
    .where('status', '=', 'approved')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      version: row.version,
      body: row.body,
      createdAt: date(row.created_at),
      createdBy: row.proposed_by,
    }
  );
}

export async function insertScoringRules(trx: Transaction<Database>, rules: StoredRules): Promise<void> {
  await trx
    .insertInto('policy_versions')
    .values({
      id: rules.id,
      kind: 'scoring',
      version: rules.version,
      body: JSON.stringify(rules.body),
      status: 'approved',
      effective_from: rules.createdAt,
      proposed_by: rules.createdBy,
      created_at: rules.createdAt,
    })
    .execute();
}
