/**
 * POST /leads/{id}/release {reason} (SPEC §7, §10.1): a lead an SDR is working goes back to the
 * pool (`nurturing`, no owner), with the reason. The SDR who held it may not claim it again
 * until the cool-off has passed (no release-and-reclaim to reset the recall clock). The holder
 * releases; so may an SDR lead or an admin on the holder's behalf (the cool-off is still the
 * holder's).
 */
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { allowedRoles } from '../../domain/policy.js';
import { coolOffEnds } from '../../domain/pool/claim-rules.js';
import type { Actor } from '../../domain/roles.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { insertRelease, lockLead, putBackInPool, userNames } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { readLead } from '../read-leads.js';
import { poolPolicyInForce } from './pool-policy.js';

export const RELEASE_REASON_MAX = 500;

export async function releaseLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: { reason?: string | null },
): Promise<{ lead: LeadRow; coolOffUntil: Date }> {
  const reason = input.reason?.trim();
  if (!reason)
    throw new InvalidInput([
      {
        field: 'reason',
        message: 'is required: why the lead goes back to the pool',
        messageZh: '必填：线索为什么退回公海',
      },
    ]);
  if (reason.length > RELEASE_REASON_MAX) {
    throw new InvalidInput([
      {
        field: 'reason',
        message: `must be at most ${RELEASE_REASON_MAX} characters`,
        messageZh: `最多 ${RELEASE_REASON_MAX} 个字符`,
      },
    ]);
  }
  await readLead(ctx, actor, leadId);
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await lockLead(trx, leadId);
    if (!lead) throw new NotFound(`lead ${leadId}`);
    const holder = lead.owner_id;
    if (!holder || lead.status !== 'working') {
      throw new Conflict(
        `only a lead an SDR is working can be released to the pool; this one is ${lead.status}${
          holder ? ` and held by ${holder}` : ', held by nobody'
        }`,
      );
    }
    if (holder !== actor.id && !allowedRoles('pool.assign').includes(actor.role)) {
      const name = (await userNames(trx, [holder])).get(holder) ?? holder;
      throw new Forbidden(
        `this lead is held by ${name} (${holder}); only its holder, an SDR lead or an admin may release it`,
      );
    }
    const at = ctx.clock.now();
    const policy = await poolPolicyInForce(trx);
    await putBackInPool(trx, leadId, at);
    await insertRelease(trx, { id: ctx.newId(), leadId, userId: holder, releasedBy: actor.id, reason, at });
    await recordLeadStatusChanges(trx, ctx, [
      {
        leadId,
        action: 'lead.released',
        from: { status: lead.status, ownerId: holder },
        to: { status: 'nurturing', ownerId: null },
        actorId: actor.id,
        reason,
      },
    ]);
    return { lead: (await lockLead(trx, leadId)) as LeadRow, coolOffUntil: coolOffEnds(at, policy) };
  });
}
