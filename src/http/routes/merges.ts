/** Merges are recorded and reversible by an admin (SPEC §2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { readLead } from '../../services/read-leads.js';
import { revertMerge } from '../../services/revert-merge.js';
import { listMerges } from '../../store/repositories/merges.js';
import { leadSchema, presentLead } from '../presenters/lead.js';
import { problems } from '../problem.js';

const mergeSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    touchId: z.string(),
    matchedOn: z.string(),
    filled: z.record(z.string(), z.unknown()).describe('fields of the lead this arrival filled'),
    createdAt: z.string(),
    revertedAt: z.string().nullable(),
    splitLeadId: z.string().nullable(),
  })
  .meta({ id: 'Merge' });

export async function mergeRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/leads/:id/merges',
    {
      schema: {
        tags: ['leads'],
        summary: 'Repeats merged into this lead',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ items: z.array(mergeSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await readLead(ctx, request.actor, request.params.id);
      const rows = await listMerges(ctx.db, request.params.id);
      return {
        items: rows.map((m) => ({
          id: m.id,
          leadId: m.lead_id,
          touchId: m.touch_id,
          matchedOn: m.matched_on,
          filled: m.filled,
          createdAt: new Date(m.created_at).toISOString(),
          revertedAt: m.reverted_at ? new Date(m.reverted_at).toISOString() : null,
          splitLeadId: m.split_lead_id,
        })),
      };
    },
  );
  api.post(
    '/merges/:id/revert',
    {
      schema: {
        tags: ['leads'],
        summary: 'Undo a merge: the merged arrival becomes a lead of its own (admin)',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ lead: leadSchema, splitLead: leadSchema }), ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { leadId, splitLeadId } = await revertMerge(ctx, request.actor, request.params.id);
      return {
        lead: presentLead(await readLead(ctx, request.actor, leadId)),
        splitLead: presentLead(await readLead(ctx, request.actor, splitLeadId)),
      };
    },
  );
}
