/**
 * Scores at capture (SPEC §4.3). A brand-new lead has no behaviours and no qualification answers
 * yet, so its first score is known before it is stored: capture computes it and inserts the lead
 * with it, instead of inserting and then updating the row (an update of indexed columns, which
 * would write the row and every index on `leads` a second time). After stitching, the leads
 * whose score may differ from that — merged repeats, a lead a repeat of the same batch merged
 * into, a new lead stitching moved behaviour to — are rescored as before, and every new lead's
 * first score gets its ledger entry: the same scores, lines and history as scoring after the insert.
 */
import type { Transaction } from 'kysely';
import type { FitProfile } from '../../domain/scoring/fit.js';
import type { LeadScore } from '../../domain/scoring/score-lead.js';
import type { ScoreWrite } from '../../store/repositories/scores.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { rescoreLeads } from './rescore.js';
import type { RulesInForce } from './rules-in-force.js';

/** The first scores capture inserted new leads with. */
export interface FirstScores {
  rules: RulesInForce;
  at: Date;
  byLead: ReadonlyMap<string, LeadScore>;
  /** New leads whose first score's ledger entry capture inserted with them: nothing left to write. */
  ledgered?: ReadonlySet<string>;
}

/** The score of a lead that has nothing yet but its profile. */
export function firstScoreOf(rules: RulesInForce, lead: FitProfile, at: Date): LeadScore {
  const { title, employees, industry, regionCode } = lead;
  return rules.scorer.score(
    { lead: { title, employees, industry, regionCode }, behaviours: [], qualificationLines: [] },
    at,
  );
}

/**
 * Inside the capture transaction, after stitching: `stitched` are the leads that received
 * behaviour. New leads not in `first` were inserted unscored.
 */
export async function scoreCapturedLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  captured: { created: readonly string[]; merged: readonly string[]; first?: FirstScores },
  stitched: ReadonlySet<string>,
): Promise<void> {
  const { first } = captured;
  const overtaken = new Set(captured.created.filter((id) => first?.byLead.has(id) && stitched.has(id)));
  const rescore = [...captured.created.filter((id) => !first?.byLead.has(id) || overtaken.has(id)), ...captured.merged];
  const written: ScoreWrite[] = [];
  if (first) {
    for (const [leadId, score] of first.byLead) {
      if (overtaken.has(leadId) || first.ledgered?.has(leadId)) continue;
      const ledger = { id: ctx.newId(), cause: 'capture' };
      written.push({ leadId, ...score, rulesVersion: first.rules.version, ledger, inRow: true });
    }
  }
  if (rescore.length === 0 && written.length === 0) return;
  await rescoreLeads(trx, ctx, rescore, 'capture', {
    rules: first?.rules,
    firstScores: overtaken,
    written,
    at: first?.at,
  });
}
