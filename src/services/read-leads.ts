/** Reading leads within the caller's scope (SPEC §1): a lead outside it is a 403 with the reason. */
import { Forbidden, InvalidInput, NotFound } from '../domain/errors.js';
import { authorize, describeScope, leadScope } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import {
  findLead,
  type LeadListFilter,
  type LeadRow,
  type ListCursor,
  listLeads,
} from '../store/repositories/leads.js';
import { loadTimeline } from '../store/repositories/timeline.js';
import type { ServiceContext } from './context.js';

export async function readLead(ctx: ServiceContext, actor: Actor, id: string): Promise<LeadRow> {
  authorize(actor, 'leads.read');
  const scope = leadScope(actor);
  const found = await findLead(ctx.db, id, scope);
  if (!found) throw new NotFound(`lead ${id}`);
  if (!found.visible)
    throw new Forbidden(`this lead is outside what the role ${actor.role} may see (${describeScope(scope)})`);
  return found.row;
}

export async function readTimeline(ctx: ServiceContext, actor: Actor, id: string) {
  await readLead(ctx, actor, id);
  return loadTimeline(ctx.db, id);
}

export function encodeCursor(row: LeadRow): string {
  return Buffer.from(JSON.stringify({ createdAt: new Date(row.created_at).toISOString(), id: row.id })).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): ListCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const at = new Date(value?.createdAt);
    const sane =
      typeof value?.id === 'string' &&
      value.id.length <= 100 &&
      !Number.isNaN(at.getTime()) &&
      at.toISOString() === value.createdAt;
    if (sane && at.getUTCFullYear() >= 1970 && at.getUTCFullYear() <= 9999)
      return { createdAt: value.createdAt, id: value.id };
  } catch {
    // fall through: a cursor we did not make
  }
  throw new InvalidInput([
    { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
  ]);
}

export async function listLeadsPage(
  ctx: ServiceContext,
  actor: Actor,
  filter: LeadListFilter,
  page: { cursor?: string; limit: number },
) {
  authorize(actor, 'leads.read');
  const rows = await listLeads(ctx.db, filter, leadScope(actor), {
    cursor: page.cursor ? decodeCursor(page.cursor) : undefined,
    limit: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]) : null };
}
