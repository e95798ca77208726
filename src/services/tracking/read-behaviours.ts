/** GET /leads/{id}/behaviours: a lead's tracked events, newest first, within the caller's scope. */
import { InvalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import { type BehaviourCursor, listLeadBehaviours } from '../../store/repositories/tracking.js';
import type { ServiceContext } from '../context.js';
import { readLead } from '../read-leads.js';

export interface Behaviour {
  id: string;
  type: string;
  url: string | null;
  at: string;
  meta: Record<string, unknown>;
  visitorId: string | null;
}

export async function readLeadBehaviours(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  page: { cursor?: string; limit: number; type?: string },
): Promise<{ items: Behaviour[]; nextCursor: string | null }> {
  await readLead(ctx, actor, leadId);
  const rows = await listLeadBehaviours(ctx.db, leadId, {
    cursor: page.cursor ? decodeCursor(page.cursor) : undefined,
    limit: page.limit + 1,
    type: page.type,
  });
  const more = rows.length > page.limit;
  const items = (more ? rows.slice(0, page.limit) : rows).map((r) => ({
    id: r.id,
    type: r.type,
    url: r.url,
    at: new Date(r.occurred_at).toISOString(),
    meta: r.meta,
    visitorId: r.visitor_id,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: more ? encodeCursor({ at: last.at, id: last.id }) : null };
}

function encodeCursor(cursor: BehaviourCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(cursor: string): BehaviourCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const at = new Date(value?.at);
    if (
      typeof value?.id === 'string' &&
      value.id.length <= 100 &&
      !Number.isNaN(at.getTime()) &&
      at.toISOString() === value.at &&
      at.getUTCFullYear() >= 1970 &&
      at.getUTCFullYear() <= 9999
    )
      return { at: value.at, id: value.id };
  } catch {
    // fall through: a cursor we did not make
  }
  throw new InvalidInput([
    { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
  ]);
}
