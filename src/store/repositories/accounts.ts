/**
 * CRM accounts (SPEC §5.2 step 1): stored for matching a lead's company to an existing owner,
 * upserted by CRM syncs (on credit code, else normalised name), and matched by routing on
 * credit code, then normalised name, then aliases (findAccountMatches).
 */
import { type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import { toHalfWidth } from '../../domain/normalise/width.js';
import type { AccountMatch } from '../../domain/routing/routing-types.js';
import type { Queryable } from '../db.js';
import { recordset } from '../recordset.js';
import type { AccountContactsTable, AccountsTable, Database } from '../schema.js';

export type AccountRow = Selectable<AccountsTable>;
export type AccountContactRow = Selectable<AccountContactsTable>;

/** A credit code as stored and compared: half-width, no spaces, upper case. */
export function creditCodeKey(code: string): string {
  return toHalfWidth(code).replace(/\s+/g, '').toUpperCase();
}

async function contactsByAccount(db: Queryable, accountIds: readonly string[]) {
  const byAccount = new Map<string, AccountContactRow[]>();
  if (accountIds.length === 0) return byAccount;
  const rows = await db
    .selectFrom('account_contacts')
    .selectAll()
    .where('account_id', 'in', [...accountIds])
    .orderBy('account_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = byAccount.get(r.account_id) ?? [];
    list.push(r);
    byAccount.set(r.account_id, list);
  }
  return byAccount;
}

/**
 * The CRM account a lead's company belongs to, or null (SPEC §5.2 step 1). Tried in order:
 * the credit code (统一社会信用代码), the normalised name (`companyKey`, from
 * domain/normalise/company.ts companyMatchKey), then the accounts' aliases. When several
 * accounts match at one step, the one with an active owner and the most recent activity wins.
 * `ownerId` is null when the account has no owner or its owner's user is deactivated ("no
 * active owner": the account does not decide the rep). Call it inside the transfer's transaction.
 *
 * Many leads at once, in one statement whatever their number (the matches with their
 * contacts): a bulk capture routes hundreds of direct-to-sales leads in one transaction.
 * Answers by lead id; leads without a match are absent.
 */
export async function findAccountMatches(
  trx: Queryable,
  leads: readonly AccountMatchKeys[],
): Promise<Map<string, AccountMatch>> {
  const query = accountMatchesQuery(leads);
  return accountMatchesOf(query ? (await query.execute(trx)).rows : []);
}

/** What findAccountMatches matches a lead on. */
export interface AccountMatchKeys {
  id: string;
  companyKey: string | null | undefined;
  creditCode?: string | null;
}

/** A row of accountMatchesQuery, as the driver or as JSON (timestamps as text) gives it. */
export interface AccountMatchRow {
  lead_id: string;
  step: AccountMatch['matchedOn'];
  id: string;
  name: string;
  owner_id: string | null;
  last_activity_at: Date | string | null;
  owner_active: boolean | null;
  contacts: { name: string; title: string | null }[];
}

/**
 * findAccountMatches' statement, to run alone or inside another (the transfer's one read,
 * transfer-reads.ts): one row per matched lead. Null when no lead has a key to match on.
 */
export function accountMatchesQuery(leads: readonly AccountMatchKeys[]): RawBuilder<AccountMatchRow> | null {
  const keys = leads
    .map((l) => ({ lead_id: l.id, code: l.creditCode ? creditCodeKey(l.creditCode) : '', key: l.companyKey ?? '' }))
    .filter((k) => k.code !== '' || k.key !== '');
  if (keys.length === 0) return null;
  return sql<AccountMatchRow>`WITH k AS (SELECT * FROM ${recordset(keys, keyColumns, 'k')}),
      m AS (
        SELECT k.lead_id, 0 AS rank, 'credit_code' AS step, a.* FROM k JOIN accounts a ON a.credit_code = k.code
         WHERE k.code <> ''
        UNION ALL
        SELECT k.lead_id, 1, 'name', a.* FROM k JOIN accounts a ON a.name_key = k.key WHERE k.key <> ''
        UNION ALL
        SELECT k.lead_id, 2, 'alias', a.* FROM k JOIN accounts a ON a.alias_keys @> ARRAY[k.key] WHERE k.key <> '')
    SELECT DISTINCT ON (m.lead_id) m.lead_id, m.step, m.id, m.name, m.owner_id, m.last_activity_at,
           u.active AS owner_active,
           (SELECT coalesce(json_agg(json_build_object('name', c.name, 'title', c.title) ORDER BY c.position), '[]')
              FROM account_contacts c WHERE c.account_id = m.id) AS contacts
      FROM m LEFT JOIN users u ON u.id = m.owner_id
     ORDER BY m.lead_id, m.rank, (u.active IS TRUE) DESC, m.last_activity_at DESC NULLS LAST, m.created_at, m.id`;
}

/** The matches of accountMatchesQuery's rows, by lead id. */
export function accountMatchesOf(rows: readonly AccountMatchRow[]): Map<string, AccountMatch> {
  return new Map(
    rows.map((r) => [
      r.lead_id,
      {
        accountId: r.id,
        accountName: r.name,
        matchedOn: r.step,
        ownerId: r.owner_id && r.owner_active ? r.owner_id : null,
        lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at) : null,
        contacts: r.contacts.map((c) => ({ name: c.name, title: c.title })),
      },
    ]),
  );
}

const keyColumns = [
  ['lead_id', 'text'],
  ['code', 'text'],
  ['key', 'text'],
] as const;

/** Accounts an upsert may land on: those with one of the credit codes or name keys. */
export async function findAccountsByKeys(
  trx: Transaction<Database>,
  keys: { creditCodes: readonly string[]; nameKeys: readonly string[] },
): Promise<AccountRow[]> {
  if (keys.creditCodes.length === 0 && keys.nameKeys.length === 0) return [];
  return trx
    .selectFrom('accounts')
    .selectAll()
    .where((eb) => {
      const ors = [];
      if (keys.creditCodes.length > 0) ors.push(eb('credit_code', 'in', [...keys.creditCodes]));
      if (keys.nameKeys.length > 0) ors.push(eb('name_key', 'in', [...keys.nameKeys]));
      return eb.or(ors);
    })
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function insertAccounts(trx: Transaction<Database>, rows: readonly AccountRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('accounts')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/** Writes the given accounts' fields, a thousand per statement. */
export async function updateAccounts(trx: Transaction<Database>, rows: readonly AccountRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({
      id: r.id,
      name: r.name,
      name_key: r.name_key,
      aliases: r.aliases,
      alias_keys: r.alias_keys,
      credit_code: r.credit_code,
      owner_id: r.owner_id,
      last_activity_at: r.last_activity_at ? new Date(r.last_activity_at).toISOString() : null,
      updated_at: new Date(r.updated_at).toISOString(),
    }));
    await sql`
      UPDATE accounts AS a SET
        name = v.name, name_key = v.name_key, aliases = v.aliases, alias_keys = v.alias_keys,
        credit_code = v.credit_code, owner_id = v.owner_id, last_activity_at = v.last_activity_at,
        updated_at = v.updated_at
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(
        id text, name text, name_key text, aliases text[], alias_keys text[], credit_code text,
        owner_id text, last_activity_at timestamptz, updated_at timestamptz)
      WHERE a.id = v.id`.execute(trx);
  }
}

/** Replaces the contacts of the given accounts with `contacts` (which name their account). */
export async function replaceContacts(
  trx: Transaction<Database>,
  accountIds: readonly string[],
  contacts: readonly AccountContactRow[],
): Promise<void> {
  for (let i = 0; i < accountIds.length; i += 1000) {
    await trx
      .deleteFrom('account_contacts')
      .where('account_id', 'in', accountIds.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < contacts.length; i += 1000) {
    await trx
      .insertInto('account_contacts')
      .values(contacts.slice(i, i + 1000))
      .execute();
  }
}

export async function findAccount(
  db: Queryable,
  id: string,
): Promise<{ account: AccountRow; contacts: AccountContactRow[] } | undefined> {
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!account) return undefined;
  return { account, contacts: (await contactsByAccount(db, [id])).get(id) ?? [] };
}

export interface AccountListFilter {
  /** Part of the name, an alias, or the credit code. */
  q?: string;
  /** Its normalised form (companyMatchKey), matched against name and alias keys. */
  qKey?: string;
  /** An owner's user id; null = accounts without an owner. */
  ownerId?: string | null;
}

export interface AccountCursor {
  createdAt: string;
  id: string;
}

/** Accounts, newest first, with their contacts. */
export async function listAccounts(
  db: Queryable,
  filter: AccountListFilter,
  page: { cursor?: AccountCursor; limit: number },
): Promise<{ account: AccountRow; contacts: AccountContactRow[] }[]> {
  let q = db.selectFrom('accounts').selectAll();
  if (filter.ownerId === null) q = q.where('owner_id', 'is', null);
  else if (filter.ownerId !== undefined) q = q.where('owner_id', '=', filter.ownerId);
  if (filter.q) {
    const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
    const like = `%${escapeLike(filter.q)}%`;
    const keyLike = filter.qKey ? `%${escapeLike(filter.qKey)}%` : null;
    const code = creditCodeKey(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb('name', 'ilike', like),
        eb('credit_code', '=', code),
        eb.exists(
          eb
            .selectFrom(sql`unnest(accounts.aliases)`.as('alias'))
            .select(sql`1`.as('one'))
            .where(sql<boolean>`alias ILIKE ${like}`),
        ),
        ...(keyLike
          ? [
              eb('name_key', 'like', keyLike),
              eb.exists(
                eb
                  .selectFrom(sql`unnest(accounts.alias_keys)`.as('alias_key'))
                  .select(sql`1`.as('one'))
                  .where(sql<boolean>`alias_key LIKE ${keyLike}`),
              ),
            ]
          : []),
      ]),
    );
  }
  if (page.cursor) {
    const { createdAt, id } = page.cursor;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(createdAt)),
        eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
      ]),
    );
  }
  const accounts = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  const contacts = await contactsByAccount(
    db,
    accounts.map((a) => a.id),
  );
  return accounts.map((account) => ({ account, contacts: contacts.get(account.id) ?? [] }));
}
