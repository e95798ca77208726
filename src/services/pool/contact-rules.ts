/**
 * The contact experience at the moment a touch is logged (SPEC §6.3; the rules are
 * domain/pool/contact-rules.ts, the limits the pool policy's): do-not-contact, frequency cap
 * and quiet hours refuse the touch (409 naming the rule) unless overridden with a reason; a
 * touch by someone other than the lead's owner is kept and answered with a warning. Runs in the
 * transaction that logs the touch, on the lead's locked row, so two touches logged at once are
 * counted one after the other against the cap.
 */
import type { Transaction } from 'kysely';
import { Conflict, NotFound } from '../../domain/errors.js';
import { type ContactRule, contactTypes, decideContact } from '../../domain/pool/contact-rules.js';
import type { Actor } from '../../domain/roles.js';
import { contactTimesSince, lockLead, userNames } from '../../store/repositories/pool.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { poolPolicyInForce } from './pool-policy.js';

export interface ContactWarning {
  code: ContactRule | 'owned_by_other';
  message: string;
  ownerId?: string;
}

export interface ContactCheck {
  warnings: ContactWarning[];
  /** Rules the touch broke and the caller overrode with a reason. */
  overridden: ContactRule[];
}

const DAY_MS = 86_400_000;

export async function checkContact(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: { actor: Actor; leadId: string; type: string; occurredAt: Date; override: string | null },
): Promise<ContactCheck> {
  const lead = await lockLead(trx, input.leadId);
  if (!lead) throw new NotFound(`lead ${input.leadId}`);
  const warnings: ContactWarning[] = [];
  let overridden: ContactRule[] = [];
  if (contactTypes.includes(input.type)) {
    const policy = await poolPolicyInForce(trx);
    const cap = policy.contact.frequencyCap;
    const earlierContacts = cap
      ? await contactTimesSince(trx, input.leadId, new Date(input.occurredAt.getTime() - cap.days * DAY_MS))
      : [];
    const decision = decideContact({
      type: input.type,
      leadStatus: lead.status,
      occurredAt: input.occurredAt,
      now: ctx.clock.now(),
      policy,
      doNotContact: lead.do_not_contact
        ? {
            reason: lead.do_not_contact_reason,
            since: lead.do_not_contact_at ? new Date(lead.do_not_contact_at) : null,
          }
        : null,
      earlierContacts,
      override: input.override,
    });
    if (!decision.ok) throw new Conflict(decision.message);
    overridden = decision.overridden;
    for (const hit of decision.hits) {
      warnings.push({
        code: hit.code,
        message: decision.late
          ? `logged after the fact; at the time: ${hit.message}`
          : `overridden (${input.override}): ${hit.message}`,
      });
    }
  }
  if (lead.owner_id && lead.owner_id !== input.actor.id) {
    const name = (await userNames(trx, [lead.owner_id])).get(lead.owner_id) ?? lead.owner_id;
    warnings.push({
      code: 'owned_by_other',
      ownerId: lead.owner_id,
      message: `this lead is owned by ${name}: your touch is logged, but one owner works a lead at a time — talk to ${name} first`,
    });
  }
  return { warnings, overridden };
}
