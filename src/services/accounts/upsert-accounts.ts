/**
 * CRM accounts in (SPEC §5.2 step 1, §10.1 POST /accounts): one account or up to 10,000 at
 * once. A CRM sync sends the same accounts again and again, so each item is an upsert:
 * - with a credit code: the account with that code; else one without a code and the same
 *   normalised name (it gains the code); else a new account;
 * - without one: the account with the same normalised name; when several (different legal
 *   entities, different codes) share it, the item is refused until it says which by its code.
 * Fields left out (aliases, lastActivityAt, contacts) keep what the account has; ownerId is
 * always given (null = no owner). Items of one batch are applied in order (a later item
 * updates what an earlier one created). Every change is an audit entry; an item that changes
 * nothing writes nothing. Keys are advisory-locked, so concurrent syncs never make two
 * accounts of one company.
 */
import type { Transaction } from 'kysely';
import { Conflict, type FieldError, InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import {
  type AccountContactRow,
  type AccountRow,
  findAccount,
  findAccountsByKeys,
  insertAccounts,
  replaceContacts,
  updateAccounts,
} from '../../store/repositories/accounts.js';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { fieldErrorsOf } from '../lead-input-schema.js';
import { type AccountInput, accountInputSchema, type CheckedAccount, checkAccount } from './account-input.js';

export const accountBulkLimit = 10_000;

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface BulkAccountsResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: { index: number; errors: FieldError[] }[];
  results: { index: number; id: string; outcome: UpsertOutcome }[];
}

interface Contact {
  name: string;
  title: string | null;
}

interface Working {
  row: AccountRow;
  contacts: Contact[];
  isNew: boolean;
  /** The state before this batch (null for a new account), for the audit diff. */
  before: ReturnType<typeof auditShape> | null;
  contactsChanged: boolean;
}

function auditShape(row: AccountRow, contacts: readonly Contact[]) {
  return {
    name: row.name,
    aliases: row.aliases,
    creditCode: row.credit_code,
    ownerId: row.owner_id,
    lastActivityAt: row.last_activity_at ? new Date(row.last_activity_at).toISOString() : null,
    contacts: contacts.map((c) => ({ name: c.name, title: c.title })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type ItemOutcome =
  | { index: number; ok: true; id: string; outcome: UpsertOutcome }
  | { index: number; ok: false; errors: FieldError[] };

type Resolution = { ok: true; target: Working | null } | { ok: false; errors: FieldError[] };

/** Applies checked items in order inside `trx`; returns each item's outcome or errors. */
async function upsertInTransaction(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: Actor,
  items: readonly { index: number; account: CheckedAccount }[],
): Promise<ItemOutcome[]> {
  const codes = [...new Set(items.flatMap((i) => (i.account.creditCode ? [i.account.creditCode] : [])))];
  const names = [...new Set(items.map((i) => i.account.nameKey))];
  await lockKeys(trx, [...codes.map((c) => `account-code:${c}`), ...names.map((n) => `account-name:${n}`)]);

  const owners = [...new Set(items.flatMap((i) => (i.account.ownerId ? [i.account.ownerId] : [])))];
  const knownOwners = new Set<string>();
  for (let i = 0; i < owners.length; i += 1000) {
    const rows = await trx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', owners.slice(i, i + 1000))
      .execute();
    for (const r of rows) knownOwners.add(r.id);
  }

  const existing = await findAccountsByKeys(trx, { creditCodes: codes, nameKeys: names });
  const existingContacts = new Map<string, Contact[]>();
  for (let i = 0; i < existing.length; i += 1000) {
    const ids = existing.slice(i, i + 1000).map((a) => a.id);
    const rows = await trx
      .selectFrom('account_contacts')
      .selectAll()
      .where('account_id', 'in', ids)
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = existingContacts.get(r.account_id) ?? [];
      list.push({ name: r.name, title: r.title });
      existingContacts.set(r.account_id, list);
    }
  }
  const byCode = new Map<string, Working>();
  const byName = new Map<string, Working[]>();
  const index = (w: Working) => {
    if (w.row.credit_code) byCode.set(w.row.credit_code, w);
    const list = byName.get(w.row.name_key) ?? [];
    if (!list.includes(w)) list.push(w);
    byName.set(w.row.name_key, list);
  };
  const unindexName = (w: Working) => {
    const list = (byName.get(w.row.name_key) ?? []).filter((x) => x !== w);
    byName.set(w.row.name_key, list);
  };
  const touched: Working[] = [];
  for (const row of existing) {
    const contacts = existingContacts.get(row.id) ?? [];
    index({ row, contacts, isNew: false, before: auditShape(row, contacts), contactsChanged: false });
  }

  const resolve = (a: CheckedAccount): Resolution => {
    if (a.creditCode) {
      const hit = byCode.get(a.creditCode);
      if (hit) return { ok: true, target: hit };
      const codeless = (byName.get(a.nameKey) ?? []).filter((w) => w.row.credit_code === null);
      return { ok: true, target: codeless[0] ?? null };
    }
    const named = byName.get(a.nameKey) ?? [];
    if (named.length <= 1) return { ok: true, target: named[0] ?? null };
    return {
      ok: false,
      errors: [
        {
          field: 'name',
          message: `${named.length} accounts with different credit codes have this name; send creditCode to say which one`,
          messageZh: `有 ${named.length} 个信用代码不同的客户都叫这个名称；请传 creditCode 指明是哪一个`,
        },
      ],
    };
  };

  const at = ctx.clock.now();
  const outcomes: ItemOutcome[] = [];
  const audits: AuditEntry[] = [];
  for (const { index: itemIndex, account: a } of items) {
    if (a.ownerId && !knownOwners.has(a.ownerId)) {
      outcomes.push({
        index: itemIndex,
        ok: false,
        errors: [
          {
            field: 'ownerId',
            message: `no user has the id "${a.ownerId}"`,
            messageZh: `没有 id 为“${a.ownerId}”的用户`,
          },
        ],
      });
      continue;
    }
    const resolution = resolve(a);
    if (!resolution.ok) {
      outcomes.push({ index: itemIndex, ok: false, errors: resolution.errors });
      continue;
    }
    const target = resolution.target;
    if (!target) {
      const w: Working = {
        row: {
          id: ctx.newId(),
          name: a.name,
          name_key: a.nameKey,
          aliases: a.aliases ?? [],
          alias_keys: a.aliasKeys ?? [],
          credit_code: a.creditCode,
          owner_id: a.ownerId,
          last_activity_at: a.lastActivityAt ?? null,
          created_at: at,
          updated_at: at,
        },
        contacts: a.contacts ?? [],
        isNew: true,
        before: null,
        contactsChanged: (a.contacts ?? []).length > 0,
      };
      index(w);
      touched.push(w);
      audits.push({
        id: ctx.newId(),
        actorId: actor.id,
        action: 'account.created',
        entityType: 'account',
        entityId: w.row.id,
        to: auditShape(w.row, w.contacts),
        at,
      });
      outcomes.push({ index: itemIndex, ok: true, id: w.row.id, outcome: 'created' });
      continue;
    }
    const was = auditShape(target.row, target.contacts);
    const nextRow: AccountRow = {
      ...target.row,
      name: a.name,
      name_key: a.nameKey,
      aliases: a.aliases ?? target.row.aliases,
      alias_keys: a.aliasKeys ?? target.row.alias_keys,
      credit_code: a.creditCode ?? target.row.credit_code,
      owner_id: a.ownerId,
      last_activity_at: a.lastActivityAt === undefined ? target.row.last_activity_at : a.lastActivityAt,
    };
    const nextContacts = a.contacts ?? target.contacts;
    const now = auditShape(nextRow, nextContacts);
    if (same(was, now)) {
      outcomes.push({ index: itemIndex, ok: true, id: target.row.id, outcome: 'unchanged' });
      continue;
    }
    unindexName(target);
    target.row = { ...nextRow, updated_at: at };
    if (!same(was.contacts, now.contacts)) target.contactsChanged = true;
    target.contacts = nextContacts;
    index(target);
    if (!touched.includes(target)) touched.push(target);
    const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => !same(was[k], now[k]));
    audits.push({
      id: ctx.newId(),
      actorId: actor.id,
      action: 'account.updated',
      entityType: 'account',
      entityId: target.row.id,
      from: Object.fromEntries(changed.map((k) => [k, was[k]])),
      to: Object.fromEntries(changed.map((k) => [k, now[k]])),
      at,
    });
    outcomes.push({ index: itemIndex, ok: true, id: target.row.id, outcome: 'updated' });
  }

  await insertAccounts(
    trx,
    touched.filter((w) => w.isNew).map((w) => w.row),
  );
  await updateAccounts(
    trx,
    touched.filter((w) => !w.isNew).map((w) => w.row),
  );
  const withNewContacts = touched.filter((w) => w.contactsChanged);
  const contactRows: AccountContactRow[] = withNewContacts.flatMap((w) =>
    w.contacts.map((c, position) => ({
      id: ctx.newId(),
      account_id: w.row.id,
      name: c.name,
      title: c.title,
      position,
    })),
  );
  await replaceContacts(
    trx,
    withNewContacts.filter((w) => !w.isNew).map((w) => w.row.id),
    contactRows,
  );
  await appendAudit(trx, audits);
  return outcomes;
}

export interface AccountWithContacts {
  account: AccountRow;
  contacts: AccountContactRow[];
}

/** POST /accounts: creates the account or updates the one it matches (see the top of this file). */
export async function upsertAccount(
  ctx: ServiceContext,
  actor: Actor,
  input: AccountInput,
): Promise<AccountWithContacts & { outcome: UpsertOutcome }> {
  authorize(actor, 'accounts.manage');
  const checked = checkAccount(input);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  return ctx.db.transaction().execute(async (trx) => {
    const [outcome] = await upsertInTransaction(trx, ctx, actor, [{ index: 0, account: checked.account }]);
    if (!outcome.ok) {
      if (outcome.errors.some((e) => e.field === 'ownerId')) throw new InvalidInput(outcome.errors);
      throw new Conflict(outcome.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    }
    const found = await findAccount(trx, outcome.id);
    if (!found) throw new Error(`account ${outcome.id} vanished inside its own transaction`);
    return { ...found, outcome: outcome.outcome };
  });
}

/** POST /accounts/bulk: each item succeeds or fails on its own (failures by index). */
export async function upsertAccountsBulk(
  ctx: ServiceContext,
  actor: Actor,
  items: readonly unknown[],
): Promise<BulkAccountsResult> {
  authorize(actor, 'accounts.manage');
  const result: BulkAccountsResult = { created: 0, updated: 0, unchanged: 0, failed: [], results: [] };
  const valid: { index: number; account: CheckedAccount }[] = [];
  items.forEach((item, index) => {
    const parsed = accountInputSchema.safeParse(item);
    if (!parsed.success) {
      result.failed.push({ index, errors: fieldErrorsOf(parsed.error) });
      return;
    }
    const checked = checkAccount(parsed.data);
    if (checked.ok) valid.push({ index, account: checked.account });
    else result.failed.push({ index, errors: checked.errors });
  });
  if (valid.length > 0) {
    const outcomes = await ctx.db.transaction().execute((trx) => upsertInTransaction(trx, ctx, actor, valid));
    for (const o of outcomes) {
      if (!o.ok) {
        result.failed.push({ index: o.index, errors: o.errors });
        continue;
      }
      result[o.outcome]++;
      result.results.push({ index: o.index, id: o.id, outcome: o.outcome });
    }
  }
  result.failed.sort((a, b) => a.index - b.index);
  return result;
}
