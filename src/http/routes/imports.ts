/** CSV/XLSX import (SPEC §2, §10.1): multipart field `file` (and `mode`: live or history); an error report per import. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import type { FieldType } from '../../domain/history/field-types.js';
import { authorize } from '../../domain/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { importHistoryFile } from '../../services/import-history.js';
import { importLeadFile } from '../../services/import-leads.js';
import { findImport, type ImportRecord } from '../../store/repositories/imports.js';
import { fieldErrorSchema, problems } from '../problem.js';
import { uploadErrors } from '../uploaded-file.js';

const importSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    mode: z.enum(['live', 'history']),
    fileName: z.string().nullable(),
    totalRows: z.number().int(),
    created: z.number().int(),
    merged: z.number().int(),
    failed: z.number().int(),
    errorReportUrl: z
      .string()
      .nullable()
      .describe('CSV of failed rows (row number, field, message); null when none failed'),
    errors: z
      .array(fieldErrorSchema.extend({ rowNumber: z.number().int() }))
      .describe('the first 100 row errors (field "_row" when the row as a whole could not be read)'),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    detail: z.string().nullable().describe('why a failed import stopped'),
    fieldTypes: z
      .record(z.string(), z.enum(['number', 'category', 'yes_no', 'date']))
      .nullable()
      .describe('history imports: the type inferred for each custom column (its values in `fields`); null for live'),
  })
  .meta({ id: 'Import' });

function present(row: ImportRecord): z.infer<typeof importSchema> {
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    fileName: row.file_name,
    totalRows: row.total_rows,
    created: row.created,
    merged: row.merged,
    failed: row.failed,
    errorReportUrl: row.errors.length ? `/api/v1/imports/${row.id}/errors.csv` : null,
    errors: row.errors.slice(0, 100),
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    detail: row.detail,
    fieldTypes: (row.field_types as Record<string, FieldType> | null) ?? null,
  };
}

const importModes = ['live', 'history'] as const;
type ImportMode = (typeof importModes)[number];

/** The file and the `mode` field, in either order. */
async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; name?: string; mode: ImportMode }> {
  if (!request.isMultipart()) throw new InvalidInput([uploadErrors.notMultipart]);
  let upload: { bytes: Buffer; name?: string } | undefined;
  let mode: ImportMode = 'live';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') upload = { bytes, name: part.filename };
      } else if (part.fieldname === 'mode') {
        const value = String(part.value).trim();
        if (!importModes.includes(value as ImportMode)) {
          throw new InvalidInput([
            {
              field: 'mode',
              message: `"${value}" is not an import mode (${importModes.join(' or ')})`,
              messageZh: `“${value}”不是导入方式（应为 ${importModes.join(' 或 ')}）`,
            },
          ]);
        }
        mode = value as ImportMode;
      }
    }
  } catch (error) {
    // Size limits answer 413 as they are; a body that is not well-formed multipart is bad input.
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof InvalidInput || (status !== undefined && status >= 400 && status < 500)) throw error;
    throw new InvalidInput([uploadErrors.unreadable(error)]);
  }
  if (!upload) throw new InvalidInput([uploadErrors.missing]);
  return { ...upload, mode };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export async function importRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/imports',
    {
      schema: {
        tags: ['leads'],
        summary: 'Import leads from CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX',
        description:
          'multipart/form-data with the file in the field `file`. Headers use POST /leads field names or their Chinese labels (姓名, 手机, 邮箱, 公司, 职位, 地区, 行业, 员工数, 渠道). A missing channel becomes `import`. ' +
          'With the field `mode=history` the rows are past leads to learn from (history leads): no contact details needed; the `outcome` (结果) column is required (sql, opportunity, won, lost, converted/1/已转化, not_converted/0/未转化; empty = open); `createdAt` (创建时间) is the capture date; other columns go into `fields`, typed per column (see `fieldTypes`); a row with the `externalId` of an earlier history lead updates it (counted as merged).',
        consumes: ['multipart/form-data'],
        response: { 201: importSchema, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, 'leads.import');
      const upload = await readUpload(request);
      const run = upload.mode === 'history' ? importHistoryFile : importLeadFile;
      const summary = await run(ctx, request.actor, upload);
      const row = await findImport(ctx.db, summary.id);
      return reply.status(201).send(present(row as ImportRecord));
    },
  );

  api.get(
    '/imports/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'An import and its counts',
        params: z.object({ id: z.string() }),
        response: { 200: importSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(request.actor, 'leads.import');
      const row = await findImport(ctx.db, request.params.id);
      if (!row) throw new NotFound(`import ${request.params.id}`);
      return present(row);
    },
  );

  api.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags: ['leads'],
        summary: 'The error report of an import: CSV (UTF-8 with BOM, opens in Excel) of row, field, message',
        params: z.object({ id: z.string() }),
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      authorize(request.actor, 'leads.import');
      const row = await findImport(ctx.db, request.params.id);
      if (!row) throw new NotFound(`import ${request.params.id}`);
      const lines = [
        'row,field,message',
        ...row.errors.map((e) => [e.rowNumber, e.field, e.message].map(csvCell).join(',')),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${row.id}-errors.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );
}
