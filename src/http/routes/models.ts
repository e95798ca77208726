/**
 * Predictive models (SPEC §4.3, §10.1): train, list, read the report, activate. Training answers
 * when it is done (seconds for 100,000 leads); 422 says how much more history it needs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { modelTargets } from '../../domain/lead-features/model-target.js';
import type { TermNames } from '../../domain/lead-features/term-words.js';
import { featureWords } from '../../domain/lead-features/term-words.js';
import type { ServiceContext } from '../../services/context.js';
import { activateModel } from '../../services/predictive/activate-model.js';
import { readModel, readModels } from '../../services/predictive/read-models.js';
import { loadTermNames, type StoredModel, termInWords } from '../../services/predictive/stored-model.js';
import { trainPredictiveModel } from '../../services/predictive/train-predictive-model.js';
import type { ModelRecord } from '../../store/repositories/models.js';
import { problems } from '../problem.js';

const words = z.object({ 'zh-CN': z.string(), en: z.string() });

export const termSchema = z
  .object({
    feature: z.string(),
    kind: z.enum(['level', 'other', 'missing', 'yes', 'bin']),
    level: z.string().optional(),
    low: z.number().nullable().optional(),
    high: z.number().nullable().optional(),
  })
  .describe('the model term: a level of a category, a range of a number, "other", "unknown" or "yes"');

export const termInWordsSchema = z.object({
  feature: z.string().describe('the term in words (English): "Channel = Inbound inquiry"'),
  effect: z.number().describe('change in probability (0.18 = +18 percentage points)'),
  term: termSchema,
  words: words.describe('"渠道 = 官网咨询: +18%" in each language'),
});

const modelSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'training', 'trained', 'failed']),
  target: z.enum(modelTargets),
  trigger: z.enum(['manual', 'monthly']),
  active: z.boolean(),
  createdAt: z.string(),
  trainedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  activatedBy: z.string().nullable(),
  metrics: z
    .object({
      n: z.number().int().describe('leads with a known outcome'),
      positives: z.number().int().describe('of them, leads that reached the target'),
      trainN: z.number().int(),
      testN: z.number().int().describe('the newest 30% by capture date, held out'),
      baseRate: z.number(),
      auc: z.number().nullable().describe('ROC AUC on the held-out leads (null when they are all of one outcome)'),
      brier: z.number(),
      liftTopDecile: z
        .number()
        .nullable()
        .describe('positive rate of the top 10% by probability ÷ the overall rate (null without positives)'),
      calibration: z.array(z.object({ predicted: z.number(), observed: z.number(), n: z.number().int() })),
    })
    .nullable(),
  topFeatures: z.array(termInWordsSchema.extend({ weight: z.number() })),
  excluded: z
    .array(z.object({ feature: z.string(), words: words, auc: z.number(), reason: z.string() }))
    .describe('features left out: known only after the outcome'),
  failure: z.record(z.string(), z.unknown()).nullable(),
});

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function presentModel(record: ModelRecord, names: TermNames): z.infer<typeof modelSchema> {
  const stored = record.model as unknown as StoredModel | null;
  const learned = stored?.learned;
  return {
    id: record.id,
    status: record.status,
    target: record.target as z.infer<typeof modelSchema>['target'],
    trigger: record.trigger,
    active: record.active,
    createdAt: iso(record.created_at) as string,
    trainedAt: iso(record.trained_at),
    activatedAt: iso(record.activated_at),
    activatedBy: record.activated_by,
    metrics: learned ? learned.metrics : null,
    topFeatures: (learned?.topFeatures ?? []).map((f) => ({
      ...termInWords(f.term, f.effect, names),
      weight: Math.round(f.weight * 10_000) / 10_000,
    })),
    excluded: (learned?.excluded ?? []).map((e) => ({
      feature: e.feature,
      words: { 'zh-CN': featureWords(e.feature, 'zh-CN'), en: featureWords(e.feature, 'en') },
      auc: Math.round(e.auc * 1000) / 1000,
      reason: e.reason,
    })),
    failure: (record.failure as Record<string, unknown> | null) ?? null,
  };
}

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function modelRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/models/train',
    {
      schema: {
        tags: ['models'],
        summary: 'Train a predictive model on the history and live leads; it is not active until activated',
        body: z
          .object({ target: z.enum(modelTargets).describe('the stage to foresee: reached sql, opportunity or won') })
          .strict(),
        response: { 201: modelSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const record = await trainPredictiveModel(ctx, request.actor, request.body.target);
      reply.status(201);
      return presentModel(record, await loadTermNames(ctx.db));
    },
  );

  api.get(
    '/models',
    {
      schema: {
        tags: ['models'],
        summary: 'Every training, newest first, with its evaluation',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(modelSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const names = await loadTermNames(ctx.db);
      const records = await readModels(ctx, request.actor, request.query.limit);
      return { items: records.map((r) => presentModel(r, names)) };
    },
  );

  api.get(
    '/models/:id',
    {
      schema: {
        tags: ['models'],
        summary: 'A model’s report: AUC, Brier, calibration, lift, top features, what was left out',
        params: idParams,
        response: { 200: modelSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentModel(await readModel(ctx, request.actor, request.params.id), await loadTermNames(ctx.db)),
  );

  api.post(
    '/models/:id/activate',
    {
      schema: {
        tags: ['models'],
        summary: 'Make this model the one whose advice shows on leads (the previous one steps down)',
        params: idParams,
        response: { 200: modelSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentModel(await activateModel(ctx, request.actor, request.params.id), await loadTermNames(ctx.db)),
  );
}
