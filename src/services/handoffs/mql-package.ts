/**
 * The MQL package (SPEC §6.1): everything the receiving rep needs to decide without asking the
 * SDR — where the lead came from, what they did, what was said on calls, the qualification
 * answers and the score with its explanation. Frozen into the hand-off when it is made, so the
 * rep judges what the SDR saw.
 */
import type { Transaction } from 'kysely';
import type { LeadScore } from '../../domain/scoring/score-lead.js';
import { loadMqlPackageFacts, type MqlPackageFacts } from '../../store/repositories/mql-package.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { computeScores } from '../scoring/rescore.js';

/** The newest behaviours listed one by one; older ones are only counted. */
const RECENT_BEHAVIOURS = 20;

export type MqlPackage = Record<string, unknown>;

/** The packages of these leads, by lead id (one query per source table for the whole batch). */
export async function buildMqlPackages(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
): Promise<Map<string, MqlPackage>> {
  const factsById = await loadMqlPackageFacts(trx, leadIds);
  const scores = new Map((await computeScores(trx, ctx, leadIds)).map((c) => [c.stored.id, c.score]));
  const packages = new Map<string, MqlPackage>();
  for (const [leadId, facts] of factsById) packages.set(leadId, mqlPackageOf(facts, scores.get(leadId)));
  return packages;
}

/** The package of one lead from its facts and its score computed now. */
export function mqlPackageOf(facts: MqlPackageFacts, score: LeadScore | undefined): MqlPackage {
  const counts: Record<string, number> = {};
  for (const b of facts.behaviours) counts[b.type] = (counts[b.type] ?? 0) + 1;
  return {
    sources: { original: facts.originalSource, latest: facts.latestSource, touches: facts.touches },
    behaviour: { counts, recent: facts.behaviours.slice(0, RECENT_BEHAVIOURS) },
    activities: facts.activities,
    qualification: facts.qualifications,
    score: score && {
      total: score.total,
      fit: score.fit,
      engagement: score.engagement,
      qualification: score.qualification,
      grade: score.grade,
      explanation: score.explanation,
    },
    fields: facts.fields,
  };
}
