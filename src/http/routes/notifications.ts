/**
 * Notifications and integrations (SPEC §9, §10.1): the caller's in-app inbox, outgoing webhooks
 * with their delivery log, team-chat robots, and the SMTP server for e-mail.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { robotKinds } from '../../integrations/notify/robots.js';
import type { ServiceContext } from '../../services/context.js';
import { eventTypes } from '../../services/events/event-types.js';
import { readDeliveries } from '../../services/notifications/deliveries.js';
import { readAllNotifications, readInbox, readNotification } from '../../services/notifications/inbox.js';
import { createRobot, readRobots, removeRobot } from '../../services/notifications/robots.js';
import { putSmtpSettings, readSmtpSettings, removeSmtpSettings } from '../../services/notifications/smtp-settings.js';
import { createWebhook, readWebhooks, removeWebhook } from '../../services/notifications/webhooks.js';
import { problems } from '../problem.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const eventName = z.enum(eventTypes);
const events = z
  .array(eventName)
  .min(1)
  .max(eventTypes.length * 2);
const url = z.string().min(1).max(2048).describe('http or https');

const notificationSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    type: z.string().describe('the event (SPEC §9)'),
    title: z.string(),
    leadId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), createdAt: z.string() })
  .meta({ id: 'Webhook' });

const robotSchema = z
  .object({
    id: z.string(),
    kind: z.enum(robotKinds),
    name: z.string().nullable(),
    url: z.string(),
    events: z.array(z.string()),
    signed: z.boolean().describe('a signing secret is set'),
    createdAt: z.string(),
  })
  .meta({ id: 'ChatRobot' });

const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().nullable(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().describe('when it is tried again, while pending'),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    log: z.array(
      z.object({
        attempt: z.number().int(),
        ok: z.boolean(),
        statusCode: z.number().int().nullable().describe('HTTP status (or SMTP reply code) answered'),
        error: z.string().nullable(),
        durationMs: z.number().int(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'Delivery' });

const smtpSchema = z
  .object({
    host: z.string(),
    port: z.number().int(),
    secure: z.boolean(),
    user: z.string().nullable(),
    passwordSet: z.boolean(),
    from: z.string(),
    events: z.array(z.string()),
    updatedAt: z.string(),
  })
  .meta({ id: 'SmtpSettings' });

const page = z
  .object({ cursor: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

export async function notificationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The caller’s in-app notifications, newest first (cursor pagination)',
        querystring: z
          .object({
            unread: z.enum(['true', 'false']).optional().describe('only unread ones'),
            cursor: z.string().max(40).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            unreadCount: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) =>
      readInbox(ctx, request.actor, {
        unread: request.query.unread === 'true',
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );

  api.post(
    '/inbox/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of the caller’s notifications read',
        params: idParams,
        response: { 200: notificationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => readNotification(ctx, request.actor, request.params.id),
  );

  api.post(
    '/inbox/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all the caller’s notifications read',
        response: { 200: z.object({ updated: z.number().int() }), ...problems(401, 403) },
      },
    },
    async (request) => readAllNotifications(ctx, request.actor),
  );

  api.post(
    '/webhooks',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Subscribe a URL to events (admin)',
        description:
          'Each event of a subscribed type is POSTed as `{id, type, occurredAt, data}` (`id` is the event id, the same on every retry) with `X-LeadLoop-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`. A non-2xx answer or no answer is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then marked failed; every attempt is in GET /webhooks/{id}/deliveries. Subscribe to `lead.status_changed`, `handoff.*` and `opportunity.*` to keep the lead’s origin and the CRM in step (SPEC §6.1).',
        body: z.object({ url, events, secret: z.string().min(1).max(500) }).strict(),
        response: { 201: webhookSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebhook(ctx, request.actor, request.body)),
  );

  api.get(
    '/webhooks',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Webhook subscriptions (admin); secrets are never shown',
        response: { 200: z.object({ items: z.array(webhookSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await readWebhooks(ctx, request.actor) }),
  );

  api.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Remove a webhook subscription; its waiting deliveries are marked failed',
        params: idParams,
        response: { 200: z.object({ removed: z.string() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await removeWebhook(ctx, request.actor, request.params.id);
      return { removed: request.params.id };
    },
  );

  api.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['integrations'],
        summary: 'A webhook’s delivery log, newest first: each event sent, its state and every attempt',
        params: idParams,
        querystring: page,
        response: {
          200: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => readDeliveries(ctx, request.actor, 'webhook', request.params.id, request.query),
  );

  api.post(
    '/integrations/robots',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Add a team-chat robot: WeCom group robot, DingTalk, Feishu/Lark or Slack (admin)',
        description:
          'Events of the subscribed types are posted in the vendor’s documented JSON (WeCom and DingTalk markdown, a Feishu interactive card, Slack text and blocks); a dispatch request posts a lead card linking to the hand-off. `secret` signs DingTalk and Feishu requests. Within the vendor’s rate limit (WeCom and DingTalk: 20 a minute) messages that wait are batched into one.',
        body: z
          .object({
            kind: z.enum(robotKinds),
            url,
            events,
            secret: z.string().min(1).max(500).optional(),
            name: z.string().max(100).optional(),
          })
          .strict(),
        response: { 201: robotSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createRobot(ctx, request.actor, request.body)),
  );

  api.get(
    '/integrations/robots',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Team-chat robots (admin)',
        response: { 200: z.object({ items: z.array(robotSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await readRobots(ctx, request.actor) }),
  );

  api.delete(
    '/integrations/robots/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Remove a robot; its waiting messages are marked failed',
        params: idParams,
        response: { 200: z.object({ removed: z.string() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await removeRobot(ctx, request.actor, request.params.id);
      return { removed: request.params.id };
    },
  );

  api.get(
    '/integrations/robots/:id/deliveries',
    {
      schema: {
        tags: ['integrations'],
        summary: 'A robot’s delivery log, newest first',
        params: idParams,
        querystring: page,
        response: {
          200: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => readDeliveries(ctx, request.actor, 'robot', request.params.id, request.query),
  );

  api.put(
    '/integrations/smtp',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Set the SMTP server for e-mail notifications (admin)',
        description:
          'Each notified user gets an e-mail for events of the listed types (all by default). Without `password` the stored one is kept; `null` removes it. The password is never returned.',
        body: z
          .object({
            host: z.string().trim().min(1).max(255),
            port: z.number().int().min(1).max(65535),
            secure: z.boolean().describe('TLS from the start (port 465); otherwise STARTTLS when offered'),
            user: z.string().max(255).nullable().optional(),
            password: z.string().max(500).nullable().optional(),
            from: z.string().trim().min(3).max(320).describe('sender, e.g. "LeadLoop <leadloop@example.cn>"'),
            events: events.optional(),
          })
          .strict(),
        response: { 200: smtpSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => putSmtpSettings(ctx, request.actor, request.body),
  );

  api.get(
    '/integrations/smtp',
    {
      schema: {
        tags: ['integrations'],
        summary: 'The SMTP setting (admin); 404 when none is set',
        response: { 200: smtpSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => readSmtpSettings(ctx, request.actor),
  );

  api.delete(
    '/integrations/smtp',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Stop sending e-mail notifications',
        response: { 200: z.object({ removed: z.string() }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await removeSmtpSettings(ctx, request.actor);
      return { removed: 'smtp' };
    },
  );
}
