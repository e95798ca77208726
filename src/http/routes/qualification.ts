/** Qualification frameworks and answers (SPEC §4.1). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Framework } from '../../domain/qualification/framework.js';
import type { ServiceContext } from '../../services/context.js';
import { changeFramework, createFramework, listFrameworks } from '../../services/frameworks.js';
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

const frameworkSchema = z
  .object({
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
  })
  .meta({ id: 'Framework' });

const presentFramework = (f: Framework): z.infer<typeof frameworkSchema> => ({
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
});

/** Checked field by field by validateFrameworkDefinition, so a mistake is a 400 naming the field. */
const frameworkBody = z
  .record(z.string(), z.unknown())
  .describe(
    '{id, name, criteria: [{key, label?, question, answer: {type: yes_no_unknown|choice|number|text, …}, points}]}; texts are a string or {zh, en}',
  );

export async function qualificationRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/frameworks',
    {
      schema: {
        tags: ['qualification'],
        summary: 'Qualification frameworks: built-in templates (as edited) and custom ones',
        response: { 200: z.object({ items: z.array(frameworkSchema) }), ...problems(401) },
      },
    },
    async () => ({ items: (await listFrameworks(ctx.db)).map(presentFramework) }),
  );

  api.post(
    '/frameworks',
    {
      schema: {
        tags: ['qualification'],
        summary: 'Add a custom framework (admin, sdr_lead)',
        body: frameworkBody,
        response: { 201: frameworkSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentFramework(await createFramework(ctx, request.actor, request.body))),
  );

  api.put(
    '/frameworks/:id',
    {
      schema: {
        tags: ['qualification'],
        summary:
          'Replace a custom framework, or edit a built-in template (its answer keys and their types stay; admin, sdr_lead)',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: frameworkBody,
        response: { 200: frameworkSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentFramework(await changeFramework(ctx, request.actor, request.params.id, request.body)),
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
