/** Scores (SPEC §4.3): a lead's score with its explanation and history; the scoring rules. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SENIORITY_LEVELS } from '../../domain/seniority/seniority-level.js';
import type { ServiceContext } from '../../services/context.js';
import { readScoringRules, saveScoringRules } from '../../services/scoring/edit-scoring-rules.js';
import { readLeadScore, readScoreHistory } from '../../services/scoring/lead-score.js';
import type { RulesInForce } from '../../services/scoring/rules-in-force.js';
import { problems } from '../problem.js';
import { explanationLineFields } from './explanation-line.js';
import { termInWordsSchema } from './models.js';

const leadIdParams = z.object({ id: z.string().min(1).max(100) });

const explanationSchema = z
  .array(z.object({ ...explanationLineFields, points: z.number().int() }))
  .describe('the rules that fired; their points add up to the total');

const leadScoreSchema = z.object({
  total: z.number().int(),
  fit: z.number().int(),
  engagement: z.number().int(),
  qualification: z.number().int(),
  grade: z.string().describe('fit A–D × engagement 1–4, e.g. "A1"'),
  explanation: explanationSchema,
  qualificationFramework: z.string().nullable().describe('the framework whose answers gave the qualification points'),
  rulesVersion: z.number().int().describe('0 = the built-in default rules'),
  computedAt: z.string(),
  predicted: z
    .object({
      probability: z.number().describe('of reaching the model’s target stage'),
      modelId: z.string(),
      factors: z.array(termInWordsSchema).describe('what moved this lead’s probability most'),
    })
    .nullable()
    .describe('the active predictive model’s advice, next to the rule score; null while none is active'),
});

const points = z.number().int();
export const scoringRulesSchema = z.object({
  fit: z.object({
    seniority: z.object(Object.fromEntries(SENIORITY_LEVELS.map((level) => [level, points]))),
    employees: z.object({
      bands: z.array(z.object({ min: z.number().int().min(0), points })),
      unknown: points,
    }),
    industries: z.array(z.object({ industry: z.string(), match: z.array(z.string()), points })),
    regions: z.array(z.object({ region: z.string(), label: z.string().optional(), points })),
  }),
  engagement: z.object({
    halfLifeDays: z.number().positive().nullable(),
    behaviours: z.record(
      z.string(),
      z.object({
        label: z.string().optional(),
        points,
        cap: z.object({ points, days: z.number().positive() }).nullable().optional(),
      }),
    ),
  }),
  grades: z.object({
    fit: z.object({ A: z.number(), B: z.number(), C: z.number() }),
    engagement: z.object({ 1: z.number(), 2: z.number(), 3: z.number() }),
  }),
});

const rulesViewSchema = z.object({
  version: z.number().int(),
  rules: scoringRulesSchema,
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});

const presentRules = (r: RulesInForce) => ({
  version: r.version,
  rules: r.rules,
  savedAt: r.savedAt?.toISOString() ?? null,
  savedBy: r.savedBy,
});

export async function scoreRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/leads/:id/score',
    {
      schema: {
        tags: ['scoring'],
        summary: 'A lead’s score now: fit, engagement, qualification, grade and why',
        params: leadIdParams,
        response: { 200: leadScoreSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => readLeadScore(ctx, request.actor, request.params.id),
  );

  api.get(
    '/leads/:id/score/history',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Every change of a lead’s score, newest first, with its cause',
        params: leadIdParams,
        querystring: z.object({
          cursor: z.string().max(40).optional().describe('nextCursor of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              leadScoreSchema
                .pick({ total: true, fit: true, engagement: true, qualification: true, grade: true, explanation: true })
                .extend({
                  cause: z.string().describe('capture, merge, qualification, behaviour, enrichment, decay, rules …'),
                  at: z.string(),
                }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => readScoreHistory(ctx, request.actor, request.params.id, request.query),
  );

  api.get(
    '/scoring/rules',
    {
      schema: {
        tags: ['scoring'],
        summary: 'The scoring rules in force',
        response: { 200: rulesViewSchema, ...problems(401, 403) },
      },
    },
    async (request) => presentRules(await readScoringRules(ctx, request.actor)),
  );

  api.put(
    '/scoring/rules',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Save new scoring rules as a new version; scores are recomputed',
        body: z.object({ rules: scoringRulesSchema }),
        response: {
          200: rulesViewSchema.extend({
            rescored: z.number().int().describe('scores recomputed before this answer'),
            pending: z.boolean().describe('more scores are recomputed in the background'),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (request) => {
      const saved = await saveScoringRules(ctx, request.actor, request.body.rules);
      return { ...presentRules(saved.rules), rescored: saved.rescored, pending: saved.pending };
    },
  );
}
