/** The delivery log of one webhook or robot (SPEC §9): each message, its state and every attempt. */
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { findRobot, findWebhook } from '../../store/repositories/integrations.js';
import { listDeliveries } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';

export interface DeliveryView {
  id: string;
  eventId: string | null;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  log: {
    attempt: number;
    ok: boolean;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    at: string;
  }[];
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function readDeliveries(
  ctx: ServiceContext,
  actor: Actor,
  kind: 'webhook' | 'robot',
  targetId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  authorize(actor, 'integrations.manage');
  const target = kind === 'webhook' ? await findWebhook(ctx.db, targetId) : await findRobot(ctx.db, targetId);
  if (!target) throw new NotFound(`${kind} ${targetId}`);
  const beforeSeq = page.cursor === undefined ? undefined : Number(page.cursor);
  if (beforeSeq !== undefined && !(/^\d+$/.test(page.cursor ?? '') && Number.isSafeInteger(beforeSeq)))
    throw new InvalidInput([
      { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
    ]);
  const { rows, attempts } = await listDeliveries(ctx.db, kind, targetId, { beforeSeq, limit: page.limit + 1 });
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const items = shown.map(
    (r): DeliveryView => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
      lastError: r.last_error,
      createdAt: iso(r.created_at),
      deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
      log: attempts
        .filter((a) => a.outbox_id === r.id)
        .map((a) => ({
          attempt: a.attempt,
          ok: a.ok,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
          at: iso(a.at),
        })),
    }),
  );
  return { items, nextCursor: more ? String(shown[shown.length - 1].seq) : null };
}
