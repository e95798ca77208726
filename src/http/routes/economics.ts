/**
 * Channel economics (SPEC §8.2): marketing spend per channel, campaign and month (entered or
 * imported) and GET /reports/channels — cost per lead, MQL, SQL, opportunity and won deal,
 * revenue and ROI per channel or campaign.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import type { ServiceContext } from '../../services/context.js';
import {
  type ChannelEconomicsReport,
  economicsDimensions,
  readChannelEconomics,
} from '../../services/economics/channel-economics.js';
import { importSpendRows, MAX_SPEND_ITEMS, readSpend, replaceSpendMonth } from '../../services/economics/spend.js';
import { readSpendFile } from '../../services/economics/spend-file.js';
import { fieldErrorSchema, problems } from '../problem.js';
import { readUploadedFile } from '../uploaded-file.js';

const month = z.string().max(20).describe('a month written yyyy-mm (2026-03)');
const money = z.number().describe('yuan, exact to the fen (2 decimals)');

const spendItemSchema = z
  .object({
    month: z.string(),
    channel: z.string().describe('channel id'),
    campaign: z.string().nullable().describe('null: spend on the channel not booked to a campaign'),
    amount: money,
  })
  .meta({ id: 'SpendItem' });

const spendMonthSchema = z
  .object({ month: z.string(), items: z.array(spendItemSchema), total: money })
  .meta({ id: 'SpendMonth' });

const cost = z.number().nullable();
const economicsRowSchema = z
  .object({
    key: z.string().nullable().describe('channel id or campaign; null = leads (and spend) without a campaign'),
    label: z.string().nullable(),
    spend: money.describe('spend of every month the period overlaps'),
    leads: z.number().int(),
    mqls: z.number().int(),
    sqls: z.number().int(),
    opportunities: z.number().int(),
    won: z.number().int(),
    wonAmount: money.describe('won amount in the report currency (`currency`)'),
    wonAmountOtherCurrencies: z
      .record(z.string(), z.number())
      .describe(
        'won in other currencies, summed per ISO 4217 code; in no revenue or ROI (no exchange rates); {} when none',
      ),
    costPer: z
      .object({ lead: cost, mql: cost, sql: cost, opportunity: cost, won: cost })
      .describe('spend ÷ count, rounded to the fen half away from zero; null when the count is 0'),
    revenue: money.describe('the won amount (report currency)'),
    roi: z
      .number()
      .nullable()
      .describe('(revenue − spend) ÷ spend to 4 decimals, half away from zero; null when spend is 0'),
  })
  .meta({ id: 'ChannelEconomicsRow' });

const economicsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string().describe('the last instant included') }),
    by: z.enum(economicsDimensions),
    cohort: z.literal('capture').describe('counts: the funnel’s capture cohort (leads captured in the period)'),
    currency: z.string().describe('ISO 4217 code of wonAmount and revenue (report rules: currency)'),
    spendMonths: z
      .object({ first: z.string(), last: z.string() })
      .describe('the months whose spend is counted: every month the period overlaps (UTC), whole'),
    rows: z.array(economicsRowSchema),
    total: economicsRowSchema,
  })
  .meta({ id: 'ChannelEconomics' });

const presentEconomics = (r: ChannelEconomicsReport) => ({
  ...r,
  period: { from: r.period.from.toISOString(), to: r.period.to.toISOString() },
});

export async function economicsRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/spend',
    {
      schema: {
        tags: ['reports'],
        summary: 'Marketing spend entries per month, channel and campaign',
        querystring: z
          .object({
            from: month.optional().describe('first month, included; default: the earliest'),
            to: month.optional().describe('last month, included; default: the latest; not before from'),
          })
          .strict(),
        response: {
          200: z.object({
            from: z.string().nullable(),
            to: z.string().nullable(),
            items: z.array(spendItemSchema),
            total: money,
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => readSpend(ctx, request.actor, request.query),
  );

  api.put(
    '/spend/:month',
    {
      schema: {
        tags: ['reports'],
        summary: 'Replace a month’s spend: its entries become exactly these items (an empty list clears it)',
        description:
          'Each item: a channel id, an optional campaign (empty or absent: spend on the channel not booked to a campaign) and an amount in yuan, ' +
          'a number or decimal text with at most 2 decimals, not negative. The same channel and campaign may appear once. Audited (spend.replaced).',
        params: z.object({ month }),
        body: z
          .object({
            items: z
              .array(
                z
                  .object({
                    channel: z.string().min(1).max(40),
                    campaign: z.string().max(200).nullish(),
                    amount: z.union([z.number(), z.string().max(40)]),
                  })
                  .strict(),
              )
              .max(MAX_SPEND_ITEMS),
          })
          .strict(),
        response: { 200: spendMonthSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => replaceSpendMonth(ctx, request.actor, request.params.month, request.body.items),
  );

  api.post(
    '/spend/import',
    {
      schema: {
        tags: ['reports'],
        summary: 'Import spend from CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX: each row sets one month’s entry',
        description:
          'multipart/form-data with the file in the field `file`. Header: month,channel,campaign,amount or 月份,渠道,活动,金额 ' +
          '(month 2026-03, 2026/3 or 2026年3月; channel id or name; campaign optional; amount in yuan, at most 2 decimals). ' +
          'Each row sets the amount of its (month, channel, campaign); other entries stay. Failed rows are reported by their row number ' +
          '(header = 1) and skipped; the others are imported. Audited (spend.imported, one entry per month).',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            imported: z.number().int(),
            months: z.array(z.string()).describe('the months the imported rows set'),
            failed: z.array(z.object({ row: z.number().int(), errors: z.array(fieldErrorSchema) })),
          }),
          ...problems(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => {
      authorize(request.actor, 'spend.manage');
      const sheet = await readSpendFile(await readUploadedFile(request));
      return importSpendRows(ctx, request.actor, sheet.rows, sheet.failed);
    },
  );

  api.get(
    '/reports/channels',
    {
      schema: {
        tags: ['reports'],
        summary: 'Channel economics: spend, funnel counts, cost per lead/MQL/SQL/opportunity/won deal, revenue and ROI',
        description:
          'Counts are the funnel’s capture cohort (GET /reports/funnel?cohort=capture with the same by): leads captured in the period, followed to now. ' +
          'Spend: every month the period overlaps, whole. Costs are rounded to the fen, ROI = (revenue − spend) ÷ spend to 4 decimals, both half away from zero.',
        querystring: z
          .object({
            from: z
              .string()
              .max(40)
              .optional()
              .describe('a date (2026-03-01) or ISO-8601 time; default: the beginning'),
            to: z.string().max(40).optional().describe('a date (its whole day) or ISO-8601 time; default: now'),
            by: z.enum(economicsDimensions).optional().describe('channel (default) or campaign'),
          })
          .strict(),
        response: { 200: economicsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => presentEconomics(await readChannelEconomics(ctx, request.actor, request.query)),
  );
}
