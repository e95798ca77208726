/**
 * Scores in storage: what scoring reads about a batch of leads, the score kept on each lead,
 * the score ledger (history), and the scoring-rules versions (policy_versions, kind 'scoring').
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { ExplanationLine } from '../../domain/scoring/scoring-rules.js';
import type { Queryable } from '../db.js';
import { allInOne, insertRecordset, type RecordsetColumn, recordset } from '../recordset.js';
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
  if (ids.length === 0) return { leads: [], behaviours: new Map(), qualifications: new Map() };
  const anyId = sql<string>`any(${ids}::text[])`;
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
    .where('id', '=', anyId)
    .orderBy('id');
  if (options.lock) leadQuery = leadQuery.forUpdate();
  const leadRows = await leadQuery.execute();
  // Behaviours and answers in one round trip (after the lock: see above).
  const { rows: inputRows } = await sql<{
    kind: 'b' | 'q';
    lead_id: string;
    name: string;
    answers: Record<string, unknown> | null;
    at: Date | string;
  }>`SELECT 'b' AS kind, lead_id, type AS name, NULL::jsonb AS answers, occurred_at AS at
       FROM behaviours WHERE lead_id = ${anyId}
     UNION ALL
     SELECT 'q', lead_id, framework, answers, updated_at FROM qualifications WHERE lead_id = ${anyId}`.execute(db);
  const behaviourRows: { lead_id: string; type: string; occurred_at: Date | string }[] = [];
  const qualificationRows: {
    lead_id: string;
    framework: string;
    answers: Record<string, unknown>;
    updated_at: Date | string;
  }[] = [];
  for (const r of inputRows) {
    if (r.kind === 'b') behaviourRows.push({ lead_id: r.lead_id, type: r.name, occurred_at: r.at });
    else
      qualificationRows.push({
        lead_id: r.lead_id,
        framework: r.name,
        answers: r.answers as Record<string, unknown>,
        updated_at: r.at,
      });
  }

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
  /** The lead's row holds this score already (capture inserted the lead with it): only its ledger entry is written. */
  inRow?: boolean;
}

const scoreColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['score', 'integer'],
  ['grade', 'text'],
  ['fit', 'integer'],
  ['engagement', 'integer'],
  ['qualification', 'integer'],
  ['rules_version', 'integer'],
];

const ledgerColumns: RecordsetColumn[] = [
  ['id', 'text'],
  ['lead_id', 'text'],
  ['total', 'integer'],
  ['fit', 'integer'],
  ['engagement', 'integer'],
  ['qualification', 'integer'],
  ['grade', 'text'],
  ['explanation', 'jsonb'],
  ['cause', 'text'],
  ['at', 'timestamptz'],
];

/** Keeps each lead's score current and appends the changed ones to the ledger (one statement). */
export async function saveScores(trx: Transaction<Database>, writes: readonly ScoreWrite[], at: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += 10_000) {
    const chunk = writes.slice(i, i + 10_000);
    const rows = chunk.flatMap((w) =>
      w.inRow
        ? []
        : [
            {
              id: w.leadId,
              score: w.total,
              grade: w.grade,
              fit: w.fit,
              engagement: w.engagement,
              qualification: w.qualification,
              rules_version: w.rulesVersion,
            },
          ],
    );
    const statements = [];
    if (rows.length) {
      statements.push(sql`UPDATE leads SET
          score = v.score, grade = v.grade, score_fit = v.fit, score_engagement = v.engagement,
          score_qualification = v.qualification, score_rules_version = v.rules_version,
          scored_at = ${at}
        FROM ${recordset(rows, scoreColumns, 'v')}
        WHERE leads.id = v.id`);
    }
    const ledger = scoreLedgerInsert(chunk, at);
    if (ledger) statements.push(ledger);
    await allInOne(statements)?.execute(trx);
  }
}

/** The INSERT of these writes' ledger entries (those with one), or undefined when none has one. */
export function scoreLedgerInsert(writes: readonly ScoreWrite[], at: Date): RawBuilder<unknown> | undefined {
  const ledger = writes.flatMap((w) =>
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
            explanation: w.explanation,
            cause: w.ledger.cause,
            at,
          },
        ]
      : [],
  );
  return ledger.length ? insertRecordset('score_ledger', ledger, ledgerColumns) : undefined;
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
        // `<` or `>` rather than `<>`: a btree index (leads_score_rules) serves ranges, not `<>`,
        // so the sweep reads both indexes instead of every lead.
        eb('score_rules_version', '<', options.rulesVersion),
        eb('score_rules_version', '>', options.rulesVersion),
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
