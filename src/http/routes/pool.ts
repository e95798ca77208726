/**
 * The nurture pool (SPEC §7) and the contact experience (§6.3): the pool with its filters and
 * saved segments (and their CSV export), claim / release / bulk assign with the claim limits and
 * cool-off, tags, the do-not-contact flag, and the pool policy as versioned data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTags, type PoolFilters } from '../../domain/pool/pool-filters.js';
import type { PoolPolicy } from '../../domain/pool/pool-policy.js';
import { behaviourTypes } from '../../domain/tracking/behaviour-types.js';
import type { ServiceContext } from '../../services/context.js';
import { assignLeads, MAX_ASSIGN } from '../../services/pool/assign-leads.js';
import { claimLead } from '../../services/pool/claim-lead.js';
import { readClaimQuota } from '../../services/pool/claim-quota.js';
import { DNC_REASON_MAX, setContactPreferences } from '../../services/pool/contact-preferences.js';
import { exportSegment } from '../../services/pool/export-segment.js';
import { tagLead } from '../../services/pool/lead-tags.js';
import { listPool } from '../../services/pool/list-pool.js';
import { type PoolSettings, readPoolPolicy, savePoolPolicy } from '../../services/pool/pool-policy.js';
import { RELEASE_REASON_MAX, releaseLead } from '../../services/pool/release-lead.js';
import { readSegments, removeSegment, saveSegment } from '../../services/pool/segments.js';
import { leadSchema, presentLead } from '../presenters/lead.js';
import { problems } from '../problem.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const score = z.number().int().min(-1000).max(1000);

const clockTime = z.string().max(5).describe('HH:MM, 24-hour, in timeZone');

export const poolPolicySchema = z
  .object({
    claims: z
      .object({
        dailyLimit: z.number().int().min(1).max(1000).describe('claims per SDR per local day (default 30)'),
        openLimit: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .describe('leads an SDR may hold in working at once (default 200)'),
        coolOffDays: z
          .number()
          .int()
          .min(0)
          .max(365)
          .describe('days after releasing a lead before the same SDR may claim it again (default 7)'),
      })
      .strict(),
    resurfacing: z
      .object({
        scoreThreshold: score.describe(
          'a pooled lead whose score rises to this goes back to the SDR queue (default 60)',
        ),
        behaviours: z
          .array(z.string().max(40))
          .max(behaviourTypes.length)
          .describe(`key behaviours that send a pooled lead back at once: ${behaviourTypes.join(', ')}`),
      })
      .strict(),
    contact: z
      .object({
        frequencyCap: z
          .object({ contacts: z.number().int().min(1).max(100), days: z.number().int().min(1).max(365) })
          .strict()
          .nullable()
          .describe('at most `contacts` touches per lead within `days` days (default 3 in 7); null: no cap'),
        quietHours: z
          .object({ start: clockTime, end: clockTime })
          .strict()
          .nullable()
          .describe('no touches from start to end, may wrap midnight (default 21:00–08:00); null: none'),
      })
      .strict(),
    timeZone: z.string().max(64).describe('IANA zone of claim days and quiet hours (default Asia/Shanghai)'),
  })
  .strict()
  .meta({ id: 'PoolPolicy' });

const poolSettingsSchema = z
  .object({
    version: z.number().int().describe('0 = the LeadLoop defaults, never saved'),
    policy: poolPolicySchema,
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
  })
  .meta({ id: 'PoolSettings' });

const presentSettings = (s: PoolSettings): z.infer<typeof poolSettingsSchema> => ({
  version: s.version,
  policy: s.policy,
  savedAt: s.savedAt ? s.savedAt.toISOString() : null,
  savedBy: s.savedBy,
});

const filtersSchema = z
  .object({
    channel: z.string().min(1).max(40).optional(),
    region: z.string().min(1).max(100).optional().describe('a name or GB/T 2260 code; a province matches its cities'),
    industry: z.string().min(1).max(100).optional(),
    minScore: score.optional(),
    maxScore: score.optional(),
    tags: z.array(z.string().max(200)).max(MAX_TAGS).optional().describe('every one of these tags'),
    q: z.string().min(1).max(100).optional().describe('name or company contains'),
    resurfaced: z
      .boolean()
      .optional()
      .describe('true: leads that came back from the pool and wait unclaimed in the SDR queue'),
  })
  .strict()
  .meta({ id: 'PoolFilters' });

const segmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    filters: filtersSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PoolSegment' });

const quotaSchema = {
  claimsToday: z.number().int().describe('claims by the caller today (local day of the pool policy)'),
  dailyLimit: z.number().int(),
  openLeads: z.number().int().describe('leads the caller holds in working'),
  openLimit: z.number().int(),
};

/** Tags from a query (`tag=a,b`) or a body, normalised; bad ones are a 400 naming the field. */
function checkedTags(tags: readonly string[] | undefined, field: string): string[] | undefined {
  if (!tags) return undefined;
  const checked = normaliseTags(tags, field);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  return checked.tags;
}

export async function poolRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/pool/policy',
    {
      schema: {
        tags: ['pool'],
        summary: 'The pool policy in force: claim limits, cool-off, re-surfacing, contact caps and quiet hours',
        response: { 200: poolSettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => presentSettings(await readPoolPolicy(ctx, request.actor)),
  );

  api.put(
    '/pool/policy',
    {
      schema: {
        tags: ['pool'],
        summary: 'Save a new version of the pool policy (SDR lead, sales ops, admin)',
        body: poolPolicySchema,
        response: { 200: poolSettingsSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => presentSettings(await savePoolPolicy(ctx, request.actor, request.body as PoolPolicy)),
  );

  api.get(
    '/pool',
    {
      schema: {
        tags: ['pool'],
        summary: 'The nurture pool (nurturing, unowned), highest score first, filtered or by saved segment',
        querystring: z
          .object({
            channel: z.string().min(1).max(40).optional(),
            region: z.string().min(1).max(100).optional(),
            industry: z.string().min(1).max(100).optional(),
            minScore: z.coerce.number().int().min(-1000).max(1000).optional(),
            maxScore: z.coerce.number().int().min(-1000).max(1000).optional(),
            tag: z.string().min(1).max(1000).optional().describe('comma-separated: leads with every one of these tags'),
            q: z.string().min(1).max(100).optional().describe('name or company contains'),
            resurfaced: z
              .enum(['true', 'false'])
              .optional()
              .describe('true: leads that came back from the pool and wait unclaimed in the SDR queue'),
            segment: z.string().min(1).max(100).optional().describe('a saved segment; filters given here win'),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(leadSchema),
            nextCursor: z.string().nullable(),
            filters: filtersSchema.describe('the filters applied (the segment’s merged with the query’s)'),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const filters: PoolFilters = {
        channel: q.channel,
        region: q.region,
        industry: q.industry,
        minScore: q.minScore,
        maxScore: q.maxScore,
        tags: checkedTags(q.tag?.split(','), 'query.tag'),
        q: q.q,
        resurfaced: q.resurfaced === undefined ? undefined : q.resurfaced === 'true',
      };
      const page = await listPool(ctx, request.actor, {
        filters,
        segment: q.segment,
        cursor: q.cursor,
        limit: q.limit,
      });
      return { items: page.items.map(presentLead), nextCursor: page.nextCursor, filters: page.filters };
    },
  );

  api.get(
    '/pool/quota',
    {
      schema: {
        tags: ['pool'],
        summary: 'Where the caller stands against the claim limits',
        response: { 200: z.object({ ...quotaSchema, dayEndsAt: z.string() }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const quota = await readClaimQuota(ctx, request.actor);
      return { ...quota, dayEndsAt: quota.dayEndsAt.toISOString() };
    },
  );

  api.get(
    '/pool/segments',
    {
      schema: {
        tags: ['pool'],
        summary: 'Saved segments of the pool, by name',
        response: { 200: z.object({ items: z.array(segmentSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await readSegments(ctx, request.actor) }),
  );

  api.post(
    '/pool/segments',
    {
      schema: {
        tags: ['pool'],
        summary: 'Save a segment: a name and the filters of GET /pool',
        body: z.object({ name: z.string().max(100), filters: filtersSchema }).strict(),
        response: { 201: segmentSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { name, filters } = request.body;
      const segment = await saveSegment(ctx, request.actor, {
        name,
        filters: { ...filters, tags: checkedTags(filters.tags, 'filters.tags') },
      });
      return reply.code(201).send(segment);
    },
  );

  api.delete(
    '/pool/segments/:id',
    {
      schema: {
        tags: ['pool'],
        summary: 'Delete a saved segment (its author, an SDR lead, marketing or an admin)',
        params: idParams,
        response: { 200: z.object({ removed: z.string() }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await removeSegment(ctx, request.actor, request.params.id);
      return { removed: request.params.id };
    },
  );

  api.get(
    '/pool/segments/:id/export',
    {
      schema: {
        tags: ['pool'],
        summary:
          'A segment as CSV (UTF-8 with BOM) for marketing automation; do-not-contact leads are left out and counted in X-LeadLoop-Excluded-Do-Not-Contact',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const result = await exportSegment(ctx, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="segment-${request.params.id}.csv"`)
        .header('x-leadloop-excluded-do-not-contact', String(result.excludedDoNotContact))
        .send(result.csv);
    },
  );

  api.post(
    '/leads/:id/claim',
    {
      schema: {
        tags: ['pool'],
        summary:
          'Claim a lead from the SDR queue or the pool: working, owned by the caller; within the daily and open-lead limits and the cool-off (409 otherwise)',
        params: idParams,
        body: z.object({}).strict().nullish(),
        response: { 200: z.object({ lead: leadSchema, ...quotaSchema }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lead, dayEndsAt: _, ...quota } = await claimLead(ctx, request.actor, request.params.id);
      return { lead: presentLead(lead), ...quota };
    },
  );

  api.post(
    '/leads/:id/release',
    {
      schema: {
        tags: ['pool'],
        summary: 'Release a working lead back to the pool with the reason; the holder’s cool-off starts',
        params: idParams,
        body: z
          .object({
            // Checked by the service so a blank reason is a 400 naming `reason`.
            reason: z.string().max(RELEASE_REASON_MAX).optional().describe('required: why the lead goes back'),
          })
          .strict(),
        response: {
          200: z.object({
            lead: leadSchema,
            coolOffUntil: z.string().describe('the previous holder may claim it again from then'),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const result = await releaseLead(ctx, request.actor, request.params.id, request.body);
      return { lead: presentLead(result.lead), coolOffUntil: result.coolOffUntil.toISOString() };
    },
  );

  api.post(
    '/leads/assign',
    {
      schema: {
        tags: ['pool'],
        summary: 'Assign leads of the SDR queue or the pool, or move working leads, to an SDR (SDR lead, admin)',
        body: z
          .object({
            leadIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_ASSIGN),
            ownerId: z.string().min(1).max(100).describe('an active SDR or SDR lead'),
            reason: z.string().max(500).optional(),
          })
          .strict(),
        response: {
          200: z.object({
            items: z.array(leadSchema),
            assigned: z.number().int(),
            unchanged: z.number().int().describe('already working with this owner'),
            ownerId: z.string(),
            openLeads: z.number().int(),
            openLimit: z.number().int(),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request) => {
      const { leads, ...result } = await assignLeads(ctx, request.actor, request.body);
      return { items: leads.map(presentLead), ...result };
    },
  );

  api.put(
    '/leads/:id/tags',
    {
      schema: {
        tags: ['pool'],
        summary: 'Replace a lead’s tags',
        params: idParams,
        body: z
          .object({
            tags: z
              .array(z.string().max(200))
              .max(MAX_TAGS * 5)
              .describe(`at most ${MAX_TAGS} tags of at most ${MAX_TAG_LENGTH} characters`),
          })
          .strict(),
        response: { 200: leadSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentLead(await tagLead(ctx, request.actor, request.params.id, request.body.tags)),
  );

  api.put(
    '/leads/:id/contact-preferences',
    {
      schema: {
        tags: ['pool'],
        summary: 'Mark a lead do-not-contact (with the reason) or lift the flag',
        params: idParams,
        body: z
          .object({
            doNotContact: z.boolean(),
            reason: z.string().max(DNC_REASON_MAX).optional().describe('required to set the flag'),
          })
          .strict(),
        response: { 200: leadSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentLead(await setContactPreferences(ctx, request.actor, request.params.id, request.body)),
  );
}
