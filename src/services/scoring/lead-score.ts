/**
 * GET /leads/{id}/score and its history (SPEC §4.3). The score is computed at the moment of
 * reading — decay counts to the minute — and when that differs from the stored score (decay or
 * a rules change the sweep has not reached yet), it is stored with a ledger entry first, so
 * the answer, the lead and the history always agree.
 */
import { InvalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import type { Grade } from '../../domain/scoring/grade.js';
import { type ExplanationLine, explanationLineOf } from '../../domain/scoring/scoring-rules.js';
import { listScoreHistory } from '../../store/repositories/scores.js';
import type { ServiceContext } from '../context.js';
import { type LeadPrediction, predictLead } from '../predictive/predict-leads.js';
import { readLead } from '../read-leads.js';
import { type ComputedScore, computeScores, rescoreLeads } from './rescore.js';

export interface LeadScoreView {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: Grade;
  explanation: ExplanationLine[];
  /** The framework whose answers gave the qualification points. */
  qualificationFramework: string | null;
  rulesVersion: number;
  computedAt: string;
  /** The active predictive model's advice with the factors of this lead; null while none is active. */
  predicted: LeadPrediction | null;
}

export async function readLeadScore(ctx: ServiceContext, actor: Actor, leadId: string): Promise<LeadScoreView> {
  await readLead(ctx, actor, leadId);
  let [computed] = await computeScores(ctx.db, ctx, [leadId]);
  if (computed.changed) {
    [computed] = await ctx.db.transaction().execute((trx) => rescoreLeads(trx, ctx, [leadId], 'decay'));
  }
  return view(computed, ctx.clock.now(), await predictLead(ctx, leadId));
}

function view(
  { score, framework, rulesVersion }: ComputedScore,
  at: Date,
  predicted: LeadPrediction | null,
): LeadScoreView {
  return {
    total: score.total,
    fit: score.fit,
    engagement: score.engagement,
    qualification: score.qualification,
    grade: score.grade,
    explanation: score.explanation.map(explanationLineOf),
    qualificationFramework: framework,
    rulesVersion,
    computedAt: at.toISOString(),
    predicted,
  };
}

export async function readScoreHistory(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  page: { cursor?: string; limit: number },
) {
  await readLead(ctx, actor, leadId);
  const beforeSeq = page.cursor === undefined ? undefined : Number(page.cursor);
  if (beforeSeq !== undefined && !(Number.isSafeInteger(beforeSeq) && beforeSeq > 0)) {
    throw new InvalidInput([
      { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
    ]);
  }
  const rows = await listScoreHistory(ctx.db, leadId, { beforeSeq, limit: page.limit });
  return {
    items: rows.map((r) => ({
      total: r.total,
      fit: r.fit,
      engagement: r.engagement,
      qualification: r.qualification,
      grade: r.grade,
      explanation: r.explanation,
      cause: r.cause,
      at: new Date(r.at).toISOString(),
    })),
    nextCursor: rows.length === page.limit ? String(rows[rows.length - 1].seq) : null,
  };
}
