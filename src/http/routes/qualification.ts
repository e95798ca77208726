/** Qualification frameworks and answers (SPEC §4.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { builtInFrameworks } from '../../domain/qualification/built-in-frameworks.js';
import type { ServiceContext } from '../../services/context.js';
import { qualifyLead, readQualifications } from '../../services/qualify-lead.js';
import { problems } from '../problem.js';

const qualificationSchema = z
  .object({
    framework: z.string(),
    answers: z.record(z.string(), z.union([z.string(), z.number()])),
    points: z.number(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Qualification' });

const bilingual = z.object({ zh: z.string(), en: z.string() });

export async function qualificationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/frameworks',
    {
      schema: {
        tags: ['qualification'],
        summary: 'Qualification frameworks: questions, answer types and points',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: bilingual,
                builtIn: z.boolean(),
                criteria: z.array(
                  z.object({
                    key: z.string(),
                    label: bilingual,
                    question: bilingual,
                    answer: z.record(z.string(), z.unknown()),
                    points: z.number(),
                  }),
                ),
              }),
            ),
          }),
          ...problems(401),
        },
      },
    },
    async () => ({
      items: builtInFrameworks.map((f) => ({
        id: f.id,
        name: f.name,
        builtIn: f.builtIn,
        criteria: f.criteria.map((c) => ({
          key: c.key,
          label: c.label,
          question: c.question,
          answer: { ...c.answer },
          points: c.points,
        })),
      })),
    }),
  );

  api.put(
    '/leads/:id/qualification',
    {
      schema: {
        tags: ['qualification'],
        summary: 'Record framework answers for a lead (partial answers allowed; null clears one)',
        params: z.object({ id: z.string() }),
        body: z.object({ framework: z.string().min(1).max(40), answers: z.record(z.string(), z.unknown()) }).strict(),
        response: { 200: qualificationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => qualifyLead(ctx, request.actor, request.params.id, request.body),
  );

  api.get(
    '/leads/:id/qualification',
    {
      schema: {
        tags: ['qualification'],
        summary: 'The answers a lead has, per framework',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ items: z.array(qualificationSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: await readQualifications(ctx, request.actor, request.params.id) }),
  );
}
