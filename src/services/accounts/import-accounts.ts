/**
 * CRM accounts from a file (SPEC §10.1: accounts "also bulk and import"): a CSV (UTF-8, UTF-8
 * with BOM or GBK) or XLSX export of the CRM's customer list becomes accounts through the same
 * upsert as POST /accounts/bulk, so importing the same file again changes nothing.
 *
 * Columns are found by English or Chinese header (客户名称/公司名称, 别名, 统一社会信用代码,
 * 负责人, 最近活动时间, 联系人), after the lead importer's header normalisation (full-width,
 * case, spaces, required-markers); other columns are ignored — CRM exports carry many. Cells:
 * - 别名 aliases: separated by ";", "；" or "、";
 * - 负责人 owner: the owner's e-mail or user id; empty (or no such column) = no owner;
 * - 最近活动时间 lastActivityAt: ISO-8601, or a date / date and time without a zone, read in
 *   China time (UTC+8) as Chinese CRMs write it (2026-02-20, 2026/2/20 10:30, 2026年2月20日);
 * - 联系人 contacts: "姓名:职位; 姓名:职位" (":" or "：", title optional).
 * Empty aliases, activity and contacts cells keep what the account has, as in the API.
 * Failures are reported by the row a person sees in Excel (header = row 1).
 */
import type { FieldError } from '../../domain/errors.js';
import { InvalidInput } from '../../domain/errors.js';
import { parseDateText } from '../../domain/normalise/date-text.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { ServiceContext } from '../context.js';
import { brokenRowError, isBlank } from '../import-file/import-row.js';
import { normaliseHeader } from '../import-file/lead-columns.js';
import { readSheet } from '../import-file/read-sheet.js';
import type { AccountInput } from './account-input.js';
import { accountBulkLimit, upsertAccountsBulk } from './upsert-accounts.js';

export interface AccountImportResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: { row: number; errors: FieldError[] }[];
}

type Column = 'name' | 'aliases' | 'creditCode' | 'owner' | 'lastActivityAt' | 'contacts';

const headerNames: Record<Column, readonly string[]> = {
  name: ['name', 'accountName', 'company', '客户名称', '公司名称', '客户', '公司', '企业名称', '账户名称'],
  aliases: ['aliases', 'alias', '别名', '简称'],
  creditCode: ['creditCode', '统一社会信用代码', '社会信用代码', '信用代码'],
  owner: ['owner', 'ownerId', 'ownerEmail', '负责人', '客户负责人', '所有人', '负责人邮箱'],
  lastActivityAt: ['lastActivityAt', 'lastActivity', '最近活动时间', '最后活动时间', '最近跟进时间'],
  contacts: ['contacts', '联系人'],
};

const columnOfHeader = new Map<string, Column>(
  (Object.entries(headerNames) as [Column, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [normaliseHeader(name), column] as const),
  ),
);

/** Which cell of a row holds each known column (the first such column when repeated). */
function layout(headerCells: readonly string[]): Partial<Record<Column, number>> {
  const at: Partial<Record<Column, number>> = {};
  headerCells.forEach((cell, i) => {
    const column = columnOfHeader.get(normaliseHeader(cell));
    if (column !== undefined && at[column] === undefined) at[column] = i;
  });
  return at;
}

const LIST_SEPARATOR = /[;；、\n]/;

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "张总:CEO; 李工：IT经理; 王五" → [{name, title}]. */
function parseContacts(text: string): { name: string; title: string | null }[] {
  return text
    .split(/[;；\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.search(/[:：]/);
      if (colon === -1) return { name: part, title: null };
      return { name: part.slice(0, colon).trim(), title: part.slice(colon + 1).trim() || null };
    });
}

/** An activity time as an ISO string, or null when the text is not a date we can read. */
export function parseActivityTime(text: string): string | null {
  return parseDateText(text)?.at.toISOString() ?? null;
}

interface PendingRow {
  row: number;
  /** ownerId is filled in once the owner cells are resolved. */
  input: AccountInput;
  owner: string | null;
}

/** Owner cells (e-mails or ids) → user ids; the ones nobody has are missing from the map. */
async function resolveOwners(ctx: ServiceContext, owners: readonly string[]): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  const emails = [...new Set(owners.filter((o) => o.includes('@')).map((o) => o.toLowerCase()))];
  const ids = [...new Set(owners.filter((o) => !o.includes('@')))];
  for (let i = 0; i < emails.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where((eb) => eb(eb.fn('lower', ['email']), 'in', emails.slice(i, i + 1000)))
      .execute();
    for (const r of rows) resolved.set(r.email.toLowerCase(), r.id);
  }
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) resolved.set(r.id, r.id);
  }
  return resolved;
}

const ownerKey = (owner: string) => (owner.includes('@') ? owner.toLowerCase() : owner);

export async function importAccountFile(
  ctx: ServiceContext,
  actor: Actor,
  file: { bytes: Uint8Array; name?: string },
): Promise<AccountImportResult> {
  authorize(actor, 'accounts.manage');
  const sheet = await readSheet(file);
  const at = layout(sheet.header);
  if (at.name === undefined) {
    throw new InvalidInput([
      {
        field: 'file',
        message:
          'has no account name column: name a column 客户名称, 公司名称 or name (others: 别名, 统一社会信用代码, 负责人, 最近活动时间, 联系人)',
        messageZh:
          '缺少客户名称列：请把一列命名为 客户名称、公司名称 或 name（其他可用列：别名、统一社会信用代码、负责人、最近活动时间、联系人）',
      },
    ]);
  }

  const result: AccountImportResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const pending: PendingRow[] = [];
  for (const record of sheet.records) {
    if ('broken' in record) {
      result.failed.push({ row: record.rowNumber, errors: [brokenRowError(record)] });
      continue;
    }
    if (isBlank(record.cells)) continue;
    const cell = (column: Column) => {
      const i = at[column];
      return i === undefined ? '' : (record.cells[i] ?? '').trim();
    };
    const errors: FieldError[] = [];
    const name = cell('name');
    if (name === '') errors.push({ field: 'name', message: 'is required (客户名称)', messageZh: '必填（客户名称）' });
    const activity = cell('lastActivityAt');
    const lastActivityAt = activity === '' ? undefined : parseActivityTime(activity);
    if (lastActivityAt === null) {
      errors.push({
        field: 'lastActivityAt',
        message: `"${activity}" is not a date and time (e.g. 2026-02-20 10:30, read in China time, or ISO-8601)`,
        messageZh: `“${activity}”不是日期时间（如 2026-02-20 10:30，按北京时间理解，或 ISO-8601 格式）`,
      });
    }
    if (errors.length) {
      result.failed.push({ row: record.rowNumber, errors });
      continue;
    }
    const aliases = cell('aliases');
    const contacts = cell('contacts');
    const creditCode = cell('creditCode');
    const owner = cell('owner');
    pending.push({
      row: record.rowNumber,
      owner: owner === '' ? null : owner,
      input: {
        name,
        ...(aliases !== '' && { aliases: splitList(aliases) }),
        ...(creditCode !== '' && { creditCode }),
        ownerId: null,
        ...(lastActivityAt && { lastActivityAt }),
        ...(contacts !== '' && { contacts: parseContacts(contacts) }),
      },
    });
  }

  const owners = await resolveOwners(
    ctx,
    pending.flatMap((p) => (p.owner ? [p.owner] : [])),
  );
  const items: { row: number; input: AccountInput }[] = [];
  for (const p of pending) {
    const ownerId = p.owner === null ? null : owners.get(ownerKey(p.owner));
    if (ownerId === undefined) {
      result.failed.push({
        row: p.row,
        errors: [
          {
            field: 'owner',
            message: `no user has the e-mail or id "${p.owner}" (负责人)`,
            messageZh: `没有邮箱或编号为“${p.owner}”的用户（负责人）`,
          },
        ],
      });
      continue;
    }
    items.push({ row: p.row, input: { ...p.input, ownerId } });
  }

  for (let i = 0; i < items.length; i += accountBulkLimit) {
    const chunk = items.slice(i, i + accountBulkLimit);
    const bulk = await upsertAccountsBulk(
      ctx,
      actor,
      chunk.map((item) => item.input),
    );
    result.created += bulk.created;
    result.updated += bulk.updated;
    result.unchanged += bulk.unchanged;
    for (const f of bulk.failed) result.failed.push({ row: chunk[f.index].row, errors: f.errors });
  }
  result.failed.sort((a, b) => a.row - b.row);
  return result;
}
