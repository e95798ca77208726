/**
 * Keeping scores current (SPEC §4.3). Whatever changes an input of a lead's score — capture,
 * a merge, an enrichment fill, a behaviour, a qualification answer — calls `rescoreLeads` in
 * its own transaction, so the score on the lead never disagrees with what it was computed
 * from. Decay and rules changes are caught by the sweep (refresh-stale-scores.ts) and by
 * reading a score (lead-score.ts).
 *
 * Every change of the score (or the first score) appends a ledger entry with its cause.
 */
import type { Transaction } from 'kysely';
import type { Answers, Framework } from '../../domain/qualification/framework.js';
import { qualificationPoints } from '../../domain/qualification/qualification-points.js';
import type { LeadScore } from '../../domain/scoring/score-lead.js';
import { type ExplanationLine, explanationLineOf } from '../../domain/scoring/scoring-rules.js';
import type { Queryable } from '../../store/db.js';
import {
  loadScoringInputs,
  type ScoreWrite,
  type ScoringInputs,
  type StoredScore,
  saveScores,
} from '../../store/repositories/scores.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { listFrameworks } from '../frameworks.js';
import { resurfaceOnScores } from '../pool/resurface-leads.js';
import { type RulesInForce, scoringRulesInForce } from './rules-in-force.js';

export interface ComputedScore {
  stored: StoredScore;
  score: LeadScore;
  rulesVersion: number;
  /** The framework whose answers gave the qualification points, if any. */
  framework: string | null;
  changed: boolean;
}

export interface ScoreOptions {
  /** The rules in force, when the caller has read them already. */
  rules?: RulesInForce;
  /**
   * Leads whose stored score is provisional: capture inserted them with a first score that a
   * change in the same transaction (stitched behaviour) has overtaken. They are scored as for
   * the first time — a ledger entry whatever the score, no crossing of the pool threshold.
   */
  firstScores?: ReadonlySet<string>;
  /** What the scores are computed from, when the caller has read it already (one transfer's lead). */
  inputs?: ScoringInputs;
  /** The qualification frameworks in force, when the caller has read them already. */
  frameworks?: readonly Framework[];
}

/** Scores computed now, next to what is stored; nothing is written. */
export async function computeScores(
  db: Queryable,
  ctx: ServiceContext,
  leadIds: readonly string[],
  options: ScoreOptions & { lock?: boolean } = {},
): Promise<ComputedScore[]> {
  if (leadIds.length === 0) return [];
  const rules = options.rules ?? (await scoringRulesInForce(db));
  const inputs = options.inputs ?? (await loadScoringInputs(db, leadIds, options));
  const frameworks = inputs.qualifications.size ? (options.frameworks ?? (await listFrameworks(db))) : [];
  const now = ctx.clock.now();
  return inputs.leads.map((loaded) => {
    const stored = options.firstScores?.has(loaded.id) ? { ...loaded, scoredAt: null } : loaded;
    const qualification = bestQualification(inputs.qualifications.get(stored.id) ?? [], frameworks);
    const score = rules.scorer.score(
      {
        lead: stored,
        behaviours: inputs.behaviours.get(stored.id) ?? [],
        qualificationLines: qualification.lines,
      },
      now,
    );
    const changed =
      stored.scoredAt === null ||
      score.total !== stored.score ||
      score.grade !== stored.grade ||
      score.fit !== stored.fit ||
      score.engagement !== stored.engagement ||
      score.qualification !== stored.qualification;
    return { stored, score, rulesVersion: rules.version, framework: qualification.framework, changed };
  });
}

/**
 * Recomputes and stores the scores of these leads inside the caller's transaction.
 * `written`: first scores capture inserted with their leads, whose ledger entries go in the
 * same statement as these scores; `at`: when they were scored (default now).
 */
export async function rescoreLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
  cause: string,
  options: ScoreOptions & { written?: readonly ScoreWrite[]; at?: Date } = {},
): Promise<ComputedScore[]> {
  const computed = await computeScores(trx, ctx, leadIds, { ...options, lock: true });
  const writes: ScoreWrite[] = computed.map(({ stored, score, rulesVersion, changed }) => ({
    leadId: stored.id,
    ...score,
    rulesVersion,
    ledger: changed ? { id: ctx.newId(), cause: causeOf(stored, rulesVersion, cause) } : null,
  }));
  await saveScores(trx, [...writes, ...(options.written ?? [])], options.at ?? ctx.clock.now());
  // SPEC §7: a pooled lead whose score rose across the threshold goes back to the SDR queue.
  await resurfaceOnScores(trx, ctx, computed);
  return computed;
}

/** A refresh that finds the rules changed since the last score says so in the history. */
function causeOf(stored: StoredScore, rulesVersion: number, cause: string): string {
  return cause === 'decay' && stored.scoredAt !== null && stored.rulesVersion !== rulesVersion ? 'rules' : cause;
}

/**
 * Qualification points come from one framework: the one whose answers earn the most (the one
 * the SDR is really working with), so filling in BANT and MEDDIC for one call does not count twice.
 */
export function bestQualification(
  answered: readonly { framework: string; answers: Record<string, unknown>; updatedAt: Date }[],
  frameworks: readonly Framework[],
): { framework: string | null; lines: ExplanationLine[] } {
  let best: { framework: string | null; total: number; lines: ExplanationLine[] } = {
    framework: null,
    total: 0,
    lines: [],
  };
  for (const q of answered) {
    const framework = frameworks.find((f) => f.id === q.framework);
    if (!framework) continue;
    const points = qualificationPoints(framework, q.answers as Answers);
    if (points.total > best.total) {
      best = {
        framework: framework.id,
        total: points.total,
        lines: points.lines.map(explanationLineOf),
      };
    }
  }
  return best;
}
