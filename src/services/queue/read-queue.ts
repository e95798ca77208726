/**
 * GET /queue (SPEC §10, §6.1, §7): an SDR's prioritised work queue — MRL first, then SLA-due,
 * then re-surfaced, then score (domain/queue/rank-queue.ts), each item with the reason it sits
 * where it does.
 *
 * What is in it: the SDR's own `new` and `working` leads, and by default the shared SDR queue
 * of unowned `new` leads (every SDR sees it, as their lead scope does): that is where inbound
 * leads wait for first touch, the speed-to-lead deadline (§6.2) is on them, and re-surfaced
 * leads come back there (§7) — leaving them out by default would hide the deadlines the queue
 * exists to show. `scope=own` narrows to the SDR's own leads.
 *
 * Whose: the caller's. An SDR lead may read a member of their team's (`sdrId`), an admin anyone's.
 *
 * `sort=predicted` orders what follows the obligations by the active model's probability (§4.3)
 * instead of the rule score, among the best-scored leads of a wider window (PREDICTED_WINDOW):
 * probabilities are computed when asked for, not kept on every lead.
 */
import { Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import {
  DEFAULT_DUE_WITHIN_MS,
  type QueueCandidate,
  type QueueEntry,
  rankQueue,
  slaTimerKinds,
} from '../../domain/queue/rank-queue.js';
import type { Actor } from '../../domain/roles.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { loadQueue } from '../../store/repositories/queue.js';
import { findUser } from '../../store/repositories/users.js';
import type { ServiceContext } from '../context.js';
import { predictProbabilities } from '../predictive/predict-leads.js';

export const QUEUE_DEFAULT_LIMIT = 50;
export const QUEUE_MAX_LIMIT = 200;
/** How many candidates `sort=predicted` reorders by probability. */
export const PREDICTED_WINDOW = 1000;
const sdrRoles: readonly string[] = ['sdr', 'sdr_lead'];

export interface QueueQueryInput {
  sdrId?: string;
  scope?: 'all' | 'own';
  limit?: number;
  sort?: 'score' | 'predicted';
}

export interface QueueItem extends Omit<QueueEntry, 'leadId'> {
  lead: LeadRow;
  /** The active model's probability; null when no model is active. */
  predicted: number | null;
}

export async function readQueue(
  ctx: ServiceContext,
  actor: Actor,
  input: QueueQueryInput,
): Promise<{ sdrId: string; items: QueueItem[] }> {
  authorize(actor, 'queue.read');
  const sdrId = await queueHolder(ctx, actor, input.sdrId);
  const limit = Math.min(input.limit ?? QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT);
  const now = ctx.clock.now();
  const facts = await loadQueue(ctx.db, {
    sdrId,
    includeUnowned: (input.scope ?? 'all') === 'all',
    slaKinds: slaTimerKinds,
    dueBefore: new Date(now.getTime() + DEFAULT_DUE_WITHIN_MS),
    limit: input.sort === 'predicted' ? Math.max(limit, PREDICTED_WINDOW) : limit,
  });
  const predictions = await predictProbabilities(
    ctx,
    facts.leads.map((l) => l.id),
  );
  const candidates: QueueCandidate[] = facts.leads.map((l) => ({
    leadId: l.id,
    score: l.score,
    grade: l.grade,
    createdAt: new Date(l.created_at),
    flags: l.flags,
    lastTouchAt: l.last_touch_at ? new Date(l.last_touch_at) : null,
    returned: facts.returns.get(l.id) ?? null,
    timers: facts.timers.get(l.id) ?? [],
    resurfaced: l.resurfaced_at ? { trigger: l.resurfaced_trigger, at: new Date(l.resurfaced_at) } : null,
    predicted: predictions?.probabilities.get(l.id) ?? null,
  }));
  const rows = new Map(facts.leads.map((l) => [l.id, l]));
  const items = rankQueue(candidates, { now, dueWithinMs: DEFAULT_DUE_WITHIN_MS, by: input.sort ?? 'score' })
    .slice(0, limit)
    .map(({ leadId, ...entry }) => ({
      lead: rows.get(leadId) as LeadRow,
      ...entry,
      predicted: predictions?.probabilities.get(leadId) ?? null,
    }));
  return { sdrId, items };
}

async function queueHolder(ctx: ServiceContext, actor: Actor, sdrId: string | undefined): Promise<string> {
  if (!sdrId || sdrId === actor.id) return actor.id;
  if (actor.role === 'sdr') throw new Forbidden('an SDR reads their own queue; leave out sdrId');
  const user = await findUser(ctx.db, sdrId);
  if (!user) throw new NotFound(`user ${sdrId}`);
  if (actor.role === 'sdr_lead' && (!actor.teamId || user.team_id !== actor.teamId)) {
    throw new Forbidden("this person is not on your team; an SDR lead reads their own team's queues");
  }
  if (!sdrRoles.includes(user.role)) {
    throw new InvalidInput([{ field: 'query.sdrId', message: `${sdrId} is a ${user.role}, not an SDR` }]);
  }
  return user.id;
}
