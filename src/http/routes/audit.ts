import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { listAudit } from '../../store/repositories/audit.js';
import { problems } from '../problem.js';

const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    leadId: z.string().nullable(),
    from: z.record(z.string(), z.unknown()).nullable(),
    to: z.record(z.string(), z.unknown()).nullable(),
    reason: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export async function auditRoutes(app: FastifyInstance, ctx: ServiceContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      schema: {
        tags: ['operations'],
        summary: 'The append-only audit log, oldest first (seq cursor)',
        querystring: z
          .object({
            entityType: z.string().max(50).optional(),
            entityId: z.string().max(100).optional(),
            actorId: z.string().max(100).optional(),
            afterSeq: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, 'audit.read');
      const rows = await listAudit(ctx.db, request.query);
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          id: r.id,
          actorId: r.actor_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          leadId: r.lead_id,
          from: r.from_state,
          to: r.to_state,
          reason: r.reason,
          at: new Date(r.at).toISOString(),
        })),
      };
    },
  );
}
