/**
 * Marketing spend per channel, campaign and month (SPEC §8.2), entered or imported.
 *
 * - PUT /spend/{month} replaces that month's entries with the items given (an empty list clears
 *   the month); the same (channel, campaign) twice in one month is refused.
 * - POST /spend/import sets the amount of each (month, channel, campaign) row of a sheet and
 *   leaves other entries alone, so importing the same file again changes nothing. Rows with
 *   errors are reported by their row in the sheet (header = row 1) and skipped; the others are
 *   imported.
 * Every change is audited (action spend.replaced / spend.imported, entity spend/<month>).
 */

import { parseAmount, yuan } from '../../domain/economics/money.js';
import { isSpendMonth } from '../../domain/economics/spend-month.js';
import type { FieldError } from '../../domain/errors.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { channelNames } from '../../store/repositories/reports.js';
import {
  knownChannels,
  listSpend,
  replaceMonth,
  type SpendEntry,
  upsertEntry,
} from '../../store/repositories/spend.js';
import type { ServiceContext } from '../context.js';

export const MAX_SPEND_ITEMS = 1000;
const MAX_CAMPAIGN = 200;

export interface SpendItemInput {
  channel: string;
  campaign?: string | null;
  amount: number | string;
}

export interface SpendItem {
  month: string;
  channel: string;
  campaign: string | null;
  amount: number;
}

export const presentEntry = (e: SpendEntry): SpendItem => ({
  month: e.month,
  channel: e.channel,
  campaign: e.campaign,
  amount: yuan(e.fen),
});

const sumFen = (entries: readonly SpendEntry[]) => entries.reduce((s, e) => s + e.fen, 0);
const keyOf = (e: { channel: string; campaign: string | null }) => `${e.channel}\u0000${e.campaign ?? ''}`;
const normaliseCampaign = (c: string | null | undefined) => {
  const t = (c ?? '').trim();
  return t === '' ? null : t;
};

function checkMonth(month: string, field: string): void {
  if (!isSpendMonth(month))
    throw new InvalidInput([
      { field, message: 'must be a month written yyyy-mm (2026-03)', messageZh: '须为 yyyy-mm 格式的月份（2026-03）' },
    ]);
}

/** The entries of the months from…to (yyyy-mm, both included; default: all). */
export async function readSpend(
  ctx: ServiceContext,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<{ from: string | null; to: string | null; items: SpendItem[]; total: number }> {
  authorize(actor, 'reports.read');
  const errors: FieldError[] = [];
  for (const k of ['from', 'to'] as const) {
    const v = query[k];
    if (v !== undefined && !isSpendMonth(v)) {
      errors.push({
        field: `query.${k}`,
        message: 'must be a month written yyyy-mm (2026-03)',
        messageZh: '须为 yyyy-mm 格式的月份（2026-03）',
      });
    }
  }
  if (errors.length === 0 && query.from !== undefined && query.to !== undefined && query.from > query.to) {
    errors.push({
      field: 'query.from',
      message: `must not be after to (${query.to})`,
      messageZh: `不能晚于 to（${query.to}）`,
    });
  }
  if (errors.length) throw new InvalidInput(errors);
  const entries = await listSpend(ctx.db, query.from ?? '0000-01', query.to ?? '9999-12');
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    items: entries.map(presentEntry),
    total: yuan(sumFen(entries)),
  };
}

/** PUT /spend/{month}: the month's entries become these. */
export async function replaceSpendMonth(
  ctx: ServiceContext,
  actor: Actor,
  month: string,
  items: readonly SpendItemInput[],
): Promise<{ month: string; items: SpendItem[]; total: number }> {
  authorize(actor, 'spend.manage');
  checkMonth(month, 'path.month');
  const errors: FieldError[] = [];
  const entries: SpendEntry[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const campaign = normaliseCampaign(item.campaign);
    if (campaign !== null && campaign.length > MAX_CAMPAIGN) {
      errors.push({
        field: `items[${i}].campaign`,
        message: `must be at most ${MAX_CAMPAIGN} characters`,
        messageZh: `最多 ${MAX_CAMPAIGN} 个字符`,
      });
    }
    const amount = parseAmount(item.amount);
    if ('error' in amount)
      errors.push({ field: `items[${i}].amount`, message: amount.error, messageZh: amount.errorZh });
    const key = keyOf({ channel: item.channel, campaign });
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        field: `items[${i}].campaign`,
        message: `repeats items[${earlier}] (the same channel and campaign once per month)`,
        messageZh: `与 items[${earlier}] 重复（同一渠道和活动每月一条）`,
      });
    } else seen.set(key, i);
    if ('fen' in amount) entries.push({ month, channel: item.channel, campaign, fen: amount.fen });
  });
  const known = await knownChannels(
    ctx.db,
    items.map((i) => i.channel),
  );
  items.forEach((item, i) => {
    if (!known.has(item.channel)) {
      errors.push({
        field: `items[${i}].channel`,
        message: `no channel has the id "${item.channel}"`,
        messageZh: `没有 id 为“${item.channel}”的渠道`,
      });
    }
  });
  if (errors.length) throw new InvalidInput(errors);

  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // One writer per month at a time: a replace and an import of the same month never interleave.
    await lockKeys(trx, [`spend:${month}`]);
    const before = await listSpend(trx, month, month);
    await replaceMonth(trx, month, entries, now, actor.id);
    const after = await listSpend(trx, month, month);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'spend.replaced',
        entityType: 'spend',
        entityId: month,
        from: { items: before.map(presentEntry), total: yuan(sumFen(before)) },
        to: { items: after.map(presentEntry), total: yuan(sumFen(after)) },
        at: now,
      },
    ]);
    return { month, items: after.map(presentEntry), total: yuan(sumFen(after)) };
  });
}

export interface SpendImportRow {
  row: number;
  month: string;
  channel: string;
  campaign: string | null;
  amount: number | string;
}

export interface SpendImportResult {
  imported: number;
  months: string[];
  failed: { row: number; errors: FieldError[] }[];
}

/** A channel cell (id, English or Chinese name, any case) → the channel id. */
async function channelResolver(ctx: ServiceContext): Promise<(cell: string) => string | undefined> {
  const channels = await channelNames(ctx.db);
  const byName = new Map<string, string>();
  for (const [id, c] of channels) {
    for (const name of [c.name, c.nameZh]) {
      const k = name.trim().toLowerCase();
      if (!byName.has(k)) byName.set(k, id);
    }
  }
  return (cell) => (channels.has(cell) ? cell : byName.get(cell.trim().toLowerCase()));
}

/** The rows of a spend sheet (already read into cells by the caller) → entries set one by one. */
export async function importSpendRows(
  ctx: ServiceContext,
  actor: Actor,
  rows: readonly SpendImportRow[],
  failed: { row: number; errors: FieldError[] }[],
): Promise<SpendImportResult> {
  authorize(actor, 'spend.manage');
  const channelOf = await channelResolver(ctx);
  const seen = new Map<string, number>();
  const entries: SpendEntry[] = [];
  for (const sheetRow of rows) {
    const r = { ...sheetRow, channel: channelOf(sheetRow.channel) ?? sheetRow.channel };
    const errors: FieldError[] = [];
    if (!isSpendMonth(r.month))
      errors.push({
        field: 'month',
        message: `"${r.month}" is not a month (2026-03) (月份)`,
        messageZh: `月份：“${r.month}”不是 yyyy-mm 格式的月份（2026-03）`,
      });
    if (r.channel === '') errors.push({ field: 'channel', message: 'is required (渠道)', messageZh: '渠道：必填' });
    else if (channelOf(r.channel) === undefined) {
      errors.push({
        field: 'channel',
        message: `no channel has the id or name "${r.channel}" (渠道)`,
        messageZh: `渠道：没有 id 或名称为“${r.channel}”的渠道`,
      });
    }
    if (r.campaign !== null && r.campaign.length > MAX_CAMPAIGN) {
      errors.push({
        field: 'campaign',
        message: `must be at most ${MAX_CAMPAIGN} characters (活动)`,
        messageZh: `活动：最多 ${MAX_CAMPAIGN} 个字符`,
      });
    }
    const amount = r.amount === '' ? { error: 'is required (金额)', errorZh: '金额：必填' } : parseAmount(r.amount);
    if ('error' in amount) errors.push({ field: 'amount', message: amount.error, messageZh: amount.errorZh });
    const key = `${r.month}\u0000${keyOf(r)}`;
    const earlier = seen.get(key);
    if (errors.length === 0 && earlier !== undefined) {
      errors.push({
        field: 'campaign',
        message: `repeats row ${earlier} (the same month, channel and campaign)`,
        messageZh: `与第 ${earlier} 行重复（同一月份、渠道和活动）`,
      });
    }
    if (errors.length || !('fen' in amount)) {
      failed.push({ row: r.row, errors });
      continue;
    }
    seen.set(key, r.row);
    entries.push({ month: r.month, channel: r.channel, campaign: r.campaign, fen: amount.fen });
  }
  failed.sort((a, b) => a.row - b.row);
  const months = [...new Set(entries.map((e) => e.month))].sort();
  if (entries.length === 0) return { imported: 0, months, failed };

  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(
      trx,
      months.map((m) => `spend:${m}`),
    );
    const audit = [];
    for (const month of months) {
      const before = new Map((await listSpend(trx, month, month)).map((e) => [keyOf(e), e]));
      const mine = entries.filter((e) => e.month === month);
      for (const e of mine) await upsertEntry(trx, e, now, actor.id);
      audit.push({
        id: ctx.newId(),
        actorId: actor.id,
        action: 'spend.imported',
        entityType: 'spend',
        entityId: month,
        from: { items: mine.flatMap((e) => before.get(keyOf(e)) ?? []).map(presentEntry) },
        to: { items: mine.map(presentEntry) },
        at: now,
      });
    }
    await appendAudit(trx, audit);
  });
  return { imported: entries.length, months, failed };
}
