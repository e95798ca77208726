/** Enrichment (SPEC §3): the company directory, the provider chain, and a lead's enrichment. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factFields } from '../../domain/enrichment/company-facts.js';
import { maxTimeoutMs, providerKinds } from '../../domain/enrichment/provider-config.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { ServiceContext } from '../../services/context.js';
import {
  directorySummary,
  loadDirectoryFile,
  loadDirectoryJson,
  lookUpDirectory,
} from '../../services/enrichment/directory.js';
import { enrichLeadNow, readLeadEnrichment } from '../../services/enrichment/lead-enrichment.js';
import { listProviderViews, removeProviderConfig, saveProviderConfig } from '../../services/enrichment/providers.js';
import { problems } from '../problem.js';
import { uploadErrors } from '../uploaded-file.js';

const providerSchema = z
  .object({
    id: z.string(),
    kind: z.enum(providerKinds),
    enabled: z.boolean(),
    order: z.number().int().describe('the chain asks providers in ascending order'),
    timeoutMs: z.number().int(),
    urlTemplate: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional().describe('values masked: secrets are never shown in full'),
    fieldMap: z.record(z.string(), z.string()).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnrichmentProvider' });

const providerFields = {
  kind: z.enum(providerKinds),
  urlTemplate: z
    .string()
    .max(2000)
    .optional()
    .describe('http_json: placeholders {company}, {companyKey}, {creditCode}, {website}, URL-encoded'),
  headers: z
    .record(z.string().max(100), z.string().max(4000))
    .optional()
    .describe('http_json: sent with each lookup; send a masked value back unchanged to keep the stored one'),
  fieldMap: z
    .record(z.string(), z.string())
    .optional()
    .describe(`http_json: company fact (${factFields.join(', ')}) → dot path into the JSON answer`),
  timeoutMs: z.number().int().min(50).max(maxTimeoutMs).optional(),
  enabled: z.boolean().optional(),
  order: z.number().int().min(-1_000_000).max(1_000_000).optional(),
};

const directoryCompanySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    creditCode: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().int().nullable(),
    employeeBand: z.string().nullable(),
    registeredCapital: z.string().nullable(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    fundingRound: z.string().nullable(),
  })
  .meta({ id: 'DirectoryCompany' });

const directoryLoadSchema = z.object({
  companies: z.number().int(),
  format: z.enum(['json', 'csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gbk']).optional(),
});

const fillValue = z.union([z.string(), z.number()]);
const attemptSchema = z.object({
  provider: z.string(),
  status: z.enum(['filled', 'matched', 'no_match', 'failed', 'skipped']),
  error: z.string().optional(),
  durationMs: z.number().int().nullable(),
  at: z.string(),
});

const leadIdParams = z.object({ id: z.string().min(1).max(100) });
const providerIdParams = z.object({ id: z.string().min(1).max(40) });

async function readUpload(request: FastifyRequest): Promise<{ bytes: Buffer; name?: string }> {
  let upload: { bytes: Buffer; name?: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file')
        upload = { bytes: await part.toBuffer(), name: part.filename };
      else if (part.type === 'file') await part.toBuffer();
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) throw error;
    throw new InvalidInput([uploadErrors.unreadable(error)]);
  }
  if (!upload) throw new InvalidInput([uploadErrors.missing]);
  return upload;
}

export async function enrichmentRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    '/enrichment/directory',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Replace the company directory (JSON array, or a CSV/XLSX upload in the multipart field "file")',
        description:
          'Companies: name, aliases (list, or text separated by ;), creditCode (统一社会信用代码), industry, employees (number or band such as "100-499人"), registeredCapital, city, website, fundingRound. CSV headers may be these names or their Chinese labels (公司名称, 别名, 统一社会信用代码, 行业, 人员规模, 注册资本, 城市, 官网, 融资轮次); UTF-8, UTF-8 with BOM and GBK are read. A bad row refuses the whole load (400 naming the row and field).',
        consumes: ['application/json', 'multipart/form-data'],
        // Multipart uploads arrive with no parsed body.
        body: z.array(z.record(z.string(), z.unknown())).nullish(),
        response: { 200: directoryLoadSchema, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      authorize(request.actor, 'enrichment.manage');
      if (request.isMultipart()) return loadDirectoryFile(ctx, request.actor, await readUpload(request));
      if (request.body == null) {
        throw new InvalidInput([
          {
            field: 'body',
            message: 'send a JSON array of companies, or a file in the multipart field "file"',
            messageZh: '请发送公司的 JSON 数组，或在 multipart 字段“file”中上传文件',
          },
        ]);
      }
      return loadDirectoryJson(ctx, request.actor, request.body);
    },
  );

  api.get(
    '/enrichment/directory',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'How many companies the directory holds',
        response: { 200: z.object({ companies: z.number().int() }), ...problems(401, 403) },
      },
    },
    async (request) => directorySummary(ctx, request.actor),
  );

  api.get(
    '/enrichment/directory/companies',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Look companies up by name, alias (matched as company names are) or credit code',
        querystring: z.object({
          q: z.string().max(200).optional().describe('exact matches first, then names containing it'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({ items: z.array(directoryCompanySchema), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => lookUpDirectory(ctx, request.actor, request.query),
  );

  api.get(
    '/enrichment/providers',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'The provider chain, in the order it is asked (the directory first by default)',
        response: { 200: z.object({ items: z.array(providerSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await listProviderViews(ctx, request.actor) }),
  );

  api.post(
    '/enrichment/providers',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Add a provider (http_json: URL template, headers, field map)',
        body: z.object({ id: z.string().min(1).max(40), ...providerFields }).strict(),
        response: { 201: providerSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { provider } = await saveProviderConfig(ctx, request.actor, request.body.id, request.body, {
        mustBeNew: true,
      });
      return reply.status(201).send(provider);
    },
  );

  api.put(
    '/enrichment/providers/:id',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Add or replace a provider (also: enable, disable or reorder the directory)',
        params: providerIdParams,
        body: z.object({ id: z.string().max(40).optional(), ...providerFields }).strict(),
        response: { 200: providerSchema, 201: providerSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { provider, created } = await saveProviderConfig(ctx, request.actor, request.params.id, request.body, {
        mustBeNew: false,
      });
      return reply.status(created ? 201 : 200).send(provider);
    },
  );

  api.delete(
    '/enrichment/providers/:id',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Remove a provider (the built-in directory can only be disabled)',
        params: providerIdParams,
        response: { 200: z.object({ removed: z.string() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await removeProviderConfig(ctx, request.actor, request.params.id);
      return { removed: request.params.id };
    },
  );

  api.post(
    '/leads/:id/enrich',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Run the provider chain on a lead now; answers what was filled',
        params: leadIdParams,
        response: {
          200: z.object({
            leadId: z.string(),
            filled: z.array(z.object({ provider: z.string(), field: z.string(), value: fillValue })),
            attempts: z.array(attemptSchema.omit({ at: true, error: true }).extend({ error: z.string().nullable() })),
            at: z.string(),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => enrichLeadNow(ctx, request.actor, request.params.id),
  );

  api.get(
    '/leads/:id/enrichment',
    {
      schema: {
        tags: ['enrichment'],
        summary: 'Which provider filled what on a lead, and every attempt',
        params: leadIdParams,
        response: {
          200: z.object({
            items: z.array(z.object({ provider: z.string(), field: z.string(), value: fillValue, at: z.string() })),
            attempts: z.array(attemptSchema),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => readLeadEnrichment(ctx, request.actor, request.params.id),
  );
}
