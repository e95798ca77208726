/**
 * Choosing the rep for a lead inside the transfer's transaction (SPEC §5.2): gather what the
 * pure decision reads — the lead, a matching CRM account, this month's roster with loads, the
 * routing policy — lock the rotation pool the lead falls into, decide, and store the pick, so
 * picks stay exact when several processes transfer at once.
 */
import type { Transaction } from 'kysely';
import { chooseRep, narrowPool } from '../../domain/routing/choose-rep.js';
import { applyPick, changedReps, emptyRotationState } from '../../domain/routing/rotation.js';
import type { RoutingDecision, RoutingLead } from '../../domain/routing/routing-types.js';
import { findAccountMatch } from '../../store/repositories/accounts.js';
import { loadRepCandidates } from '../../store/repositories/roster.js';
import { loadRotationState, saveRotationPick, seedRotationCounters } from '../../store/repositories/rotation.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { eligibilityMonth } from '../roster/eligibility-month.js';
import { routingSettingsInForce } from '../routing/routing-settings.js';

export async function routeToRep(trx: Transaction<Database>, ctx: ServiceContext, leadId: string): Promise<RoutingDecision> {
  const now = ctx.clock.now();
  const row = await trx
    .selectFrom('leads')
    .select(['id', 'region_code', 'industry', 'title', 'score', 'grade', 'company_key', 'fields'])
    .where('id', '=', leadId)
    .executeTakeFirstOrThrow();
  const lead: RoutingLead = {
    id: row.id,
    regionCode: row.region_code,
    industry: row.industry,
    title: row.title,
    score: row.score,
    grade: row.grade,
  };
  const { policy } = await routingSettingsInForce(trx);
  const account = await findAccountMatch(trx, { companyKey: row.company_key, creditCode: creditCodeOf(row.fields) });
  const candidates = await loadRepCandidates(trx, { month: eligibilityMonth(now), now });
  const input = { lead, account, candidates, policy, now };

  // The pool is known before any rotation state is read, so its counters are locked first.
  const { pool, poolKey } = narrowPool(input);
  const state = poolKey
    ? await loadRotationState(
        trx,
        poolKey,
        pool.map((r) => r.id),
      )
    : emptyRotationState();
  const outcome = chooseRep({ ...input, rotation: () => state });
  if (outcome.rotation && outcome.poolKey) {
    const pick = outcome.rotation;
    const after = applyPick(state, pick);
    // Members seen for the first time keep the count the pick gave them (their share, not zero).
    const seeded = changedReps(state, after).filter((id) => id !== pick.repId);
    await seedRotationCounters(
      trx,
      outcome.poolKey,
      seeded.map((repId) => ({ repId, received: after.received[repId] })),
      now,
    );
    await saveRotationPick(trx, outcome.poolKey, {
      repId: pick.repId,
      department: pick.department,
      at: now,
      receivedAfter: after.received[pick.repId],
    });
  }
  const { rotation: _pick, ...decision } = outcome;
  return decision;
}

/** A unified social credit code a person or enrichment put on the lead. */
function creditCodeOf(fields: Record<string, unknown>): string | null {
  const code = fields.creditCode ?? fields.统一社会信用代码;
  return typeof code === 'string' && code.trim() ? code : null;
}
