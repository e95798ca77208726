/**
 * The MQL package (SPEC §6.1): everything the receiving rep needs to decide without asking the
 * SDR — where the lead came from, what they did, what was said on calls, the qualification
 * answers and the score with its explanation. Frozen into the hand-off when it is made, so the
 * rep judges what the SDR saw.
 */
import type { Transaction } from 'kysely';
import { loadMqlPackageFacts } from '../../store/repositories/mql-package.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { computeScores } from '../scoring/rescore.js';

/** The newest behaviours listed one by one; older ones are only counted. */
const RECENT_BEHAVIOURS = 20;

export async function buildMqlPackage(trx: Transaction<Database>, ctx: ServiceContext, leadId: string) {
  const facts = await loadMqlPackageFacts(trx, leadId);
  const [computed] = await computeScores(trx, ctx, [leadId]);
  const counts: Record<string, number> = {};
  for (const b of facts.behaviours) counts[b.type] = (counts[b.type] ?? 0) + 1;
  return {
    sources: { original: facts.originalSource, latest: facts.latestSource, touches: facts.touches },
    behaviour: { counts, recent: facts.behaviours.slice(0, RECENT_BEHAVIOURS) },
    activities: facts.activities,
    qualification: facts.qualifications,
    score: {
      total: computed.score.total,
      fit: computed.score.fit,
      engagement: computed.score.engagement,
      qualification: computed.score.qualification,
      grade: computed.score.grade,
      explanation: computed.score.explanation,
    },
    fields: facts.fields,
  };
}
