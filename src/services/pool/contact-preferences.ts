/**
 * PUT /leads/{id}/contact-preferences (SPEC §6.3): the do-not-contact flag. Whoever hears "don't
 * contact me again" sets it, with the reason; lifting it is for SDR leads, sales ops, marketing
 * and admins. While set, contact touches on the lead are refused (activities) and the lead is
 * left out of segment exports.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import type { LeadRow } from '../../store/repositories/leads.js';
import { lockLead, setDoNotContact } from '../../store/repositories/pool.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';

export const DNC_REASON_MAX = 500;

export async function setContactPreferences(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: { doNotContact: boolean; reason?: string | null },
): Promise<LeadRow> {
  authorize(actor, input.doNotContact ? 'contact.flag' : 'contact.unflag');
  const reason = input.reason?.trim() || null;
  if (input.doNotContact && !reason) {
    throw new InvalidInput([
      { field: 'reason', message: 'is required to mark a lead do-not-contact', messageZh: '标记线索为勿扰时必填' },
    ]);
  }
  if (reason && reason.length > DNC_REASON_MAX) {
    throw new InvalidInput([
      {
        field: 'reason',
        message: `must be at most ${DNC_REASON_MAX} characters`,
        messageZh: `最多 ${DNC_REASON_MAX} 个字符`,
      },
    ]);
  }
  await readLead(ctx, actor, leadId);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await lockLead(trx, leadId)) as LeadRow;
    if (
      before.do_not_contact === input.doNotContact &&
      (!input.doNotContact || before.do_not_contact_reason === reason)
    )
      return before;
    // A new reason for a lead already flagged keeps the time it was first flagged.
    const since = before.do_not_contact && before.do_not_contact_at ? new Date(before.do_not_contact_at) : at;
    await setDoNotContact(trx, leadId, { on: input.doNotContact, reason, since }, at);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: input.doNotContact ? 'lead.do_not_contact_set' : 'lead.do_not_contact_lifted',
        entityType: 'lead',
        entityId: leadId,
        leadId,
        from: { doNotContact: before.do_not_contact, reason: before.do_not_contact_reason },
        to: { doNotContact: input.doNotContact, reason: input.doNotContact ? reason : null },
        reason,
        at,
      },
    ]);
    return (await lockLead(trx, leadId)) as LeadRow;
  });
}
