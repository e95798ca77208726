/**
 * Outgoing webhooks (SPEC §10.1): a POST of `{id, type, occurredAt, data}` signed with
 * `X-LeadLoop-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`.
 */
import { createHmac } from 'node:crypto';
import { httpFailure, type PostOutcome, postJson } from './http-post.js';

export interface WebhookEventBody {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export function webhookSignature(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export async function sendWebhook(
  target: { url: string; secret: string },
  event: WebhookEventBody,
  deliveryId: string,
): Promise<PostOutcome & { failure: string | null }> {
  // Fields in the contract's order, whatever order the stored JSON came back in.
  const raw = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data });
  const outcome = await postJson(target.url, raw, {
    'x-leadloop-signature': webhookSignature(raw, target.secret),
    'x-leadloop-event': event.type,
    'x-leadloop-delivery': deliveryId,
  });
  return { ...outcome, failure: httpFailure(outcome) };
}
