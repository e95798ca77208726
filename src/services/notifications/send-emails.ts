/** Claimed e-mail rows, sent over one SMTP connection (SPEC §9). */
import { openMailer } from '../../integrations/notify/smtp.js';
import type { WebhookEventBody } from '../../integrations/notify/webhook.js';
import { findSmtpSettings } from '../../store/repositories/integrations.js';
import type { OutboxRow } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { failedFor, type SendResult } from './delivery-attempt.js';
import { emailFor } from './email-message.js';
import { eventMessage } from './event-message.js';
import { notificationSettings } from './notification-settings.js';

export async function sendEmailRows(ctx: ServiceContext, rows: readonly OutboxRow[]): Promise<SendResult[]> {
  if (rows.length === 0) return [];
  const smtp = await findSmtpSettings(ctx.db);
  if (!smtp) return rows.map((row) => failedFor(row, 'SMTP is not configured (PUT /integrations/smtp)'));
  const { publicUrl } = notificationSettings(ctx);
  const mailer = openMailer({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    user: smtp.username,
    password: smtp.password,
    from: smtp.from_address,
  });
  try {
    const results: SendResult[] = [];
    for (const row of rows) {
      const mail = emailFor(row.destination, eventMessage(row.payload as unknown as WebhookEventBody, publicUrl));
      const sent = await mailer.send(mail);
      results.push({ row, ok: sent.ok, statusCode: sent.statusCode, error: sent.error, durationMs: sent.durationMs });
    }
    return results;
  } finally {
    mailer.close();
  }
}
