/**
 * The SMTP server e-mail notifications go through (SPEC §9), admin only. With it set, each
 * notified user with an e-mail address gets one for every event of the chosen types (all by
 * default). The password is kept for sending and never shown: GET says only whether one is set,
 * and a PUT without `password` keeps it.
 */
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  deleteSmtpSettings,
  findSmtpSettings,
  type SmtpRow,
  saveSmtpSettings,
} from '../../store/repositories/integrations.js';
import type { ServiceContext } from '../context.js';
import { eventTypes } from '../events/event-types.js';
import { distinctEvents, eventProblems, throwIfAny } from './subscription-input.js';

export interface SmtpInput {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  /** Omitted: keep the stored one; null: none. */
  password?: string | null;
  from: string;
  events?: readonly string[];
}

export interface SmtpView {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  passwordSet: boolean;
  from: string;
  events: string[];
  updatedAt: string;
}

const present = (s: SmtpRow): SmtpView => ({
  host: s.host,
  port: s.port,
  secure: s.secure,
  user: s.username,
  passwordSet: s.password !== null,
  from: s.from_address,
  events: s.events,
  updatedAt: new Date(s.updated_at).toISOString(),
});

export async function readSmtpSettings(ctx: ServiceContext, actor: Actor): Promise<SmtpView> {
  authorize(actor, 'integrations.manage');
  const row = await findSmtpSettings(ctx.db);
  if (!row) throw new NotFound('the SMTP setting (none is set)');
  return present(row);
}

export async function putSmtpSettings(ctx: ServiceContext, actor: Actor, input: SmtpInput): Promise<SmtpView> {
  authorize(actor, 'integrations.manage');
  if (input.events) throwIfAny(eventProblems(input.events));
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findSmtpSettings(trx);
    const row: Omit<SmtpRow, 'id'> = {
      host: input.host.trim(),
      port: input.port,
      secure: input.secure,
      username: input.user?.trim() || null,
      password: input.password === undefined ? (before?.password ?? null) : input.password || null,
      from_address: input.from.trim(),
      events: input.events ? distinctEvents(input.events) : [...eventTypes],
      updated_by: actor.id,
      updated_at: at,
    };
    await saveSmtpSettings(trx, row);
    const view = present({ id: 'smtp', ...row });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'smtp.set',
        entityType: 'smtp_settings',
        entityId: 'smtp',
        from: before ? { ...present(before) } : null,
        to: { ...view },
        at,
      },
    ]);
    return view;
  });
}

export async function removeSmtpSettings(ctx: ServiceContext, actor: Actor): Promise<void> {
  authorize(actor, 'integrations.manage');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findSmtpSettings(trx);
    if (!before || !(await deleteSmtpSettings(trx))) throw new NotFound('the SMTP setting (none is set)');
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'smtp.removed',
        entityType: 'smtp_settings',
        entityId: 'smtp',
        from: { ...present(before) },
        at,
      },
    ]);
  });
}
