/**
 * Every eligible demo rep should open the inbox to something: after the lifecycle, an SDR
 * qualifies and transfers a few more recent, untouched leads from a rep's regions (over the
 * last 20 hours, within the 48 h acceptance SLA) until each rep on this month's list has at
 * least `perRep` pending hand-offs, or the leads of the region run out. Auto routing still
 * picks the rep, so a lead may go to a teammate covering the same region.
 */
import type { ManualClock } from '../clock.js';
import type { Actor } from '../domain/roles.js';
import { logActivity } from '../services/activities/log-activity.js';
import type { ServiceContext } from '../services/context.js';
import { transferLead } from '../services/handoffs/transfer-lead.js';
import { claimLead } from '../services/pool/claim-lead.js';
import { qualifyLead } from '../services/qualify-lead.js';
import { normaliseRegions } from '../services/roster/reps.js';
import { spreadOverOfficeTime } from './office-hours.js';
import { demoRepProfiles } from './rep-profiles.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BANT_YES = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };
const MAX_TRANSFERS = 12;

/** Returns how many leads were transferred. */
export async function topUpInboxes(
  ctx: ServiceContext,
  clock: ManualClock,
  options: {
    now: Date;
    /** Demo user id by e-mail. */
    userIds: ReadonlyMap<string, string>;
    /** The SDRs who transfer, taking turns. */
    sdrs: readonly Actor[];
    perRep?: number;
  },
): Promise<number> {
  const { now } = options;
  const perRep = options.perRep ?? 2;
  const demoIds = [...options.userIds.values()];
  const candidates = await ctx.db
    .selectFrom('leads')
    .select(['id', 'region_code'])
    .where('created_by', 'in', demoIds)
    .where('status', '=', 'new')
    .where('owner_id', 'is', null)
    .where('last_touch_at', 'is', null)
    .where('created_at', '>=', new Date(now.getTime() - 30 * DAY))
    .where('created_at', '<=', new Date(now.getTime() - 21 * HOUR))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const used = new Set<string>();
  const slots = spreadOverOfficeTime(
    new Date(now.getTime() - 20 * HOUR),
    new Date(now.getTime() - 20 * MINUTE),
    MAX_TRANSFERS,
  );
  let transfers = 0;

  for (const profile of demoRepProfiles.filter((p) => !p.offThisMonth)) {
    const repId = options.userIds.get(profile.email);
    if (!repId) continue;
    const codes = normaliseRegions(profile.regions);
    while (transfers < MAX_TRANSFERS && (await pendingOf(ctx, repId)) < perRep) {
      const lead = candidates.find(
        (c) => !used.has(c.id) && c.region_code !== null && codes.some((code) => c.region_code?.startsWith(code)),
      );
      if (!lead) break;
      used.add(lead.id);
      const sdr = options.sdrs[transfers % options.sdrs.length];
      const at = slots[transfers];
      transfers++;
      try {
        clock.set(new Date(at.getTime() - 10 * MINUTE));
        await claimLead(ctx, sdr, lead.id);
        await logActivity(ctx, sdr, lead.id, {
          type: 'call',
          durationSec: 600,
          outcome: 'connected',
          note: '客户需求明确，预算已批，决策人同意下周与销售沟通。',
        });
        clock.set(new Date(at.getTime() - 2 * MINUTE));
        await qualifyLead(ctx, sdr, lead.id, { framework: 'BANT', answers: BANT_YES });
        clock.set(at);
        await transferLead(ctx, sdr, lead.id, { mode: 'auto' });
      } catch {
        // refused (a contact rule, a limit): try the next lead
      }
    }
  }
  return transfers;
}

async function pendingOf(ctx: ServiceContext, repId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('handoffs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rep_id', '=', repId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
