/**
 * POST /scoring/preview (issue 8 item 7): candidate scoring rules tried on the most recent
 * leads — each lead's score and grade under the rules in force and under the candidate, with
 * the difference. Validated exactly as PUT /scoring/rules; writes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  PREVIEW_DEFAULT_LIMIT,
  PREVIEW_MAX_LIMIT,
  type PreviewScore,
  previewScoringRules,
} from '../../services/scoring/preview-rules.js';
import { problems } from '../problem.js';
import { scoringRulesSchema } from './scores.js';

const scoreSchema = z.object({
  total: z.number().int(),
  fit: z.number().int(),
  engagement: z.number().int(),
  qualification: z.number().int(),
  grade: z.string(),
});

const present = (s: PreviewScore) => ({ ...s });

export async function scoringPreviewRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/scoring/preview',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Try candidate scoring rules on the most recent leads before saving them; nothing is written',
        body: z.object({
          rules: scoringRulesSchema,
          limit: z
            .number()
            .int()
            .min(1)
            .max(PREVIEW_MAX_LIMIT)
            .optional()
            .describe(`how many of the most recent leads (default ${PREVIEW_DEFAULT_LIMIT})`),
        }),
        response: {
          200: z.object({
            rulesVersion: z.number().int().describe('the version in force the candidate is compared with'),
            at: z.string().describe('the moment both were computed at'),
            changed: z.number().int().describe('leads whose total or grade would change'),
            items: z.array(
              z.object({
                leadId: z.string(),
                name: z.string().nullable(),
                company: z.string().nullable(),
                title: z.string().nullable(),
                createdAt: z.string(),
                current: scoreSchema,
                candidate: scoreSchema,
                difference: z.number().int().describe('candidate total − current total'),
                gradeChanged: z.boolean(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const preview = await previewScoringRules(ctx, request.actor, request.body.rules, request.body.limit);
      return {
        rulesVersion: preview.rulesVersion,
        at: preview.at.toISOString(),
        changed: preview.changed,
        items: preview.items.map((i) => ({
          ...i,
          createdAt: i.createdAt.toISOString(),
          current: present(i.current),
          candidate: present(i.candidate),
        })),
      };
    },
  );
}
