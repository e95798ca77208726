/**
 * POST /admin/clock (SPEC §10.1): only with LEADLOOP_CLOCK=manual; otherwise the route does not
 * exist (404). Work due in a skipped span (services/due-work.ts) runs before the answer.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ManualClock, parseSpan } from '../../clock.js';
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { runDueWork } from '../../services/due-work.js';
import { appendAudit } from '../../store/repositories/audit.js';
import { problems } from '../problem.js';

const clockBody = z
  .object({
    set: z.iso.datetime({ offset: true }).optional().describe('ISO-8601 instant'),
    advance: z
      .string()
      .regex(/^(\d+[smhdw])+$/, 'must be a span like 49h, 3d, 15m or 1d12h')
      .optional(),
  })
  .strict();

export async function adminRoutes(app: FastifyInstance, ctx: ServiceContext, clock: ManualClock | undefined) {
  if (!clock) return;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/admin/clock',
    {
      schema: {
        tags: ['operations'],
        summary: 'Set or advance the manual clock (LEADLOOP_CLOCK=manual only)',
        body: clockBody,
        response: { 200: z.object({ now: z.string() }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, 'clock.set');
      const { set, advance } = request.body;
      if ((set === undefined) === (advance === undefined)) {
        throw new InvalidInput([
          {
            field: set === undefined ? 'set' : 'advance',
            message: 'give exactly one of set or advance',
            messageZh: 'set 与 advance 须给且只给其一',
          },
        ]);
      }
      const before = clock.now();
      const next =
        set !== undefined ? new Date(set) : new Date(before.getTime() + (parseSpan(advance as string) as number));
      if (!(next.getUTCFullYear() >= 1970 && next.getUTCFullYear() <= 9999)) {
        throw new InvalidInput([
          {
            field: set !== undefined ? 'set' : 'advance',
            message: 'would move the clock outside the years 1970–9999',
            messageZh: '会把时钟移到 1970–9999 年之外',
          },
        ]);
      }
      clock.set(next);
      await runDueWork(ctx);
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, [
          {
            id: ctx.newId(),
            actorId: request.actor.id,
            action: 'clock.changed',
            entityType: 'clock',
            entityId: 'clock',
            from: { now: before.toISOString() },
            to: { now: clock.now().toISOString() },
            at: clock.now(),
          },
        ]),
      );
      return { now: clock.now().toISOString() };
    },
  );
}
