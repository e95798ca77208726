/**
 * Outgoing webhook subscriptions (SPEC §9, §10.1), admin only: each event of a subscribed type
 * is POSTed signed to the URL. This is how status changes go back to where a lead came from and
 * to the CRM (SPEC §6.1, issue 5 item 7): subscribe to `lead.status_changed`, the `handoff.*`
 * and `opportunity.*` events. The secret is never shown again.
 */
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listWebhooks,
  type WebhookRow,
} from '../../store/repositories/integrations.js';
import { failPending } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { distinctEvents, eventProblems, throwIfAny, urlProblems } from './subscription-input.js';

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
}

export const presentWebhook = (w: WebhookRow): WebhookView => ({
  id: w.id,
  url: w.url,
  events: w.events,
  createdAt: new Date(w.created_at).toISOString(),
});

export async function createWebhook(
  ctx: ServiceContext,
  actor: Actor,
  input: { url: string; events: readonly string[]; secret: string },
): Promise<WebhookView> {
  authorize(actor, 'integrations.manage');
  throwIfAny([...urlProblems(input.url), ...eventProblems(input.events)]);
  const id = ctx.newId();
  const at = ctx.clock.now();
  const events = distinctEvents(input.events);
  await ctx.db.transaction().execute(async (trx) => {
    await insertWebhook(trx, { id, url: input.url, events, secret: input.secret, createdBy: actor.id, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'webhook.created',
        entityType: 'webhook',
        entityId: id,
        to: { url: input.url, events },
        at,
      },
    ]);
  });
  return { id, url: input.url, events, createdAt: at.toISOString() };
}

export async function readWebhooks(ctx: ServiceContext, actor: Actor): Promise<WebhookView[]> {
  authorize(actor, 'integrations.manage');
  return (await listWebhooks(ctx.db)).map(presentWebhook);
}

export async function removeWebhook(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'integrations.manage');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const hook = await findWebhook(trx, id);
    if (!hook || !(await deleteWebhook(trx, id, at))) throw new NotFound(`webhook ${id}`);
    await failPending(trx, 'webhook', id, 'the webhook subscription was deleted');
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'webhook.deleted',
        entityType: 'webhook',
        entityId: id,
        from: { url: hook.url, events: hook.events },
        at,
      },
    ]);
  });
}
