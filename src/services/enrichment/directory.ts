/**
 * The company directory (SPEC §3): the customer loads it as a JSON array, or uploads a CSV
 * (UTF-8, UTF-8 with BOM or GBK, read by the lead importer's readers; an XLSX or a JSON file
 * works too), and the load replaces the whole directory in one transaction. A bad row refuses
 * the load, naming the row and field, so the directory in use is always one the customer saw
 * whole. Anyone may look companies up.
 */

import { normaliseCreditCode } from '../../domain/enrichment/credit-code.js';
import {
  type DirectoryCompany,
  directoryKeyForHeader,
  duplicateCreditCodes,
  parseDirectoryEntry,
} from '../../domain/enrichment/directory-company.js';
import { type FieldError, InvalidInput } from '../../domain/errors.js';
import { companyMatchKey } from '../../domain/normalise/company.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  countDirectory,
  type DirectoryRow,
  replaceDirectory,
  searchDirectory,
} from '../../store/repositories/enrichment.js';
import type { ServiceContext } from '../context.js';
import { csvDialect, readCsvRecords } from '../import-file/csv-records.js';
import { decodeText } from '../import-file/decode-text.js';
import { describeFile, describeFileZh, detectFormat } from '../import-file/detect-format.js';
import { brokenRowError, isBlank, type SheetRecord } from '../import-file/import-row.js';
import { UnreadableFile } from '../import-file/unreadable-file.js';
import { readXlsxRecords } from '../import-file/xlsx-records.js';

const maxReportedErrors = 100;

export interface DirectoryLoad {
  companies: number;
  format: 'json' | 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'utf-8-bom' | 'gbk';
}

function refuse(errors: FieldError[]): never {
  const shown = errors.slice(0, maxReportedErrors);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : '';
  throw new InvalidInput(
    shown,
    `the directory was not loaded: ${shown
      .map((e) => `${e.field}: ${e.message}`)
      .slice(0, 5)
      .join('; ')}${more}`,
  );
}

function parseAll(
  rows: readonly { at: string; raw: unknown }[],
  strict: boolean,
): { at: string; company: DirectoryCompany }[] {
  const errors: FieldError[] = [];
  const parsed: { at: string; company: DirectoryCompany }[] = [];
  for (const { at, raw } of rows) {
    const result = parseDirectoryEntry(raw, at, { strict });
    if (result.ok) parsed.push({ at, company: result.company });
    else errors.push(...result.errors);
  }
  errors.push(...duplicateCreditCodes(parsed));
  if (errors.length) refuse(errors);
  return parsed;
}

async function store(
  ctx: ServiceContext,
  actor: Actor,
  companies: readonly DirectoryCompany[],
  load: DirectoryLoad & { fileName?: string },
) {
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await countDirectory(trx);
    await replaceDirectory(
      trx,
      companies.map((company) => ({ id: ctx.newId(), company })),
    );
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'enrichment.directory_loaded',
        entityType: 'enrichment_directory',
        entityId: 'directory',
        from: { companies: before },
        to: { ...load },
        at,
      },
    ]);
  });
}

/** PUT /enrichment/directory with a JSON array of companies. */
export async function loadDirectoryJson(ctx: ServiceContext, actor: Actor, body: unknown): Promise<DirectoryLoad> {
  authorize(actor, 'enrichment.manage');
  if (!Array.isArray(body)) {
    throw new InvalidInput([
      {
        field: 'body',
        message: 'must be a JSON array of companies (or a CSV file upload)',
        messageZh: '须为公司的 JSON 数组（或上传 CSV 文件）',
      },
    ]);
  }
  const parsed = parseAll(
    body.map((raw, i) => ({ at: `[${i}]`, raw })),
    true,
  );
  const load: DirectoryLoad = { companies: parsed.length, format: 'json' };
  await store(
    ctx,
    actor,
    parsed.map((p) => p.company),
    load,
  );
  return load;
}

/**
 * Rows of a table keyed by directory field; the header row decides which column is which and
 * columns the directory does not keep are ignored (business-data exports carry dozens).
 */
function tableRows(records: readonly SheetRecord[], file: string, fileZh: string): { at: string; raw: unknown }[] {
  const headerAt = records.findIndex((r) => 'broken' in r || !isBlank(r.cells));
  if (headerAt === -1) {
    throw new InvalidInput([{ field: 'file', message: `${file} is empty`, messageZh: `${fileZh}是空的` }]);
  }
  const header = records[headerAt];
  if ('broken' in header) {
    throw new InvalidInput([
      {
        field: 'file',
        message: `the header row of ${file} cannot be read. ${header.broken}`,
        messageZh: `${fileZh}的表头行无法读取。${header.brokenZh ?? header.broken}`,
      },
    ]);
  }
  const keys = header.cells.map((cell) => directoryKeyForHeader(cell.trim()));
  if (!keys.includes('name')) {
    throw new InvalidInput([
      {
        field: 'file',
        message: `${file} has no company name column (name, 公司名称 or 企业名称) in its header row`,
        messageZh: `${fileZh}的表头中没有公司名称列（name、公司名称 或 企业名称）`,
      },
    ]);
  }
  const broken: FieldError[] = [];
  const rows: { at: string; raw: unknown }[] = [];
  for (const record of records.slice(headerAt + 1)) {
    const at = `rows[${record.rowNumber}]`;
    if ('broken' in record) broken.push({ ...brokenRowError(record), field: at });
    else if (!isBlank(record.cells)) {
      const raw: Record<string, string> = {};
      record.cells.forEach((cell, i) => {
        const key = keys[i];
        if (key && cell.trim() && raw[key] === undefined) raw[key] = cell;
      });
      rows.push({ at, raw });
    }
  }
  if (broken.length) refuse(broken);
  return rows;
}

/** PUT /enrichment/directory with a CSV (or XLSX, or JSON) file. */
export async function loadDirectoryFile(
  ctx: ServiceContext,
  actor: Actor,
  upload: { bytes: Uint8Array; name?: string },
): Promise<DirectoryLoad> {
  authorize(actor, 'enrichment.manage');
  const file = describeFile(upload.name);
  const fileZh = describeFileZh(upload.name);
  let records: SheetRecord[];
  let load: DirectoryLoad;
  try {
    if (detectFormat(upload.bytes, upload.name) === 'xlsx') {
      records = await readXlsxRecords(upload.bytes, upload.name);
      load = { companies: 0, format: 'xlsx' };
    } else {
      const decoded = decodeText(upload.bytes, upload.name);
      if (decoded.text.includes('\u0000')) {
        throw new UnreadableFile(`${file} is not a CSV, XLSX or JSON file`, {
          messageZh: `${fileZh}不是 CSV、XLSX 或 JSON 文件`,
        });
      }
      if (/^\s*\[/.test(decoded.text)) {
        let body: unknown;
        try {
          body = JSON.parse(decoded.text);
        } catch (error) {
          throw new UnreadableFile(`${file} looks like JSON but cannot be parsed: ${(error as Error).message}`, {
            messageZh: `${fileZh}看起来是 JSON，但无法解析：${(error as Error).message}`,
          });
        }
        return { ...(await loadDirectoryJson(ctx, actor, body)), encoding: decoded.encoding };
      }
      const { delimiter, start } = csvDialect(decoded.text);
      records = [...readCsvRecords(decoded.text, delimiter, start)];
      load = { companies: 0, format: 'csv', encoding: decoded.encoding };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw new InvalidInput([error.fieldError()]);
    throw error;
  }
  const parsed = parseAll(tableRows(records, file, fileZh), false);
  load.companies = parsed.length;
  await store(
    ctx,
    actor,
    parsed.map((p) => p.company),
    { ...load, ...(upload.name ? { fileName: upload.name } : {}) },
  );
  return load;
}

export interface DirectoryCompanyView {
  id: string;
  name: string;
  aliases: string[];
  creditCode: string | null;
  industry: string | null;
  employees: number | null;
  employeeBand: string | null;
  registeredCapital: string | null;
  city: string | null;
  website: string | null;
  fundingRound: string | null;
}

const present = (r: DirectoryRow): DirectoryCompanyView => ({
  id: r.id,
  name: r.name,
  aliases: r.aliases,
  creditCode: r.credit_code,
  industry: r.industry,
  employees: r.employees,
  employeeBand: r.employee_band,
  registeredCapital: r.registered_capital,
  city: r.city,
  website: r.website,
  fundingRound: r.funding_round,
});

/** GET /enrichment/directory/companies?q=: by credit code, name or alias (match key), exact first. */
export async function lookUpDirectory(
  ctx: ServiceContext,
  actor: Actor,
  query: { q?: string; limit: number; offset: number },
): Promise<{ items: DirectoryCompanyView[]; total: number }> {
  authorize(actor, 'enrichment.directory.read');
  const q = query.q?.trim() ?? '';
  const key = q ? companyMatchKey(q) || null : null;
  const creditCode = q ? normaliseCreditCode(q) : null;
  if (q && !key && !creditCode) return { items: [], total: 0 };
  const { rows, total } = await searchDirectory(ctx.db, { key, creditCode }, query);
  return { items: rows.map(present), total };
}

export async function directorySummary(ctx: ServiceContext, actor: Actor): Promise<{ companies: number }> {
  authorize(actor, 'enrichment.directory.read');
  return { companies: await countDirectory(ctx.db) };
}
