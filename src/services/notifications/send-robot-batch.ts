/**
 * One request to one chat robot carrying as many of its waiting messages as the vendor's size
 * limit allows (SPEC §9: batch rather than drop); the rest go back to wait for the next request.
 */
import type { ChatMessage, RobotChannel } from '../../integrations/notify/chat-message.js';
import { postJson } from '../../integrations/notify/http-post.js';
import { robotChannels } from '../../integrations/notify/robots.js';
import type { WebhookEventBody } from '../../integrations/notify/webhook.js';
import type { OutboxRow } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import type { ClaimedRobot } from './claim-due.js';
import type { SendResult } from './delivery-attempt.js';
import { eventMessage } from './event-message.js';
import { notificationSettings } from './notification-settings.js';

export async function sendRobotBatch(
  ctx: ServiceContext,
  claimed: ClaimedRobot,
): Promise<{ results: SendResult[]; released: OutboxRow[] }> {
  const channel = robotChannels[claimed.robot.kind];
  const { publicUrl } = notificationSettings(ctx);
  const now = ctx.clock.now();
  const messages = claimed.rows.map((r) => eventMessage(r.payload as unknown as WebhookEventBody, publicUrl));
  const target = { url: claimed.robot.url, secret: claimed.robot.secret };

  let count = messages.length;
  while (count > 1 && !channel.fits(channel.request(messages.slice(0, count), target, now))) count -= 1;
  const batch = count === 1 ? [shrinkToFit(channel, messages[0], target, now)] : messages.slice(0, count);
  const outcome = await postJson(...requestArgs(channel.request(batch, target, now)));
  const failure = channel.failure(outcome);
  const sent = claimed.rows.slice(0, count);
  return {
    results: sent.map((row) => ({
      row,
      ok: failure === null,
      statusCode: outcome.statusCode,
      error: failure,
      durationMs: outcome.durationMs,
    })),
    released: claimed.rows.slice(count),
  };
}

const requestArgs = (r: { url: string; body: string }): [string, string] => [r.url, r.body];

/** A single message too long for the vendor (a dispatch with very many reasons) loses notes from the end. */
function shrinkToFit(
  channel: RobotChannel,
  message: ChatMessage,
  target: { url: string; secret: string | null },
  now: Date,
): ChatMessage {
  let m = message;
  while (!channel.fits(channel.request([m], target, now)) && m.notes.length > 1) {
    const kept = m.notes.slice(0, Math.max(1, Math.floor(m.notes.length * 0.8)));
    m = { ...m, notes: [...kept.slice(0, -1), '…'] };
  }
  return m;
}
