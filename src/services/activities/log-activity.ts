/**
 * POST/GET /leads/{id}/activities (SPEC §6.1, §10.1): a touch on a lead — a call with its
 * duration and outcome, an e-mail, a WeChat message, a meeting, or a note. The MQL package and
 * SDR reports count these; each moves the lead's last touch (the 14-day recall reads it) and
 * shows on the timeline. One owner at a time: an SDR logs on their own and unowned leads, a rep
 * on leads handed to them (read scope), managers and admins on what they can see. Contacts obey
 * the lead's do-not-contact flag, frequency cap and quiet hours, and a touch by someone other
 * than the owner comes back with a warning (SPEC §6.3, pool/contact-rules.ts).
 */
import { Conflict, type FieldError, Forbidden, InvalidInput } from '../../domain/errors.js';
import { historyLeadNotWorked } from '../../domain/history/not-worked.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import {
  type ActivityRow,
  insertActivity,
  listLeadActivities,
  touchLead,
} from '../../store/repositories/activities.js';
import { appendAudit } from '../../store/repositories/audit.js';
import type { ServiceContext } from '../context.js';
import { type ContactWarning, checkContact } from '../pool/contact-rules.js';
import { readLead } from '../read-leads.js';

export const activityTypes = ['call', 'email', 'wechat', 'meeting', 'note'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Types that take a duration; a day is the longest a single touch can last. */
const timedTypes: readonly string[] = ['call', 'meeting'];
export const MAX_DURATION_SEC = 24 * 3600;
/** Clocks of phones and laptops drift: a touch a few minutes "in the future" is accepted as now-ish. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface ActivityInput {
  type: string;
  durationSec?: number | null;
  outcome?: string | null;
  note?: string | null;
  occurredAt?: string | null;
  /** Why a touch goes ahead although it breaks the frequency cap or quiet hours (SPEC §6.3); audited. */
  override?: string | null;
}

export interface ActivityView {
  id: string;
  leadId: string;
  userId: string | null;
  type: string;
  durationSec: number | null;
  outcome: string | null;
  note: string | null;
  occurredAt: string;
}

export function presentActivity(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    leadId: row.lead_id,
    userId: row.user_id,
    type: row.type,
    durationSec: row.duration_sec,
    outcome: row.outcome,
    note: row.note,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}

/** Checks what the schema cannot: type-dependent fields and the time. */
export function checkActivity(input: ActivityInput, now: Date): { errors: FieldError[]; occurredAt: Date } {
  const errors: FieldError[] = [];
  if (!(activityTypes as readonly string[]).includes(input.type)) {
    errors.push({
      field: 'type',
      message: `must be one of ${activityTypes.join(', ')}`,
      messageZh: `须为 ${activityTypes.join('、')} 之一`,
    });
  }
  const d = input.durationSec;
  if (d !== undefined && d !== null) {
    if (!timedTypes.includes(input.type)) {
      errors.push({
        field: 'durationSec',
        message: `is only for ${timedTypes.join(' and ')}`,
        messageZh: `只适用于 ${timedTypes.join('、')}`,
      });
    } else if (!Number.isInteger(d) || d < 0 || d > MAX_DURATION_SEC) {
      errors.push({
        field: 'durationSec',
        message: `must be a whole number of seconds from 0 to ${MAX_DURATION_SEC}`,
        messageZh: `须为 0 到 ${MAX_DURATION_SEC} 的整数秒`,
      });
    }
  }
  if (input.type === 'note' && !input.note?.trim())
    errors.push({ field: 'note', message: 'a note needs its text', messageZh: '备注需要填写内容' });
  if (input.override !== undefined && input.override !== null && !input.override.trim()) {
    errors.push({
      field: 'override',
      message: 'must state the reason for the override',
      messageZh: '须说明越过限制的原因',
    });
  }
  let occurredAt = now;
  if (input.occurredAt) {
    const at = new Date(input.occurredAt);
    if (Number.isNaN(at.getTime()))
      errors.push({ field: 'occurredAt', message: 'must be an ISO-8601 time', messageZh: '须为 ISO-8601 时间' });
    else if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      errors.push({ field: 'occurredAt', message: 'cannot be in the future', messageZh: '不能是将来的时间' });
    } else occurredAt = at;
  }
  return { errors, occurredAt };
}

export async function logActivity(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: ActivityInput,
): Promise<ActivityView & { warnings: ContactWarning[] }> {
  authorize(actor, 'activities.log');
  const now = ctx.clock.now();
  const { errors, occurredAt } = checkActivity(input, now);
  if (errors.length > 0) throw new InvalidInput(errors);
  const lead = await readLead(ctx, actor, leadId);
  if (lead.history) throw new Conflict(historyLeadNotWorked);
  if (actor.role === 'sdr' && lead.owner_id && lead.owner_id !== actor.id) {
    throw new Forbidden('this lead is owned by another person; an SDR logs activities on their own and unowned leads');
  }
  const row: ActivityRow = {
    id: ctx.newId(),
    lead_id: leadId,
    user_id: actor.id,
    type: input.type,
    duration_sec: timedTypes.includes(input.type) ? (input.durationSec ?? null) : null,
    outcome: input.outcome?.trim() || null,
    note: input.note?.trim() || null,
    occurred_at: occurredAt,
  };
  const override = input.override?.trim() || null;
  const contact = await ctx.db.transaction().execute(async (trx) => {
    // §6.3 contact rules (do-not-contact: 409; cap and quiet hours: warnings) and the second-person warning, on the locked lead.
    const checked = await checkContact(trx, ctx, { actor, leadId, type: row.type, occurredAt, override });
    await insertActivity(trx, row);
    await touchLead(trx, leadId, occurredAt);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'activity.logged',
        entityType: 'activity',
        entityId: row.id,
        leadId,
        from: null,
        to: {
          type: row.type,
          durationSec: row.duration_sec,
          outcome: row.outcome,
          occurredAt: occurredAt.toISOString(),
          ...(checked.warnings.length ? { warnings: checked.warnings.map((w) => w.code) } : {}),
        },
        reason: row.note,
        at: now,
      },
      ...(checked.overridden.length
        ? [
            {
              id: ctx.newId(),
              actorId: actor.id,
              action: 'contact_rules.overridden',
              entityType: 'activity',
              entityId: row.id,
              leadId,
              from: null,
              to: { rules: checked.overridden, type: row.type, occurredAt: occurredAt.toISOString() },
              reason: override,
              at: now,
            },
          ]
        : []),
      ...(checked.broken.length
        ? [
            {
              id: ctx.newId(),
              actorId: actor.id,
              action: 'contact_rules.broken',
              entityType: 'activity',
              entityId: row.id,
              leadId,
              from: null,
              to: { rules: checked.broken, type: row.type, occurredAt: occurredAt.toISOString() },
              reason: checked.warnings.map((w) => w.message).join('; '),
              at: now,
            },
          ]
        : []),
    ]);
    return checked;
  });
  return { ...presentActivity(row), warnings: contact.warnings };
}

export async function readActivities(ctx: ServiceContext, actor: Actor, leadId: string): Promise<ActivityView[]> {
  await readLead(ctx, actor, leadId);
  return (await listLeadActivities(ctx.db, leadId)).map(presentActivity);
}
