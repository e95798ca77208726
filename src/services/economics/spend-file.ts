/**
 * A spend sheet (POST /spend/import): CSV (UTF-8, UTF-8 with BOM or GBK, with the lead
 * importer's encoding detection and CSV dialect) or XLSX, header row
 * `month,channel,campaign,amount` or 月份,渠道,活动,金额 (header normalisation of the lead
 * importer: full-width, case, spaces). Cells:
 * - month: 2026-03, 2026/3, 2026年3月 (Excel turning it into the 1st of the month, 2026-03-01, is read too);
 * - channel: the channel's id, English name or Chinese name;
 * - campaign: optional, empty = spend on the channel not booked to a campaign;
 * - amount: yuan, at most 2 decimals ("1,234.50", "¥1000" are read).
 * Rows are numbered as a person sees them in Excel (header = row 1).
 */
import type { FieldError } from '../../domain/errors.js';
import { InvalidInput } from '../../domain/errors.js';
import { brokenRowError, isBlank } from '../import-file/import-row.js';
import { normaliseHeader } from '../import-file/lead-columns.js';
import { readSheet } from '../import-file/read-sheet.js';

type Column = 'month' | 'channel' | 'campaign' | 'amount';

const headerNames: Record<Column, readonly string[]> = {
  month: ['month', '月份', '月度', '投放月份'],
  channel: ['channel', 'channelId', '渠道', '渠道ID', '渠道名称'],
  campaign: ['campaign', '活动', '活动名称', '推广活动'],
  amount: ['amount', 'spend', 'cost', '金额', '花费', '费用', '投放金额'],
};

const columnOfHeader = new Map<string, Column>(
  (Object.entries(headerNames) as [Column, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [normaliseHeader(name), column] as const),
  ),
);

const MONTH_CELL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*0?1\s*日?|[-/.]0?1(?:\s+0{1,2}:00(?::00)?)?)?$/;

/** A month cell → yyyy-mm, or the text as written (the service refuses it). */
export function normaliseMonthCell(text: string): string {
  const m = MONTH_CELL.exec(text.normalize('NFKC').trim());
  if (!m) return text.trim();
  return `${m[1]}-${m[2].padStart(2, '0')}`;
}

export interface SpendSheet {
  rows: { row: number; month: string; channel: string; campaign: string | null; amount: string }[];
  failed: { row: number; errors: FieldError[] }[];
}

export async function readSpendFile(file: { bytes: Uint8Array; name?: string }): Promise<SpendSheet> {
  const sheet = await readSheet(file);
  const at: Partial<Record<Column, number>> = {};
  sheet.header.forEach((cell, i) => {
    const column = columnOfHeader.get(normaliseHeader(cell));
    if (column !== undefined && at[column] === undefined) at[column] = i;
  });
  const missing = (['month', 'channel', 'amount'] as const).filter((c) => at[c] === undefined);
  if (missing.length) {
    throw new InvalidInput([
      {
        field: 'file',
        message: `has no ${missing.join(', ')} column: the header is month,channel,campaign,amount or 月份,渠道,活动,金额`,
        messageZh: `缺少 ${missing.join('、')} 列：表头应为 月份,渠道,活动,金额 或 month,channel,campaign,amount`,
      },
    ]);
  }
  const spend: SpendSheet = { rows: [], failed: [] };
  for (const record of sheet.records) {
    if ('broken' in record) {
      spend.failed.push({ row: record.rowNumber, errors: [brokenRowError(record)] });
      continue;
    }
    if (isBlank(record.cells)) continue;
    const cell = (column: Column) => {
      const i = at[column];
      return i === undefined ? '' : (record.cells[i] ?? '').trim();
    };
    const campaign = cell('campaign');
    spend.rows.push({
      row: record.rowNumber,
      month: normaliseMonthCell(cell('month')),
      channel: cell('channel'),
      campaign: campaign === '' ? null : campaign,
      amount: cell('amount').normalize('NFKC'),
    });
  }
  return spend;
}
