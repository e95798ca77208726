/** PUT /leads/{id}/tags (SPEC §7): the lead's tags, replaced as a whole, for segments and nurture. */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { normaliseTags } from '../../domain/pool/pool-filters.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { lockLead, setLeadTags } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';

export async function tagLead(ctx: ServiceContext, actor: Actor, leadId: string, tags: readonly string[]) {
  authorize(actor, 'segments.manage');
  const checked = normaliseTags(tags);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  await readLead(ctx, actor, leadId);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await lockLead(trx, leadId)) as LeadRow;
    const same = before.tags.length === checked.tags.length && before.tags.every((t, i) => t === checked.tags[i]);
    if (same) return before;
    await setLeadTags(trx, leadId, checked.tags, at);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.tags_changed',
        entityType: 'lead',
        entityId: leadId,
        leadId,
        from: { tags: before.tags },
        to: { tags: checked.tags },
        at,
      },
    ]);
    return (await lockLead(trx, leadId)) as LeadRow;
  });
}
