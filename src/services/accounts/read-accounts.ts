/**
 * Reading CRM accounts: those who route or work leads see them all (is this company already
 * someone's customer?); a sales rep sees only the accounts they own, as in their CRM.
 */
import { Forbidden, InvalidInput, NotFound } from '../../domain/errors.js';
import { companyMatchKey } from '../../domain/normalise/company.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { type AccountCursor, findAccount, listAccounts } from '../../store/repositories/accounts.js';
import type { ServiceContext } from '../context.js';
import type { AccountWithContacts } from './upsert-accounts.js';

const ownOnly = (actor: Actor) => actor.role === 'sales';

export async function readAccount(ctx: ServiceContext, actor: Actor, id: string): Promise<AccountWithContacts> {
  authorize(actor, 'accounts.read');
  const found = await findAccount(ctx.db, id);
  if (!found) throw new NotFound(`account ${id}`);
  if (ownOnly(actor) && found.account.owner_id !== actor.id) {
    throw new Forbidden('a sales rep sees only the accounts they own');
  }
  return found;
}

function encodeCursor(a: { created_at: Date | string; id: string }): string {
  return Buffer.from(JSON.stringify({ createdAt: new Date(a.created_at).toISOString(), id: a.id })).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): AccountCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const at = new Date(value?.createdAt);
    if (
      typeof value?.id === 'string' &&
      value.id.length <= 100 &&
      !Number.isNaN(at.getTime()) &&
      at.toISOString() === value.createdAt
    )
      return { createdAt: value.createdAt, id: value.id };
  } catch {
    // fall through: a cursor we did not make
  }
  throw new InvalidInput([
    { field: 'query.cursor', message: 'is not a cursor this API returned', messageZh: '不是本接口返回的游标' },
  ]);
}

/**
 * Newest first. `q` finds part of the name or an alias (also in normalised form, so 阿里巴巴
 * finds 阿里巴巴（中国）网络技术有限公司) or the exact credit code; `ownerId` null = unowned.
 */
export async function listAccountsPage(
  ctx: ServiceContext,
  actor: Actor,
  filter: { q?: string; ownerId?: string | null },
  page: { cursor?: string; limit: number },
): Promise<{ items: AccountWithContacts[]; nextCursor: string | null }> {
  authorize(actor, 'accounts.read');
  let ownerId = filter.ownerId;
  if (ownOnly(actor)) {
    if (ownerId !== undefined && ownerId !== actor.id)
      throw new Forbidden('a sales rep sees only the accounts they own');
    ownerId = actor.id;
  }
  const q = filter.q?.trim() || undefined;
  const rows = await listAccounts(
    ctx.db,
    { q, qKey: q ? companyMatchKey(q) || undefined : undefined, ownerId },
    { cursor: page.cursor ? decodeCursor(page.cursor) : undefined, limit: page.limit + 1 },
  );
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1].account) : null };
}
