/**
 * "Send test" for webhooks and chat robots (issue 8 item 7): one `test` message right now,
 * through the outbox's own sending code, answered with what the receiver said and kept in the
 * delivery log.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { sendRobotTest, sendWebhookTest } from '../../services/notifications/send-test.js';
import { problems } from '../problem.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const testResultSchema = z
  .object({
    ok: z.boolean().describe('the receiver took it (2xx, and no vendor error code for robots)'),
    statusCode: z.number().int().nullable().describe('the HTTP status answered; null when no answer came'),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'TestSendResult' });

export async function notificationTestRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Send a `test` event to a webhook now (admin)',
        description:
          'POSTs `{id, type: "test", occurredAt, data}` signed as every event is (`X-LeadLoop-Signature`), waits for the answer and reports it. ' +
          'The attempt is in the delivery log (event type `test`, never retried).',
        params: idParams,
        response: { 200: testResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => sendWebhookTest(ctx, request.actor, request.params.id),
  );

  api.post(
    '/integrations/robots/:id/test',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Send a test message to a chat robot now (admin)',
        description:
          'One message in the vendor’s format (signed for DingTalk and Feishu when a secret is set); a non-2xx answer or the vendor’s error code in a 200 answer is ok:false. ' +
          'The attempt is in the delivery log (event type `test`, never retried).',
        params: idParams,
        response: { 200: testResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => sendRobotTest(ctx, request.actor, request.params.id),
  );
}
