/**
 * POST /track (SPEC §2): record one behaviour and stitch anonymous visitors to leads.
 *
 * Who an event belongs to, in order: the leadId it names, else the live lead whose e-mail it
 * carries, else the lead its visitor was stitched to before, else nobody yet (anonymous). An
 * event that identifies a visitor (leadId, or an e-mail of a lead) stitches the visitor: all
 * of the visitor's anonymous events move to the lead and later anonymous events go straight to
 * it. An e-mail no lead has yet is remembered for the visitor; capturing a lead with that
 * e-mail later stitches then (stitch-captured-leads.ts). /track never creates a lead.
 *
 * A visitor stitched to one lead who later identifies as another (a shared computer) is
 * re-bound: events from then on go to the new lead, events already attributed stay.
 *
 * Concurrency: the identity e-mail takes capture's dedup lock (a lead with that e-mail is
 * either committed and found, or captured after us and sees the pending e-mail), and every
 * event of a visitor takes the visitor's lock, so an anonymous event cannot slip in as
 * anonymous while the visitor is being stitched.
 */
import type { Transaction } from 'kysely';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { checkTrackEvent, type TrackEventInput } from '../../domain/tracking/track-event.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  findLeadIdByEmail,
  findVisitor,
  insertBehaviour,
  leadExists,
  lockVisitors,
  moveVisitorEvents,
  saveVisitor,
  type TrackingSiteRow,
} from '../../store/repositories/tracking.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { resurfaceOnBehaviour } from '../pool/resurface-leads.js';
import { rescoreLeads } from '../scoring/rescore.js';
import { describeStitch } from './describe-stitch.js';

/** Who reports: a web page with a site's public key, or a server with a bearer token. */
export type TrackCaller = { kind: 'site'; site: TrackingSiteRow } | { kind: 'token'; actor: Actor };

export interface TrackResult {
  /** The behaviour recorded; null for `identify`, which records none. */
  id: string | null;
  leadId: string | null;
  /** Earlier anonymous events this request moved to the lead. */
  stitched: number;
}

export async function trackBehaviour(
  ctx: ServiceContext,
  caller: TrackCaller,
  input: TrackEventInput,
): Promise<TrackResult> {
  if (caller.kind === 'token') authorize(caller.actor, 'behaviours.track');
  const receivedAt = ctx.clock.now();
  const checked = checkTrackEvent(input, { now: receivedAt, mayBackfill: caller.kind === 'token' });
  if (!checked.ok) throw new InvalidInput(checked.errors);
  const event = checked.event;
  const actorId = caller.kind === 'token' ? caller.actor.id : null;

  return retryOnDeadlock(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (event.email) await lockKeys(trx, [`email:${event.email}`]);
      let identified: { leadId: string; by: 'leadId' | 'email' } | undefined;
      if (event.leadId) {
        if (!(await leadExists(trx, event.leadId))) throw new NotFound(`lead ${event.leadId}`);
        identified = { leadId: event.leadId, by: 'leadId' };
      } else if (event.email) {
        const leadId = await findLeadIdByEmail(trx, event.email);
        if (leadId) identified = { leadId, by: 'email' };
      }

      let leadId = identified?.leadId ?? null;
      let stitched = 0;
      if (event.visitorId) {
        await lockVisitors(trx, [event.visitorId]);
        const visitor = await findVisitor(trx, event.visitorId);
        if (identified && visitor?.lead_id !== identified.leadId) {
          await saveVisitor(trx, {
            visitorId: event.visitorId,
            leadId: identified.leadId,
            email: event.email ?? visitor?.email ?? null,
            at: receivedAt,
          });
          stitched = await moveVisitorEvents(trx, event.visitorId, identified.leadId);
          await appendAudit(trx, [
            {
              id: ctx.newId(),
              actorId,
              action: 'visitor.stitched',
              entityType: 'visitor',
              entityId: event.visitorId,
              leadId: identified.leadId,
              from: { leadId: visitor?.lead_id ?? null },
              to: { leadId: identified.leadId, events: stitched, by: identified.by },
              reason: describeStitch({ visitorId: event.visitorId, events: stitched, by: identified.by }),
              at: receivedAt,
            },
          ]);
        } else if (!identified && event.email && !visitor?.lead_id && visitor?.email !== event.email) {
          // Nobody has this e-mail yet: remember it, the lead's capture will stitch.
          await saveVisitor(trx, { visitorId: event.visitorId, leadId: null, email: event.email, at: receivedAt });
        }
        leadId ??= visitor?.lead_id ?? null;
      }

      const id = event.type === 'identify' ? null : ctx.newId();
      if (id) {
        await insertBehaviour(trx, {
          id,
          leadId,
          visitorId: event.visitorId,
          email: event.email,
          type: event.type,
          url: event.url,
          meta: event.meta,
          occurredAt: event.occurredAt,
          siteId: caller.kind === 'site' ? caller.site.id : null,
          actorId,
          receivedAt,
        });
      }
      // SPEC §7: a key behaviour sends a pooled lead back to the SDR queue (before rescoring, so
      // the behaviour, not the score it brings, is the trigger shown).
      if (leadId && id) await resurfaceOnBehaviour(trx, ctx, leadId, event.type);
      if (leadId && (id || stitched > 0)) await rescore(trx, ctx, leadId);
      return { id, leadId, stitched };
    }),
  );
}

function rescore(trx: Transaction<Database>, ctx: ServiceContext, leadId: string) {
  return rescoreLeads(trx, ctx, [leadId], 'behaviour');
}

/**
 * A visitor's lock is taken before its lead's row (rescoring), capture takes the lead's row
 * before a pending visitor's lock; the two meet only when a visitor identifies while its
 * e-mail's lead is being captured. PostgreSQL then aborts one side: retry it.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}
