/**
 * Versioned stage definitions (SPEC §4.2): valid lead, MQL, SQL and opportunity. Proposals,
 * two-sided approvals, rejections, the history, and a lead checked against each definition.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { definitionKindNames, definitionKinds } from '../../domain/definitions/definition-body.js';
import type { ServiceContext } from '../../services/context.js';
import { approveDefinitionVersion, rejectDefinitionVersion } from '../../services/definitions/decide-definition.js';
import { readLeadDefinitions } from '../../services/definitions/evaluate-lead.js';
import { proposeDefinitionVersion } from '../../services/definitions/propose-definition.js';
import { readDefinitions, readDefinitionVersions } from '../../services/definitions/read-definitions.js';
import type { StoredDefinitionVersion } from '../../services/definitions/stored-version.js';
import { problems } from '../problem.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const kindSchema = z.enum(definitionKinds);
const side = z.enum(['marketing', 'sales']);

const versionSchema = z
  .object({
    kind: kindSchema,
    version: z.number().int(),
    status: z.enum(['pending', 'approved', 'rejected']),
    criteria: z.array(z.looseObject({ kind: z.string() })),
    note: z.string().nullable(),
    proposedBy: z
      .object({ userId: z.string(), role: z.string() })
      .nullable()
      .describe('null for the LeadLoop default (version 1)'),
    proposedAt: z.string(),
    requestedEffectiveFrom: z.string(),
    effectiveFrom: z
      .string()
      .describe('approved: when it takes effect; pending: the requested date, or approval time if that has passed'),
    approvedAt: z.string().nullable(),
    approvals: z.array(z.object({ side, userId: z.string(), role: z.string(), at: z.string() })),
    awaiting: z.array(side).describe('the sides still to approve a pending version'),
    rejection: z.object({ userId: z.string().nullable(), reason: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'DefinitionVersion' });

function present(v: StoredDefinitionVersion): z.infer<typeof versionSchema> {
  const d = v.domain;
  const approvedSides = d.approvals.map((a) => a.side);
  return {
    kind: v.kind,
    version: d.version,
    status: v.state,
    criteria: d.body.criteria,
    note: d.note ?? null,
    proposedBy: d.proposedBy.id === 'system' ? null : { userId: d.proposedBy.id, role: d.proposedBy.role },
    proposedAt: d.proposedAt.toISOString(),
    requestedEffectiveFrom: d.requestedEffectiveFrom.toISOString(),
    effectiveFrom: d.effectiveFrom.toISOString(),
    approvedAt: d.approvedAt?.toISOString() ?? null,
    approvals: d.approvals.map((a) => ({ side: a.side, userId: a.approverId, role: a.role, at: a.at.toISOString() })),
    awaiting: v.state === 'pending' ? (['marketing', 'sales'] as const).filter((s) => !approvedSides.includes(s)) : [],
    rejection: v.rejection
      ? { userId: v.rejection.by, reason: v.rejection.reason, at: v.rejection.at.toISOString() }
      : null,
  };
}

const kindParams = z.object({ kind: kindSchema });
const versionParams = z.object({ kind: kindSchema, version: z.coerce.number().int().min(1).max(1_000_000) });

export async function definitionRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/definitions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Each stage definition: the version in force, approved versions still to come, pending proposals',
        querystring: z
          .object({
            at: z.iso
              .datetime({ offset: true })
              .optional()
              .describe(
                'the moment to resolve "in force" at (default: now); a past date answers with the version that counted then',
              ),
          })
          .strict(),
        response: {
          200: z.object({
            at: z.string(),
            items: z.array(
              z.object({
                kind: kindSchema,
                name: bilingual,
                inForce: versionSchema,
                scheduled: z.array(versionSchema),
                pending: z.array(versionSchema),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { at, items } = await readDefinitions(
        ctx,
        request.actor,
        request.query.at ? new Date(request.query.at) : undefined,
      );
      return {
        at: at.toISOString(),
        items: items.map((i) => ({
          kind: i.kind,
          name: definitionKindNames[i.kind],
          inForce: present(i.inForce),
          scheduled: i.scheduled.map(present),
          pending: i.pending.map(present),
        })),
      };
    },
  );

  api.get(
    '/definitions/:kind/versions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The full history of a definition with its approvals, oldest first',
        params: kindParams,
        response: {
          200: z.object({
            kind: kindSchema,
            inForce: z.number().int().describe('the version in force now'),
            items: z.array(versionSchema),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { inForce, items } = await readDefinitionVersions(ctx, request.actor, request.params.kind);
      return { kind: request.params.kind, inForce, items: items.map(present) };
    },
  );

  api.post(
    '/definitions/:kind/versions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Propose a new version (pending until one marketing and one sales approver agree)',
        params: kindParams,
        body: z
          .object({
            criteria: z
              .array(z.unknown())
              .describe(
                'all must be met: {kind:"answer",framework,key,oneOf?|min?,max?}, {kind:"minScore",min}, {kind:"contact",require}, {kind:"field",field}, {kind:"status",notIn}, {kind:"milestone",milestone}',
              ),
            effectiveFrom: z.iso
              .datetime({ offset: true })
              .optional()
              .describe('when it should take effect (not in the past; default: as soon as approved)'),
            note: z.string().trim().max(2000).nullish(),
          })
          .strict(),
        response: { 201: versionSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(present(await proposeDefinitionVersion(ctx, request.actor, request.params.kind, request.body))),
  );

  api.post(
    '/definitions/:kind/versions/:version/approve',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Approve a pending version for your side (marketing, or sales_manager/sales_ops for sales)',
        params: versionParams,
        response: { 200: versionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(await approveDefinitionVersion(ctx, request.actor, request.params.kind, request.params.version)),
  );

  api.post(
    '/definitions/:kind/versions/:version/reject',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Reject a pending version with a reason (either side, or the proposer withdrawing it)',
        params: versionParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
        response: { 200: versionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      present(
        await rejectDefinitionVersion(
          ctx,
          request.actor,
          request.params.kind,
          request.params.version,
          request.body.reason,
        ),
      ),
  );

  api.get(
    '/leads/:id/definitions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Does this lead pass each definition in force, and if not, which criteria are unmet',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            leadId: z.string(),
            at: z.string(),
            items: z.array(
              z.object({
                kind: kindSchema,
                name: bilingual,
                version: z.number().int(),
                passed: z.boolean(),
                unmet: z.array(z.object({ criterion: z.string(), message: bilingual })),
              }),
            ),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { at, items } = await readLeadDefinitions(ctx, request.actor, request.params.id);
      return {
        leadId: request.params.id,
        at: at.toISOString(),
        items: items.map((i) => ({
          kind: i.kind,
          name: definitionKindNames[i.kind],
          version: i.version,
          passed: i.passed,
          unmet: i.unmet.map((u) => ({ criterion: u.criterion, message: { zh: u.detailZh, en: u.detail } })),
        })),
      };
    },
  );
}
