/** Claimed webhook rows, each POSTed signed to its subscription's URL (SPEC §10.1). */
import { sendWebhook, type WebhookEventBody } from '../../integrations/notify/webhook.js';
import { findWebhooks } from '../../store/repositories/integrations.js';
import type { OutboxRow } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { failedFor, inParallel, type SendResult } from './delivery-attempt.js';

const AT_ONCE = 8;

export async function sendWebhookRows(ctx: ServiceContext, rows: readonly OutboxRow[]): Promise<SendResult[]> {
  if (rows.length === 0) return [];
  const hooks = new Map(
    (await findWebhooks(ctx.db, [...new Set(rows.map((r) => r.target_id as string))])).map((w) => [w.id, w]),
  );
  return inParallel(rows, AT_ONCE, async (row) => {
    const hook = hooks.get(row.target_id as string);
    if (!hook) return failedFor(row, 'the webhook subscription was deleted');
    const sent = await sendWebhook(
      { url: row.destination, secret: hook.secret },
      row.payload as unknown as WebhookEventBody,
      row.id,
    );
    return {
      row,
      ok: sent.failure === null,
      statusCode: sent.statusCode,
      error: sent.failure,
      durationMs: sent.durationMs,
    };
  });
}
