/**
 * Re-surfacing (SPEC §7): a pooled lead (nurturing, unowned) that matures goes back to the SDR
 * queue (`new`) with its trigger on the lead, a `lead.resurfaced` event to the SDR leads, an
 * audit entry and a speed-to-lead clock. Called from inside the transactions that change what
 * could trigger it: rescoring (scoring/rescore.ts, any batch size) and a tracked behaviour
 * (tracking/track-behaviour.ts).
 */
import type { Transaction } from 'kysely';
import { defaultPoolPolicy } from '../../domain/pool/pool-policy.js';
import { behaviourTriggerText, scoreTrigger } from '../../domain/pool/resurfacing.js';
import { resurfaceLeads, resurfaceOnBehaviour as resurfaceOnBehaviourRow } from '../../store/repositories/pool.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { emitEvents } from '../events/emit-events.js';
import { leadCards } from '../events/lead-card.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { usersWithRoles } from '../events/recipients.js';
import { startFirstTouchClocks } from '../sla/recall-clock.js';
import { poolPolicyInForce } from './pool-policy.js';

/** What rescoring knows of each lead: the score stored before and the one just written. */
export interface ScoreChange {
  stored: { id: string; score: number; scoredAt: Date | null };
  score: { total: number };
}

/**
 * Pooled leads whose new score crossed the threshold upward. A first score is not a crossing
 * (a lead captured straight into the pool was placed there with that score). Costs nothing
 * unless some score rose; then one query for the policy and one UPDATE for the whole batch.
 */
export async function resurfaceOnScores(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  changes: readonly ScoreChange[],
): Promise<void> {
  const risen = changes.filter((c) => c.stored.scoredAt !== null && c.score.total > c.stored.score);
  if (risen.length === 0) return;
  const policy = await poolPolicyInForce(trx);
  const crossed = risen.flatMap((c) => {
    const trigger = scoreTrigger(c.stored.score, c.score.total, policy);
    return trigger ? [{ id: c.stored.id, trigger }] : [];
  });
  if (crossed.length === 0) return;
  await announce(trx, ctx, await resurfaceLeads(trx, crossed, ctx.clock.now()));
}

/** A pooled lead that did a key behaviour (event_attend, demo_request by default). */
export async function resurfaceOnBehaviour(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadId: string,
  type: string,
): Promise<void> {
  const trigger = behaviourTriggerText(type);
  const moved = await resurfaceOnBehaviourRow(
    trx,
    leadId,
    type,
    trigger,
    defaultPoolPolicy().resurfacing.behaviours,
    ctx.clock.now(),
  );
  if (moved) await announce(trx, ctx, [{ id: leadId, trigger }]);
}

async function announce(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  moved: readonly { id: string; trigger: string }[],
): Promise<void> {
  if (moved.length === 0) return;
  const at = ctx.clock.now().toISOString();
  await recordLeadStatusChanges(
    trx,
    ctx,
    moved.map((m) => ({
      leadId: m.id,
      action: 'lead.resurfaced',
      from: { status: 'nurturing', ownerId: null },
      to: { status: 'new', ownerId: null, trigger: m.trigger },
      actorId: null,
      reason: `re-surfaced from the pool: ${m.trigger}`,
    })),
  );
  const sdrLeads = await usersWithRoles(trx, ['sdr_lead']);
  const cards = await leadCards(
    trx,
    moved.map((m) => m.id),
  );
  await emitEvents(
    trx,
    ctx,
    moved.map((m) => ({
      type: 'lead.resurfaced' as const,
      leadId: m.id,
      data: { leadId: m.id, trigger: m.trigger, resurfacedAt: at, lead: cards.get(m.id) ?? null },
      notify: sdrLeads,
    })),
  );
  await startFirstTouchClocks(
    trx,
    ctx,
    moved.map((m) => m.id),
  );
}
