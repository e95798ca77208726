/** POST /merges/{id}/revert: undo a wrong merge (SPEC §2), audited on both leads. */
import { fieldsToClear, leadFromArrival } from '../domain/capture/revert-merge.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from '../store/repositories/audit.js';
import { insertLeads } from '../store/repositories/leads.js';
import {
  clearLeadFields,
  findMergeForUpdate,
  markMergeReverted,
  moveTouch,
  resetLatestSource,
} from '../store/repositories/merges.js';
import type { ServiceContext } from './context.js';
import { rescoreLeads } from './scoring/rescore.js';

export async function revertMerge(
  ctx: ServiceContext,
  actor: Actor,
  mergeId: string,
): Promise<{ leadId: string; splitLeadId: string }> {
  authorize(actor, 'merges.revert');
  return ctx.db.transaction().execute(async (trx) => {
    const merge = await findMergeForUpdate(trx, mergeId);
    if (!merge) throw new NotFound(`merge ${mergeId}`);
    if (merge.reverted_at) throw new Conflict('this merge was reverted already');
    const now = ctx.clock.now();
    const split = leadFromArrival(merge.payload, {
      channel: merge.channel_id,
      utm: merge.utm,
      referrer: merge.referrer,
      landingPage: merge.landing_page,
      at: new Date(merge.occurred_at).toISOString(),
    });
    const survivor = await trx
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', merge.lead_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const current = {
      externalId: survivor.external_id,
      phone: survivor.phone,
      email: survivor.email,
      company: survivor.company,
      companyKey: survivor.company_key,
      title: survivor.title,
      region: survivor.region,
      regionCode: survivor.region_code,
      industry: survivor.industry,
      employees: survivor.employees,
    };
    const cleared = fieldsToClear(merge.filled, current);
    const splitLeadId = ctx.newId();
    await insertLeads(trx, [
      { ...split, id: splitLeadId, externalId: null, status: 'new', ownerId: null, createdBy: actor.id, at: now },
    ]);
    await moveTouch(trx, merge.touch_id, splitLeadId);
    await clearLeadFields(trx, merge.lead_id, cleared, now);
    await resetLatestSource(trx, merge.lead_id);
    await markMergeReverted(trx, merge.id, actor.id, splitLeadId, now);
    const why = `merge ${merge.id} (matched on ${merge.matched_on}) reverted`;
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.merge_reverted',
        entityType: 'lead',
        entityId: merge.lead_id,
        leadId: merge.lead_id,
        from: Object.fromEntries(cleared.map((f) => [f, current[f]])),
        to: { ...Object.fromEntries(cleared.map((f) => [f, null])), splitLeadId },
        reason: why,
        at: now,
      },
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.created',
        entityType: 'lead',
        entityId: splitLeadId,
        leadId: splitLeadId,
        from: null,
        to: { status: 'new', ownerId: null, channel: split.channel, splitFrom: merge.lead_id },
        reason: why,
        at: now,
      },
    ]);
    await rescoreLeads(trx, ctx, [merge.lead_id, splitLeadId], 'merge_reverted');
    return { leadId: merge.lead_id, splitLeadId };
  });
}
