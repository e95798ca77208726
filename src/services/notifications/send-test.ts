/**
 * "Send test" for a webhook or a chat robot (issue 8 item 7): one `test` message sent right now
 * through the same code the outbox uses — the signed webhook POST, the robot vendor's format and
 * its failure rules — and kept in the subscription's delivery log as a delivered or failed
 * entry of type `test` that is never retried.
 */
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { ChatMessage } from '../../integrations/notify/chat-message.js';
import { postJson } from '../../integrations/notify/http-post.js';
import { robotChannels } from '../../integrations/notify/robots.js';
import { sendWebhook, type WebhookEventBody } from '../../integrations/notify/webhook.js';
import { findRobot, findWebhook } from '../../store/repositories/integrations.js';
import { recordRobotSend } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { notificationSettings } from './notification-settings.js';

export interface TestSendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const TEST_TYPE = 'test';

function testEvent(id: string, at: Date, target: { kind: string; id: string }): WebhookEventBody {
  return {
    id,
    type: TEST_TYPE,
    occurredAt: at.toISOString(),
    data: { message: 'LeadLoop test message', [target.kind === 'webhook' ? 'webhookId' : 'robotId']: target.id },
  };
}

function testChatMessage(publicUrl: string): ChatMessage {
  return {
    title: 'LeadLoop 测试消息 / test message',
    fields: [],
    notes: ['收到这条消息说明机器人已配置正确。 / This robot is set up correctly.'],
    link: { label: '打开 LeadLoop', url: publicUrl.replace(/\/+$/, '') },
  };
}

export async function sendWebhookTest(ctx: ServiceContext, actor: Actor, webhookId: string): Promise<TestSendResult> {
  authorize(actor, 'integrations.manage');
  const hook = await findWebhook(ctx.db, webhookId);
  if (!hook) throw new NotFound(`webhook ${webhookId}`);
  const at = ctx.clock.now();
  const deliveryId = ctx.newId();
  const event = testEvent(ctx.newId(), at, { kind: 'webhook', id: hook.id });
  const sent = await sendWebhook({ url: hook.url, secret: hook.secret }, event, deliveryId);
  const result = outcome(sent.failure, sent.statusCode, sent.durationMs);
  await recordTest(ctx, { id: deliveryId, kind: 'webhook', targetId: hook.id, url: hook.url, event, at }, result);
  return result;
}

export async function sendRobotTest(ctx: ServiceContext, actor: Actor, robotId: string): Promise<TestSendResult> {
  authorize(actor, 'integrations.manage');
  const robot = await findRobot(ctx.db, robotId);
  if (!robot) throw new NotFound(`robot ${robotId}`);
  const at = ctx.clock.now();
  const channel = robotChannels[robot.kind];
  const request = channel.request(
    [testChatMessage(notificationSettings(ctx).publicUrl)],
    { url: robot.url, secret: robot.secret },
    at,
  );
  const posted = await postJson(request.url, request.body);
  const result = outcome(channel.failure(posted), posted.statusCode, posted.durationMs);
  const event = testEvent(ctx.newId(), at, { kind: 'robot', id: robot.id });
  await recordTest(ctx, { id: ctx.newId(), kind: 'robot', targetId: robot.id, url: robot.url, event, at }, result);
  return result;
}

const outcome = (failure: string | null, statusCode: number | null, durationMs: number): TestSendResult => ({
  ok: failure === null,
  statusCode,
  error: failure,
  durationMs: Math.round(durationMs),
});

/** One delivery-log entry with its single attempt; done (delivered or failed), so never claimed again. */
async function recordTest(
  ctx: ServiceContext,
  d: { id: string; kind: 'webhook' | 'robot'; targetId: string; url: string; event: WebhookEventBody; at: Date },
  r: TestSendResult,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('outbox')
      .values({
        id: d.id,
        event_id: null,
        event_type: TEST_TYPE,
        kind: d.kind,
        target_id: d.targetId,
        destination: d.url,
        payload: JSON.stringify(d.event),
        status: r.ok ? 'delivered' : 'failed',
        attempts: 1,
        next_attempt_at: d.at,
        last_error: r.error,
        created_at: d.at,
        delivered_at: r.ok ? d.at : null,
      })
      .execute();
    await trx
      .insertInto('outbox_attempts')
      .values({
        id: ctx.newId(),
        outbox_id: d.id,
        attempt: 1,
        ok: r.ok,
        status_code: r.statusCode,
        error: r.error,
        duration_ms: r.durationMs,
        at: d.at,
      })
      .execute();
    // A robot's test message uses up its vendor's rate limit like any other request.
    if (d.kind === 'robot') await recordRobotSend(trx, { id: ctx.newId(), robotId: d.targetId, messages: 1, at: d.at });
  });
}
