/**
 * Paths by source at capture (SPEC §5.1): the routing rules in force send each new lead down
 * one path — straight to sales (an `mql` with a hand-off at once: inbound inquiries and
 * referrals by default), the nurture pool, or the SDR queue (where it already is). Disqualified
 * leads stay where cleaning put them. Runs in the capture transaction after scoring, since
 * rules may look at the score.
 */
import type { Transaction } from 'kysely';
import { routeLead } from '../../domain/routing/route-lead.js';
import type { RoutingDecision } from '../../domain/routing/routing-types.js';
import { allInOne } from '../../store/recordset.js';
import { auditInsert } from '../../store/repositories/audit.js';
import { fanOutEvents, listenedTypes } from '../../store/repositories/event-fan-out.js';
import { leadStatusUpdate, setLeadStatus } from '../../store/repositories/handoffs.js';
import type { Database } from '../../store/schema.js';
import type { PreRoute } from '../capture-decisions.js';
import type { ServiceContext } from '../context.js';
import { eventWrites } from '../events/emit-events.js';
import { type LeadStatusChange, leadStatusChangeRecords } from '../events/lead-status-changes.js';
import { writeHandoffs } from '../handoffs/create-handoff.js';
import { handoffAnnouncements } from '../handoffs/handoff-events.js';
import { routeLeadsToReps } from '../handoffs/route-lead.js';
import { routingSettingsInForce } from './routing-settings.js';

/**
 * `decided`: the leads capture routed before inserting them (capture-decisions.ts; pooled ones
 * were inserted `nurturing`); the others are read and routed here.
 */
export async function routeCapturedLeads(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  leadIds: readonly string[],
  decided?: ReadonlyMap<string, PreRoute>,
): Promise<void> {
  if (leadIds.length === 0) return;
  const at = ctx.clock.now();
  const direct: { id: string; reason: string }[] = [];
  const pooled: { id: string; reason: string }[] = [];
  const insertedPooled = new Set<string>();
  const rest = decided ? leadIds.filter((id) => !decided.has(id)) : leadIds;
  for (const id of leadIds) {
    const route = decided?.get(id);
    if (route?.path === 'direct_to_sales') direct.push({ id, reason: route.reason });
    else if (route?.path === 'pool') {
      pooled.push({ id, reason: route.reason });
      insertedPooled.add(id);
    }
  }
  if (rest.length) await routeStoredLeads(trx, rest, direct, pooled);
  // in the leads' id order, as the database orders them
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  direct.sort(byId);
  pooled.sort(byId);
  await setLeadStatus(
    trx,
    pooled.flatMap((p) => (insertedPooled.has(p.id) ? [] : [p.id])),
    'nurturing',
    at,
  );
  const decisions = await routeLeadsToReps(
    trx,
    ctx,
    direct.map((d) => d.id),
  );
  const handoffs = await writeHandoffs(
    trx,
    ctx,
    direct.map(({ id, reason }) => ({
      leadId: id,
      sdrId: null,
      mode: 'direct' as const,
      decision: decisions.get(id) as RoutingDecision,
      requestReason: reason,
      actorId: null,
    })),
  );
  // The cards the hand-offs' events carry show the leads as the hand-offs leave them, before their new status.
  const announcements = await handoffAnnouncements(trx, handoffs);
  const changed = leadStatusChangeRecords(ctx, [
    ...pooled.map((p) => routed(p.id, 'nurturing', null, p.reason)),
    ...direct.map((d, i) => routed(d.id, 'mql', handoffs[i].repId, `${d.reason} (handoff ${handoffs[i].id})`)),
  ]);
  if (changed.audit.length === 0) return; // nothing routed off the queue
  const announced = eventWrites(ctx, [...announcements, ...changed.events], await listenedTypes(trx));
  // The direct leads' new status, the routing's audit entries and all the events: one statement.
  await allInOne([
    ...(direct.length
      ? [
          leadStatusUpdate(
            direct.map((d) => d.id),
            'mql',
            at,
          ),
        ]
      : []),
    auditInsert(changed.audit),
    ...announced.writes,
    ...(announced.live ? [announced.live] : []),
  ])?.execute(trx);
  if (announced.outgoing.length > 0) await fanOutEvents(trx, announced.outgoing, []);
}

/** Reads these leads as stored and routes them: each new one onto `direct` or `pooled`, in id order. */
async function routeStoredLeads(
  trx: Transaction<Database>,
  leadIds: readonly string[],
  direct: { id: string; reason: string }[],
  pooled: { id: string; reason: string }[],
): Promise<void> {
  const { rules } = await routingSettingsInForce(trx);
  const rows = await trx
    .selectFrom('leads')
    .leftJoin('channels', 'channels.id', 'leads.channel_id')
    .select([
      'leads.id',
      'leads.channel_id',
      'channels.default_path',
      'leads.status',
      'leads.score',
      'leads.grade',
      'leads.flags',
      'leads.fields',
      'leads.history',
    ])
    .where('leads.id', 'in', leadIds)
    .orderBy('leads.id')
    .execute();
  for (const lead of rows) {
    if (lead.history || lead.status !== 'new') continue;
    const route = routeLead(rules, {
      channel: lead.channel_id,
      channelPath: lead.default_path,
      status: lead.status,
      score: lead.score,
      grade: lead.grade,
      flags: lead.flags,
      fields: lead.fields,
    });
    if (route.path === 'direct_to_sales') direct.push({ id: lead.id, reason: route.reason });
    else if (route.path === 'pool') pooled.push({ id: lead.id, reason: route.reason });
  }
}

function routed(leadId: string, status: string, ownerId: string | null, reason: string): LeadStatusChange {
  return {
    leadId,
    action: 'lead.routed',
    from: { status: 'new' },
    to: { status, ownerId },
    actorId: null,
    reason,
  };
}
