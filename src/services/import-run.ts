/**
 * What every lead import does around its rows (SPEC §2, §10.1), live or history: open the file
 * (an unreadable one is bad input naming `file`), record the import with `import.started`, keep
 * the failures per row, and finish it with its counts and `import.completed`.
 */
import { InvalidInput } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from '../store/repositories/audit.js';
import { finishImport, insertImport } from '../store/repositories/imports.js';
import type { ServiceContext } from './context.js';
import { type LeadFile, type RowError, readLeadFile, UnreadableFile } from './import-file/read-lead-file.js';

export interface ImportProgress {
  processed: number;
  total: number;
  created: number;
  merged: number;
  failed: number;
}

export interface ImportSummary extends ImportProgress {
  id: string;
  status: 'completed' | 'failed';
  errors: RowError[];
}

export interface ImportFile {
  bytes: Uint8Array;
  name?: string;
}

export async function openLeadFile(file: ImportFile): Promise<LeadFile> {
  try {
    return await readLeadFile(file.bytes, file.name);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new InvalidInput([error.fieldError()]);
    throw error;
  }
}

/** The failures of an import's rows; a row counts once however many of its fields failed. */
export class RowFailures {
  readonly errors: RowError[] = [];
  readonly #rows = new Set<number>();

  add(error: RowError): void {
    this.errors.push(error);
    this.#rows.add(error.rowNumber);
  }

  get failedRows(): number {
    return this.#rows.size;
  }
}

/** Records a new import (status running) and its `import.started`; returns its id. */
export async function startImport(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  leadFile: LeadFile,
  mode: 'live' | 'history',
  fieldTypes: Record<string, string> | null = null,
): Promise<string> {
  const id = ctx.newId();
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertImport(trx, {
      id,
      mode,
      fileName: file.name ?? null,
      format: leadFile.format,
      encoding: leadFile.encoding ?? null,
      totalRows: leadFile.totalRows,
      fieldTypes,
      createdBy: actor.id,
      at,
    });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'import.started',
        entityType: 'import',
        entityId: id,
        to: { fileName: file.name ?? null, rows: leadFile.totalRows, mode },
        at,
      },
    ]);
  });
  return id;
}

/** Completes the import with its counts and row errors (in row order) and `import.completed`. */
export async function completeImport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  progress: ImportProgress,
  failures: RowFailures,
): Promise<ImportSummary> {
  const at = ctx.clock.now();
  const errors = [...failures.errors].sort((a, b) => a.rowNumber - b.rowNumber);
  await ctx.db.transaction().execute(async (trx) => {
    await finishImport(trx, id, { status: 'completed', errors, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'import.completed',
        entityType: 'import',
        entityId: id,
        from: { status: 'running' },
        to: { status: 'completed', created: progress.created, merged: progress.merged, failed: progress.failed },
        at,
      },
    ]);
  });
  return { id, status: 'completed', ...progress, errors };
}
