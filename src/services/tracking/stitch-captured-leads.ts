/**
 * Stitching at capture (SPEC §2): a visitor who gave an e-mail no lead had yet, and events
 * that carried such an e-mail, belong to the lead captured with that e-mail (POST /leads, bulk
 * or import), in the capture's transaction. Scoring runs after this in afterCapture, so the
 * captured leads' scores already see the stitched events.
 *
 * Capture holds the dedup lock of each e-mail it stores, and /track takes that lock before it
 * remembers a pending e-mail: a pending visitor is either visible here or finds the lead itself.
 */
import type { Transaction } from 'kysely';
import { type AuditEntry, appendAudit } from '../../store/repositories/audit.js';
import type { AwaitingStitch } from '../../store/repositories/capture-follow-up.js';
import {
  findPendingEventEmails,
  findPendingVisitors,
  lockVisitors,
  moveEmailEvents,
  moveVisitorEvents,
  saveVisitor,
} from '../../store/repositories/tracking.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { describeStitch } from './describe-stitch.js';

/**
 * `leads`: the captured leads whose e-mail something is waiting for (capture reads them with
 * cleaning's read: loadCleaningBatch), usually none. Answers the ids of the leads that received events.
 */
export async function stitchCapturedLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leads: readonly AwaitingStitch[],
): Promise<string[]> {
  if (leads.length === 0) return [];
  const leadOfEmail = new Map<string, string>();
  for (const l of leads) if (!leadOfEmail.has(l.email)) leadOfEmail.set(l.email, l.id);
  const emails = [...leadOfEmail.keys()];

  const at = ctx.clock.now();
  const audit: AuditEntry[] = [];
  const changed = new Set<string>();
  const candidates = await findPendingVisitors(trx, emails);
  if (candidates.length) {
    await lockVisitors(
      trx,
      candidates.map((v) => v.visitor_id),
    );
    // Read again under the locks: a visitor may have been stitched meanwhile.
    for (const visitor of await findPendingVisitors(trx, emails)) {
      const leadId = leadOfEmail.get(visitor.email as string) as string;
      await saveVisitor(trx, { visitorId: visitor.visitor_id, leadId, email: visitor.email, at });
      const events = await moveVisitorEvents(trx, visitor.visitor_id, leadId);
      if (events) changed.add(leadId);
      audit.push({
        id: ctx.newId(),
        actorId: null,
        action: 'visitor.stitched',
        entityType: 'visitor',
        entityId: visitor.visitor_id,
        leadId,
        from: { leadId: null, email: visitor.email },
        to: { leadId, events, by: 'capture' },
        reason: describeStitch({ visitorId: visitor.visitor_id, events, by: 'capture' }),
        at,
      });
    }
  }
  for (const email of await findPendingEventEmails(trx, emails)) {
    const leadId = leadOfEmail.get(email) as string;
    const events = await moveEmailEvents(trx, email, leadId);
    if (events === 0) continue;
    changed.add(leadId);
    audit.push({
      id: ctx.newId(),
      actorId: null,
      action: 'email.stitched',
      entityType: 'email',
      entityId: email,
      leadId,
      from: { leadId: null },
      to: { leadId, events, by: 'capture' },
      reason: describeStitch({ email, events, by: 'capture' }),
      at,
    });
  }
  await appendAudit(trx, audit);
  return [...changed];
}
