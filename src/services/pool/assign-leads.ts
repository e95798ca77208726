/**
 * POST /leads/assign {leadIds[], ownerId} (SPEC §7): an SDR lead or an admin hands leads from
 * the SDR queue or the pool to an SDR, or moves leads between SDRs. All or nothing: an unknown
 * lead or one past the SDR stage refuses the whole request. The owner's open-lead limit holds
 * (the daily claim limit and the cool-off are for the SDR's own claims, not for the lead's
 * decisions). Each lead starts its recall clock with its new owner.
 */
import { Conflict, InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { claimableStatuses } from '../../domain/pool/claim-rules.js';
import type { Actor } from '../../domain/roles.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { giveLeadsToSdr, insertClaims, lockLeads, lockUser } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { recordLeadStatusChanges } from '../events/lead-status-changes.js';
import { startRecallClocks } from '../sla/recall-clock.js';
import { claimQuotaOf } from './claim-quota.js';
import { poolPolicyInForce } from './pool-policy.js';

export const MAX_ASSIGN = 500;
const SDR_ROLES: readonly string[] = ['sdr', 'sdr_lead'];

export interface AssignResult {
  leads: LeadRow[];
  assigned: number;
  /** Already working with this owner: left as they were. */
  unchanged: number;
  ownerId: string;
  openLeads: number;
  openLimit: number;
}

export async function assignLeads(
  ctx: ServiceContext,
  actor: Actor,
  input: { leadIds: readonly string[]; ownerId: string; reason?: string | null },
): Promise<AssignResult> {
  authorize(actor, 'pool.assign');
  const leadIds = [...new Set(input.leadIds)];
  const reason = input.reason?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await lockUser(trx, input.ownerId);
    if (!owner)
      throw new InvalidInput([
        { field: 'ownerId', message: `no user ${input.ownerId}`, messageZh: `没有用户 ${input.ownerId}` },
      ]);
    if (!owner.active)
      throw new InvalidInput([
        { field: 'ownerId', message: `${owner.name} is deactivated`, messageZh: `${owner.name} 已停用` },
      ]);
    if (!SDR_ROLES.includes(owner.role)) {
      throw new InvalidInput([
        {
          field: 'ownerId',
          message: `must be an SDR or SDR lead; ${owner.name} is ${owner.role}`,
          messageZh: `须为 SDR 或 SDR 组长；${owner.name} 是 ${owner.role}`,
        },
      ]);
    }
    const rows = await lockLeads(trx, leadIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = input.leadIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !byId.has(id))
      .map(({ id, i }) => ({ field: `leadIds[${i}]`, message: `no lead ${id}`, messageZh: `没有线索 ${id}` }));
    if (missing.length) throw new InvalidInput(missing);
    const refused = rows.filter((r) => r.history || !(claimableStatuses.includes(r.status) || r.status === 'working'));
    if (refused.length) {
      throw new Conflict(
        `only leads in the SDR queue (new), the pool (nurturing) or with an SDR (working) can be assigned: ${refused
          .map((r) => `${r.id} is ${r.history ? 'a history lead' : r.status}`)
          .join('; ')}`,
      );
    }
    const changing = leadIds
      .map((id) => byId.get(id) as LeadRow)
      .filter((r) => !(r.owner_id === owner.id && r.status === 'working'));
    const policy = await poolPolicyInForce(trx);
    const now = ctx.clock.now();
    const quota = await claimQuotaOf(trx, owner.id, policy, now);
    if (quota.openLeads + changing.length > quota.openLimit) {
      throw new Conflict(
        `open lead limit: ${owner.name} holds ${quota.openLeads} working leads, the limit is ${quota.openLimit}; ` +
          `assigning ${changing.length} more would make ${quota.openLeads + changing.length}`,
      );
    }
    const ids = changing.map((r) => r.id);
    await giveLeadsToSdr(trx, ids, owner.id, now);
    await insertClaims(
      trx,
      changing.map((r) => ({
        id: ctx.newId(),
        leadId: r.id,
        userId: owner.id,
        kind: 'assign' as const,
        actorId: actor.id,
        fromStatus: r.status,
        fromOwnerId: r.owner_id,
        at: now,
      })),
    );
    await recordLeadStatusChanges(
      trx,
      ctx,
      changing.map((r) => ({
        leadId: r.id,
        action: 'lead.assigned',
        from: { status: r.status, ownerId: r.owner_id },
        to: { status: 'working', ownerId: owner.id },
        actorId: actor.id,
        reason: reason ?? `assigned to ${owner.name} by ${actor.name}`,
      })),
    );
    await startRecallClocks(
      trx,
      ctx,
      ids.map((leadId) => ({ leadId, ownerId: owner.id })),
    );
    const after = await lockLeads(trx, leadIds);
    const order = new Map(leadIds.map((id, i) => [id, i]));
    after.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
    return {
      leads: after,
      assigned: changing.length,
      unchanged: leadIds.length - changing.length,
      ownerId: owner.id,
      openLeads: quota.openLeads + changing.length,
      openLimit: quota.openLimit,
    };
  });
}
