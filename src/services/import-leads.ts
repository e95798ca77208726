/**
 * Imports (SPEC §2, §10.1): a CSV or XLSX file becomes leads through the same capture path as
 * the API, in transactions of 1,000 rows. Good rows land even when others fail; failures are
 * kept per row (row number, field, message) for the downloadable error report. The import's
 * counts are updated with each committed chunk, so an interrupted import says how far it got.
 */
import { parseEmployeeCount } from '../domain/capture/employee-count.js';
import type { LeadInput } from '../domain/capture/lead-input.js';
import type { FieldError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from '../store/repositories/audit.js';
import { markRunningImportsFailed, recordImportProgress } from '../store/repositories/imports.js';
import { captureInTransaction } from './capture-leads.js';
import type { ServiceContext } from './context.js';
import { type ImportRow, isRowError, type RowError } from './import-file/read-lead-file.js';
import {
  completeImport,
  type ImportFile,
  type ImportProgress,
  type ImportSummary,
  openLeadFile,
  RowFailures,
  startImport,
} from './import-run.js';

export const importChunkRows = 1000;

const utmColumns = {
  utm_source: 'source',
  utm_medium: 'medium',
  utm_campaign: 'campaign',
  utm_term: 'term',
  utm_content: 'content',
} as const;

/**
 * One row's text cells → a lead input; a bad number is a row error, not a guess. `custom` are
 * the row's other columns as they go into `fields` (history imports type them first).
 */
export function rowToLeadInput(
  row: ImportRow,
  custom: Record<string, unknown> = row.fields,
): { input: LeadInput } | { errors: FieldError[] } {
  const v = row.values;
  const errors: FieldError[] = [];
  const fields: Record<string, unknown> = { ...custom };
  let employees: number | null = null;
  if (v.employees !== undefined) {
    const parsed = parseEmployeeCount(v.employees);
    if (!parsed) {
      errors.push({
        field: 'employees',
        message: `"${v.employees}" is not a number of employees`,
        messageZh: `“${v.employees}”不是有效的员工人数`,
      });
    } else {
      employees = parsed.count;
      if (parsed.band) fields.employeeBand = v.employees; // the band as written; employees holds its lower bound
    }
  }
  if (errors.length) return { errors };
  const utm: NonNullable<LeadInput['utm']> = {};
  for (const [column, key] of Object.entries(utmColumns)) if (v[column]) utm[key] = v[column];
  return {
    input: {
      name: v.name,
      phone: v.phone,
      email: v.email,
      company: v.company,
      title: v.title,
      region: v.region,
      industry: v.industry,
      employees,
      channel: v.channel,
      utm,
      referrer: v.referrer,
      landingPage: v.landingPage,
      externalId: v.externalId,
      fields,
    },
  };
}

/** A live import keeps the history columns (outcome, capture date) as data; history imports learn from them. */
function liveFields(row: ImportRow): Record<string, string> {
  const { outcome, createdAt } = row.values;
  return { ...row.fields, ...(outcome && { outcome }), ...(createdAt && { createdAt }) };
}

export async function importLeadFile(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  authorize(actor, 'leads.import');
  const leadFile = await openLeadFile(file);
  const id = await startImport(ctx, actor, file, leadFile, 'live');

  const progress: ImportProgress = { processed: 0, total: leadFile.totalRows, created: 0, merged: 0, failed: 0 };
  const failures = new RowFailures();
  const fail = (rowError: RowError) => failures.add(rowError);
  let chunk: { rowNumber: number; input: LeadInput }[] = [];
  /**
   * Two chunks overlap: while one chunk's statements run in the database, the next one is
   * normalised here, and takes its dedup locks only once the earlier one holds its own — so a
   * person in both is created by the earlier row and merged by the later one, in file order
   * (on PostgreSQL the later chunk then waits for the earlier one's commit at the locks; PGlite
   * has one connection, there the later transaction waits for it to start at all).
   */
  const store = async (rows: { rowNumber: number; input: LeadInput }[], after: Promise<void>, locked: () => void) => {
    try {
      const captured = await ctx.db.transaction().execute(async (trx) => {
        const outcomes = await captureInTransaction(
          trx,
          ctx,
          rows.map((r) => ({ actor, input: r.input })),
          {
            defaultChannel: 'import',
            touchKind: 'import',
            importId: id,
            channelByName: true,
            beforeLocking: after,
            onLocked: locked,
          },
        );
        for (const outcome of outcomes) {
          if (!outcome.ok) for (const e of outcome.errors) fail({ rowNumber: rows[outcome.index].rowNumber, ...e });
          else if (outcome.merged) progress.merged++;
          else progress.created++;
        }
        progress.failed = failures.failedRows;
        await recordImportProgress(trx, id, progress);
        return outcomes.flatMap((o) => (o.ok ? [o.leadId] : []));
      });
      ctx.enrichment.enqueue(captured);
      onProgress?.({ ...progress });
    } finally {
      locked(); // also when it failed before locking: the next chunk must not wait forever
    }
  };
  let running: Promise<void> | undefined;
  let lockedBefore: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    const previous = running;
    let locked!: () => void;
    const lockedNow = new Promise<void>((resolve) => {
      locked = resolve;
    });
    running = store(rows, lockedBefore, locked);
    running.catch(() => {}); // surfaces below, at the next flush or at the end
    lockedBefore = lockedNow;
    if (!previous) return;
    try {
      await previous;
    } catch (error) {
      await running.catch(() => {}); // nothing left running when the import fails
      throw error;
    }
  };

  for await (const item of leadFile.rows()) {
    progress.processed++;
    if (isRowError(item)) fail(item);
    else {
      const mapped = rowToLeadInput(item, liveFields(item));
      if ('errors' in mapped) for (const e of mapped.errors) fail({ rowNumber: item.rowNumber, ...e });
      else chunk.push({ rowNumber: item.rowNumber, input: mapped.input });
    }
    if (progress.processed % importChunkRows === 0) await flush();
  }
  await flush();
  await running;

  return completeImport(ctx, actor, id, progress, failures);
}

/**
 * With the embedded database only one process can hold the data directory, so an import still
 * `running` when it opens was cut off (crash, kill -9): it is marked failed, counts as they
 * were committed. (On a shared PostgreSQL another process may be importing: left alone.)
 */
export async function failInterruptedImports(ctx: ServiceContext): Promise<number> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const ids = await markRunningImportsFailed(
      trx,
      'interrupted: the process stopped before the import finished; import the file again to complete it (rows already imported merge)',
      at,
    );
    await appendAudit(
      trx,
      ids.map((id) => ({
        id: ctx.newId(),
        actorId: null,
        action: 'import.interrupted',
        entityType: 'import',
        entityId: id,
        from: { status: 'running' },
        to: { status: 'failed' },
        at,
      })),
    );
    return ids.length;
  });
}
