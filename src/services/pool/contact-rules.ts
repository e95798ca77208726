/**
 * The contact experience (SPEC §6.3; the rules are domain/pool/contact-rules.ts, the limits
 * the pool policy's): before contact, what the rules say now; when a touch is logged,
 * do-not-contact refuses it (409), a broken frequency cap or quiet hours are kept with warnings
 * (and recorded, as overridden when a reason was given); a touch by someone other than the
 * lead's owner is kept and answered with a warning. Runs in the
 * transaction that logs the touch, on the lead's locked row, so two touches logged at once are
 * counted one after the other against the cap.
 */
import type { Transaction } from 'kysely';
import { Conflict, NotFound } from '../../domain/errors.js';
import {
  type ContactFacts,
  type ContactRule,
  contactRuleHits,
  contactTypes,
  decideContact,
} from '../../domain/pool/contact-rules.js';
import type { Actor } from '../../domain/roles.js';
import { contactTimesSince, lockLead, userNames } from '../../store/repositories/pool.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';
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
  /** Rules the touch broke without a reason. */
  broken: ContactRule[];
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
  let broken: ContactRule[] = [];
  if (contactTypes.includes(input.type)) {
    const decision = decideContact(await contactFacts(trx, ctx, lead, input));
    if (!decision.ok) throw new Conflict(decision.message);
    overridden = decision.overridden;
    broken = decision.broken;
    for (const hit of decision.hits) {
      warnings.push({
        code: hit.code,
        message: decision.late
          ? `logged after the fact; at the time: ${hit.message}`
          : input.override
            ? `overridden (${input.override}): ${hit.message}`
            : `logged against the rule: ${hit.message}`,
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
  return { warnings, overridden, broken };
}

/** What the rules say about contacting the lead now (asked before dialling). */
export async function previewContact(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  type: string,
): Promise<{ allowed: boolean; rules: { code: ContactRule; message: string }[]; ownerId: string | null }> {
  await readLead(ctx, actor, leadId);
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await lockLead(trx, leadId);
    if (!lead) throw new NotFound(`lead ${leadId}`);
    const now = ctx.clock.now();
    const hits = contactRuleHits(await contactFacts(trx, ctx, lead, { type, occurredAt: now, override: null }));
    return {
      allowed: hits.length === 0,
      rules: hits.map(({ code, message }) => ({ code, message })),
      ownerId: lead.owner_id,
    };
  });
}

async function contactFacts(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  lead: NonNullable<Awaited<ReturnType<typeof lockLead>>>,
  input: { type: string; occurredAt: Date; override: string | null },
): Promise<ContactFacts> {
  const policy = await poolPolicyInForce(trx);
  const cap = policy.contact.frequencyCap;
  const earlierContacts = cap
    ? await contactTimesSince(trx, lead.id, new Date(input.occurredAt.getTime() - cap.days * DAY_MS))
    : [];
  return {
    type: input.type,
    leadStatus: lead.status,
    occurredAt: input.occurredAt,
    now: ctx.clock.now(),
    policy,
    doNotContact: lead.do_not_contact
      ? { reason: lead.do_not_contact_reason, since: lead.do_not_contact_at ? new Date(lead.do_not_contact_at) : null }
      : null,
    earlierContacts,
    override: input.override,
  };
}
