/**
 * History import (SPEC §10.1): past leads from a CSV or XLSX file, stored to learn from and kept
 * apart from live work — no contact details needed, no de-duplication with live leads, and no
 * cleaning, scoring, routing, timers, events or enrichment (none of capture's follow-ups run).
 *
 * - The `outcome` (结果) column is required: a file without it is refused before anything is
 *   written. Each row's outcome sets the lead's stage (domain/history/outcome.ts).
 * - `createdAt` (创建时间) is when the lead was captured; without it, the import time.
 * - Other columns go into `fields`, typed per column over the whole file (domain/history/field-types.ts);
 *   the types are reported on the import.
 * - A row whose `externalId` an earlier history import stored updates that lead (re-importing a
 *   file is idempotent; counted as merged); an external id of a live lead is a row error.
 * Rows are written in chunks, each one transaction of one statement.
 */
import type { NormalisedLead } from '../domain/capture/lead-input.js';
import { type CaptureRules, normaliseLead } from '../domain/capture/normalise-lead.js';
import { type FieldError, InvalidInput } from '../domain/errors.js';
import { type ColumnType, FieldTypeVote, typedValue } from '../domain/history/field-types.js';
import { parseOutcome } from '../domain/history/outcome.js';
import { parseDateText } from '../domain/normalise/date-text.js';
import { authorize } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import { lockKeys } from '../store/advisory-locks.js';
import type { AuditEntry } from '../store/repositories/audit.js';
import { findByExternalIds, type HistoryLeadRow, writeHistoryLeads } from '../store/repositories/history-leads.js';
import { recordImportProgress } from '../store/repositories/imports.js';
import type { ServiceContext } from './context.js';
import { type ImportRow, isRowError, type LeadFile } from './import-file/read-lead-file.js';
import { rowToLeadInput } from './import-leads.js';
import {
  completeImport,
  type ImportFile,
  type ImportProgress,
  type ImportSummary,
  openLeadFile,
  RowFailures,
  startImport,
} from './import-run.js';

export const historyChunkRows = 2000;

/** A row ready to store: its lead and how far it got. */
interface HistoryRow {
  rowNumber: number;
  lead: NormalisedLead;
  status: string;
  outcome: string | null;
  createdAt: Date | null;
}

export async function importHistoryFile(
  ctx: ServiceContext,
  actor: Actor,
  file: ImportFile,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  authorize(actor, 'leads.import');
  const leadFile = await openLeadFile(file);
  if (!leadFile.leadFields.includes('outcome')) {
    throw new InvalidInput([
      {
        field: 'outcome',
        message:
          'a history file needs an outcome (结果) column saying how far each lead got: sql, opportunity, won, lost, converted or not_converted (empty: still open)',
        messageZh:
          '历史文件需要一列“结果”（outcome），写明每条线索走到了哪一步：sql、opportunity、won、lost、converted 或 not_converted（留空表示仍在跟进）',
      },
    ]);
  }
  const types = await inferColumnTypes(leadFile);
  const fieldTypes = Object.fromEntries([...types].map(([column, t]) => [column, t.type]));
  const id = await startImport(ctx, actor, file, leadFile, 'history', fieldTypes);
  const importedAt = ctx.clock.now();
  const channels = await ctx.channels.rules(ctx.db, []);
  const rules: CaptureRules = { ...channels, defaultChannel: 'import', now: importedAt, contactRequired: false };

  const progress: ImportProgress = { processed: 0, total: leadFile.totalRows, created: 0, merged: 0, failed: 0 };
  const failures = new RowFailures();
  let chunk: HistoryRow[] = [];

  const store = async (rows: HistoryRow[]) => {
    await ctx.db.transaction().execute(async (trx) => {
      const externalIds = [...new Set(rows.flatMap((r) => (r.lead.externalId ? [r.lead.externalId] : [])))];
      // The keys live capture locks too: a live lead cannot take one of these ids meanwhile.
      await lockKeys(
        trx,
        externalIds.map((e) => `externalId:${e}`),
      );
      const stored = new Map((await findByExternalIds(trx, externalIds)).map((l) => [l.externalId, l]));
      const created = new Map<string, HistoryLeadRow>();
      const updated = new Map<string, HistoryLeadRow>();
      /** This chunk's leads by external id: a repeat in the file updates the lead its earlier row made. */
      const byExternalId = new Map<string, HistoryLeadRow>();
      for (const r of rows) {
        const ext = r.lead.externalId;
        const earlier = ext ? (byExternalId.get(ext) ?? stored.get(ext)) : undefined;
        if (earlier && 'history' in earlier && !earlier.history) {
          failures.add({
            rowNumber: r.rowNumber,
            field: 'externalId',
            message: `"${ext}" is the external id of a live lead (${earlier.id}); a history lead needs an id of its own`,
            messageZh: `“${ext}”是一条在用线索（${earlier.id}）的外部编号；历史线索须使用自己的编号`,
          });
          continue;
        }
        const row: HistoryLeadRow = {
          id: earlier?.id ?? ctx.newId(),
          lead: r.lead,
          status: r.status,
          outcome: r.outcome,
          createdAt: r.createdAt ?? earlier?.createdAt ?? importedAt,
        };
        if (ext) byExternalId.set(ext, row);
        if (!earlier) {
          created.set(row.id, row);
          progress.created++;
          continue;
        }
        progress.merged++;
        if (created.has(row.id)) created.set(row.id, row);
        else updated.set(row.id, row);
      }
      const audit: AuditEntry[] = [
        ...[...created.values()].map((row) => auditEntry(ctx, actor, id, row, null, importedAt)),
        ...[...updated.values()].map((row) => {
          const before = stored.get(row.lead.externalId as string);
          return auditEntry(ctx, actor, id, row, before ?? null, importedAt);
        }),
      ];
      await writeHistoryLeads(trx, {
        created: [...created.values()],
        updated: [...updated.values()],
        audit,
        createdBy: actor.id,
        at: importedAt,
      });
      progress.failed = failures.failedRows;
      await recordImportProgress(trx, id, progress);
    });
    onProgress?.({ ...progress });
  };

  for await (const item of leadFile.rows()) {
    progress.processed++;
    if (isRowError(item)) failures.add(item);
    else {
      const read = readHistoryRow(item, types, rules, (text) => ctx.channels.channelIdFor(text));
      if ('errors' in read) for (const e of read.errors) failures.add({ rowNumber: item.rowNumber, ...e });
      else chunk.push(read);
    }
    if (progress.processed % historyChunkRows === 0) {
      await store(chunk);
      chunk = [];
    }
  }
  await store(chunk);
  return completeImport(ctx, actor, id, progress, failures);
}

/** Every custom column's type, from all of the file's values. */
async function inferColumnTypes(leadFile: LeadFile): Promise<Map<string, ColumnType>> {
  const votes = new Map(leadFile.customColumns.map((column) => [column, new FieldTypeVote()]));
  for await (const item of leadFile.rows()) {
    if (isRowError(item)) continue;
    for (const [column, value] of Object.entries(item.fields)) votes.get(column)?.add(value);
  }
  return new Map([...votes].map(([column, vote]) => [column, { type: vote.type, timed: vote.timed }]));
}

/** One row → a history lead, or every reason it cannot be one (each naming its field). */
function readHistoryRow(
  row: ImportRow,
  types: ReadonlyMap<string, ColumnType>,
  rules: CaptureRules,
  channelIdFor: (text: string) => string,
): HistoryRow | { errors: FieldError[] } {
  const custom = Object.fromEntries(
    Object.entries(row.fields).map(([column, value]) => {
      const type = types.get(column);
      return [column, type ? typedValue(type, value) : value];
    }),
  );
  const mapped = rowToLeadInput(row, custom);
  const errors: FieldError[] = 'errors' in mapped ? [...mapped.errors] : [];

  const outcome = parseOutcome(row.values.outcome);
  if (!outcome.ok) errors.push({ field: 'outcome', message: outcome.message, messageZh: outcome.messageZh });

  let createdAt: Date | null = null;
  const written = row.values.createdAt;
  if (written !== undefined) {
    const date = parseDateText(written);
    if (!date)
      errors.push({
        field: 'createdAt',
        message: `"${written}" is not a date: write 2025-03-04, 2025/3/4 or 2025-03-04 10:00 (China time), or ISO-8601`,
        messageZh: `“${written}”不是日期：请写成 2025-03-04、2025/3/4 或 2025-03-04 10:00（北京时间），或 ISO-8601 格式`,
      });
    else if (date.at > rules.now) {
      errors.push({
        field: 'createdAt',
        message: `"${written}" is in the future`,
        messageZh: `“${written}”是将来的时间`,
      });
    } else createdAt = date.at;
  }

  if ('errors' in mapped) return { errors };
  const { input } = mapped;
  const normalised = normaliseLead(input.channel ? { ...input, channel: channelIdFor(input.channel) } : input, rules);
  if (!normalised.ok) errors.push(...normalised.errors);
  if (!normalised.ok || !outcome.ok || errors.length) return { errors };
  return {
    rowNumber: row.rowNumber,
    lead: normalised.lead,
    status: outcome.status,
    outcome: outcome.outcome,
    createdAt,
  };
}

function auditEntry(
  ctx: ServiceContext,
  actor: Actor,
  importId: string,
  row: HistoryLeadRow,
  before: { status: string; outcome: string | null } | null,
  at: Date,
): AuditEntry {
  return {
    id: ctx.newId(),
    actorId: actor.id,
    action: before ? 'lead.updated' : 'lead.created',
    entityType: 'lead',
    entityId: row.id,
    leadId: row.id,
    from: before ? { status: before.status, outcome: before.outcome } : null,
    to: { status: row.status, outcome: row.outcome, history: true, channel: row.lead.channel },
    reason: `history import ${importId}`,
    at,
  };
}
