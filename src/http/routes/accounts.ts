/** CRM accounts for matching leads to existing owners (SPEC §5.2 step 1, §10.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import { titleSeniority } from '../../domain/seniority/title-seniority.js';
import { accountInputSchema } from '../../services/accounts/account-input.js';
import { importAccountFile } from '../../services/accounts/import-accounts.js';
import { listAccountsPage, readAccount } from '../../services/accounts/read-accounts.js';
import {
  type AccountWithContacts,
  accountBulkLimit,
  upsertAccount,
  upsertAccountsBulk,
} from '../../services/accounts/upsert-accounts.js';
import type { ServiceContext } from '../../services/context.js';
import { fieldErrorSchema, problems } from '../problem.js';
import { readUploadedFile } from '../uploaded-file.js';

const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    creditCode: z.string().nullable(),
    ownerId: z.string().nullable(),
    lastActivityAt: z.string().nullable(),
    contacts: z.array(
      z.object({
        name: z.string(),
        title: z.string().nullable(),
        seniority: z
          .enum(['c_level', 'vp', 'director', 'manager', 'staff', 'intern', 'unknown'])
          .describe('read from the title (§5.2 conflict rules)'),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Account' });

function presentAccount({ account: a, contacts }: AccountWithContacts): z.infer<typeof accountSchema> {
  return {
    id: a.id,
    name: a.name,
    aliases: a.aliases,
    creditCode: a.credit_code,
    ownerId: a.owner_id,
    lastActivityAt: a.last_activity_at ? new Date(a.last_activity_at).toISOString() : null,
    contacts: contacts.map((c) => ({ name: c.name, title: c.title, seniority: titleSeniority(c.title).level })),
    createdAt: new Date(a.created_at).toISOString(),
    updatedAt: new Date(a.updated_at).toISOString(),
  };
}

export async function accountRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/accounts',
    {
      schema: {
        tags: ['routing'],
        summary:
          'Create a CRM account, or update the one with the same credit code (else the same normalised name): 201 created, 200 updated',
        body: accountInputSchema,
        response: { 200: accountSchema, 201: accountSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const saved = await upsertAccount(ctx, request.actor, request.body);
      return reply.status(saved.outcome === 'created' ? 201 : 200).send(presentAccount(saved));
    },
  );

  api.post(
    '/accounts/bulk',
    {
      schema: {
        tags: ['routing'],
        summary: `Create or update up to ${accountBulkLimit} CRM accounts (a CRM sync); each item succeeds or fails on its own`,
        body: z
          .object({
            accounts: z
              .array(z.unknown())
              .min(1)
              .max(accountBulkLimit, `at most ${accountBulkLimit} accounts per call`)
              .describe('items as the body of POST /accounts'),
          })
          .strict(),
        response: {
          200: z.object({
            created: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int().describe('items that matched an account and changed nothing'),
            failed: z.array(z.object({ index: z.number().int(), errors: z.array(fieldErrorSchema) })),
            results: z.array(
              z.object({
                index: z.number().int(),
                id: z.string(),
                outcome: z.enum(['created', 'updated', 'unchanged']),
              }),
            ),
          }),
          ...problems(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => upsertAccountsBulk(ctx, request.actor, request.body.accounts),
  );

  api.post(
    '/accounts/import',
    {
      schema: {
        tags: ['routing'],
        summary:
          'Import CRM accounts from CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX, with the upsert of /accounts/bulk',
        description:
          'multipart/form-data with the file in the field `file`. Header row in English or Chinese: name (客户名称/公司名称, required), ' +
          'aliases (别名, separated by ; or 、), creditCode (统一社会信用代码), owner (负责人: the owner’s e-mail or user id; empty = no owner), ' +
          'lastActivityAt (最近活动时间: ISO-8601, or a date and time without a zone read in China time), contacts (联系人: "姓名:职位; 姓名:职位"). ' +
          'Other columns are ignored. Failed rows are reported by their row number in the sheet (header = 1).',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            created: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int().describe('rows that matched an account and changed nothing'),
            failed: z.array(z.object({ row: z.number().int(), errors: z.array(fieldErrorSchema) })),
          }),
          ...problems(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => {
      authorize(request.actor, 'accounts.manage');
      return importAccountFile(ctx, request.actor, await readUploadedFile(request));
    },
  );

  api.get(
    '/accounts',
    {
      schema: {
        tags: ['routing'],
        summary: 'List CRM accounts, newest first (a sales rep sees their own)',
        querystring: z
          .object({
            q: z.string().max(200).optional().describe('part of the name or an alias, or the credit code'),
            ownerId: z
              .string()
              .max(100)
              .optional()
              .describe('a user id, "me", or "none" for accounts without an owner'),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(accountSchema), nextCursor: z.string().nullable() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const ownerId = q.ownerId === 'none' ? null : q.ownerId === 'me' ? request.actor.id : q.ownerId;
      const page = await listAccountsPage(
        ctx,
        request.actor,
        { q: q.q, ownerId },
        { cursor: q.cursor, limit: q.limit },
      );
      return { items: page.items.map(presentAccount), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/accounts/:id',
    {
      schema: {
        tags: ['routing'],
        summary: 'Read a CRM account with its contacts',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: accountSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => presentAccount(await readAccount(ctx, request.actor, request.params.id)),
  );
}
