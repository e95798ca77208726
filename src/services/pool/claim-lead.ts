/**
 * POST /leads/{id}/claim (SPEC §7, §10.1): an SDR takes a lead from the SDR queue (`new`,
 * unowned) or the pool (`nurturing`, unowned) and works it (`working`, owner = the SDR).
 *
 * Within the daily claim limit and the open-lead limit, and not within the cool-off after the
 * SDR released this same lead; never a lead someone holds (one owner at a time, §6.1: the
 * answer names the owner). Exact under concurrency: the claimer's user row is locked first (two
 * claims by one SDR count one after the other), then the lead's row (two SDRs claiming one lead:
 * the second sees the first's claim and is refused).
 */
import { Conflict, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { checkClaim } from '../../domain/pool/claim-rules.js';
import type { Actor } from '../../domain/roles.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import {
  giveLeadsToSdr,
  insertClaims,
  lastReleaseBy,
  lockLead,
  lockUser,
  userNames,
} from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { readLead } from '../read-leads.js';
import { startRecallClocks } from '../sla/recall-clock.js';
import { type ClaimQuota, claimQuotaOf } from './claim-quota.js';
import { poolPolicyInForce } from './pool-policy.js';

export async function claimLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
): Promise<{ lead: LeadRow } & ClaimQuota> {
  authorize(actor, 'pool.claim');
  await readLead(ctx, actor, leadId);
  return ctx.db.transaction().execute(async (trx) => {
    await lockUser(trx, actor.id);
    const lead = await lockLead(trx, leadId);
    if (!lead) throw new NotFound(`lead ${leadId}`);
    const policy = await poolPolicyInForce(trx);
    const now = ctx.clock.now();
    const quota = await claimQuotaOf(trx, actor.id, policy, now);
    const ownerName = lead.owner_id ? ((await userNames(trx, [lead.owner_id])).get(lead.owner_id) ?? null) : null;
    const refusal = checkClaim({
      lead: {
        status: lead.status,
        ownerId: lead.owner_id,
        ownerName,
        ownedSince: lead.owned_since ? new Date(lead.owned_since) : null,
        history: lead.history,
      },
      actorId: actor.id,
      claimsToday: quota.claimsToday,
      openLeads: quota.openLeads,
      lastReleasedAt: await lastReleaseBy(trx, leadId, actor.id),
      dayEndsAt: quota.dayEndsAt,
      now,
      policy,
    });
    if (refusal) throw new Conflict(refusal.message);

    await giveLeadsToSdr(trx, [leadId], actor.id, now);
    await insertClaims(trx, [
      {
        id: ctx.newId(),
        leadId,
        userId: actor.id,
        kind: 'claim',
        actorId: actor.id,
        fromStatus: lead.status,
        fromOwnerId: null,
        at: now,
      },
    ]);
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId,
        action: 'lead.claimed',
        from: { status: lead.status, ownerId: null },
        to: { status: 'working', ownerId: actor.id },
        actorId: actor.id,
        reason: lead.status === 'nurturing' ? 'claimed from the pool' : 'claimed from the SDR queue',
      },
    ]);
    await startRecallClocks(trx, ctx, [{ leadId, ownerId: actor.id }]);
    const row = (await lockLead(trx, leadId)) as LeadRow;
    return { lead: row, ...quota, claimsToday: quota.claimsToday + 1, openLeads: quota.openLeads + 1 };
  });
}
