/**
 * Brings the captured demo leads to life (issue 8's newcomer): sales ops set up the rep roster
 * and eligibility lists, then the plan of lead-stories.ts runs step by step through the same
 * services the HTTP routes call, with the manual clock at each step's time — and the due work
 * (SLA timers, recalls) run once a day of it, as the server would have — so dates look real.
 * Marketing enters the channel spend last. A step the workspace refuses (a lead recalled to the
 * pool meanwhile, say) ends that lead's story; the rest go on.
 */
import type { ManualClock } from '../clock.js';
import type { Actor } from '../domain/roles.js';
import { logActivity } from '../services/activities/log-activity.js';
import type { ServiceContext } from '../services/context.js';
import { runDueWork } from '../services/due-work.js';
import { decideHandoff } from '../services/handoffs/decide-handoff.js';
import { transferLead } from '../services/handoffs/transfer-lead.js';
import { closeOpportunityAs } from '../services/opportunities/close-opportunity.js';
import { registerOpportunity } from '../services/opportunities/register-opportunity.js';
import { claimLead } from '../services/pool/claim-lead.js';
import { releaseLead } from '../services/pool/release-lead.js';
import { qualifyLead } from '../services/qualify-lead.js';
import { actorOf } from '../services/users.js';
import type { UserRow } from '../store/repositories/users.js';
import { planLeadStories, type Step } from './lead-stories.js';
import { Random } from './random.js';
import type { EnrolledReps } from './rep-profiles.js';
import { demoUsers } from './roster.js';
import { enterDemoSpend } from './spend.js';
import { topUpInboxes } from './top-up-inbox.js';

const BEIJING = 8 * 3_600_000;
const DAY = 86_400_000;
const BANT_YES = { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' };

export interface LifecycleSummary {
  reps: EnrolledReps;
  steps: number;
  refused: number;
  handoffs: Record<string, number>;
  dispatchOpen: number;
  opportunities: Record<string, number>;
  wonAmount: number;
  pool: number;
  spend: number;
}

interface LeadState {
  sdr?: Actor;
  rep?: Actor;
  handoffId?: string;
  opportunityId?: string;
  failed?: boolean;
}

export async function runDemoLifecycle(
  ctx: ServiceContext,
  clock: ManualClock,
  users: ReadonlyMap<string, UserRow>,
  options: {
    now: Date;
    leadCount: number;
    seed: number;
    /** The roster enrolDemoReps set up before the leads were captured. */
    reps: EnrolledReps;
    onRefused?: (step: Step, error: unknown) => void;
  },
): Promise<LifecycleSummary> {
  const random = new Random(options.seed);
  const { now, reps } = options;
  const byRole = (role: string) => demoUsers.find((u) => u.role === role && users.has(u.email));
  const marketingUser = users.get(byRole('marketing')?.email ?? '');
  if (!marketingUser) throw new Error('the demo needs its marketing user');
  const actorsById = new Map([...users.values()].map((u) => [u.id, actorOf(u)]));
  const emailById = new Map([...users].map(([email, u]) => [u.id, email]));
  const demoIds = [...users.values()].map((u) => u.id);

  const rows = await ctx.db
    .selectFrom('leads')
    .select(['id', 'status', 'owner_id', 'created_at', 'company'])
    .where('created_by', 'in', demoIds)
    .execute();
  // Leads that went straight to sales when captured wait for their rep's decision.
  const direct = await ctx.db
    .selectFrom('handoffs')
    .innerJoin('leads', 'leads.id', 'handoffs.lead_id')
    .select(['handoffs.id', 'handoffs.lead_id', 'handoffs.rep_id', 'handoffs.created_at', 'leads.company'])
    .where('leads.created_by', 'in', demoIds)
    .where('handoffs.status', '=', 'pending')
    .where('handoffs.rep_id', 'is not', null)
    .orderBy('handoffs.created_at')
    .orderBy('handoffs.id')
    .execute();
  const states = new Map<string, LeadState>(
    direct.map((h) => [h.lead_id, { handoffId: h.id, rep: h.rep_id ? actorsById.get(h.rep_id) : undefined }]),
  );
  const sdrs = demoUsers
    .filter((u) => (u.role === 'sdr' || u.role === 'sdr_lead') && users.has(u.email))
    .map((u) => [u.email, u.role === 'sdr' ? 3 : 1] as const);
  const steps = planLeadStories({
    leads: rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at),
      status: r.status,
      ownerEmail: r.owner_id ? (emailById.get(r.owner_id) ?? null) : null,
      company: r.company,
    })),
    sdrs,
    handoffs: direct.map((h) => ({ leadId: h.lead_id, createdAt: new Date(h.created_at), company: h.company })),
    now,
    random: random.fork(),
  });

  let refused = 0;
  let lastDay = -1;
  for (const step of steps) {
    const state = states.get(step.leadId) ?? {};
    states.set(step.leadId, state);
    if (state.failed) continue;
    const day = Math.floor((step.at.getTime() + BEIJING) / DAY);
    clock.set(step.at);
    if (day !== lastDay) {
      await runDueWork(ctx);
      lastDay = day;
    }
    try {
      await runStep(ctx, step, state, users, actorsById);
    } catch (error) {
      state.failed = true;
      refused++;
      options.onRefused?.(step, error);
    }
  }

  const topUp = await topUpInboxes(ctx, clock, {
    now,
    userIds: new Map([...users].map(([email, u]) => [email, u.id])),
    sdrs: demoUsers
      .filter((u) => u.role === 'sdr' && users.has(u.email))
      .map((u) => actorOf(users.get(u.email) as UserRow)),
  });

  clock.set(now);
  await runDueWork(ctx);
  const spend = await enterDemoSpend(ctx, actorOf(marketingUser), [reps.lastMonth, reps.thisMonth], {
    now,
    leadCount: options.leadCount,
    random: random.fork(),
  });
  return { reps, steps: steps.length + topUp * 4, refused, spend, ...(await countOutcomes(ctx, demoIds)) };
}

async function runStep(
  ctx: ServiceContext,
  step: Step,
  state: LeadState,
  users: ReadonlyMap<string, UserRow>,
  actorsById: ReadonlyMap<string, Actor>,
): Promise<void> {
  const leadId = step.leadId;
  const sdr = () => {
    if (!state.sdr) {
      const user = users.get(step.sdr);
      if (!user) throw new Error(`no demo user ${step.sdr}`);
      state.sdr = actorOf(user);
    }
    return state.sdr;
  };
  const rep = () => {
    if (!state.rep) throw new Error('the lead went to no rep');
    return state.rep;
  };
  switch (step.kind) {
    case 'claim': {
      const lead = await ctx.db
        .selectFrom('leads')
        .select(['status', 'owner_id'])
        .where('id', '=', leadId)
        .executeTakeFirstOrThrow();
      if (lead.owner_id) {
        // An outbound lead: its SDR works it.
        const owner = actorsById.get(lead.owner_id);
        if (!owner || (owner.role !== 'sdr' && owner.role !== 'sdr_lead') || lead.status !== 'working')
          throw new Error(`the lead is ${lead.status}, held by someone else`);
        state.sdr = owner;
      } else await claimLead(ctx, sdr(), leadId);
      return;
    }
    case 'call':
    case 'wechat':
    case 'note':
      await logActivity(ctx, sdr(), leadId, {
        type: step.kind,
        durationSec: step.kind === 'call' ? step.durationSec : null,
        outcome: step.outcome ?? null,
        note: step.note ?? null,
      });
      return;
    case 'qualify':
      await qualifyLead(ctx, sdr(), leadId, { framework: 'BANT', answers: BANT_YES });
      return;
    case 'transfer':
    case 'dispatch': {
      const handoff = await transferLead(
        ctx,
        sdr(),
        leadId,
        step.kind === 'dispatch' ? { mode: 'manual', reason: step.reason } : { mode: 'auto' },
      );
      state.handoffId = handoff.id;
      state.rep = handoff.repId ? actorsById.get(handoff.repId) : undefined;
      return;
    }
    case 'accept':
    case 'reject':
    case 'return':
      await decideHandoff(ctx, rep(), state.handoffId ?? '', step.kind, { reason: step.reason, note: step.note });
      return;
    case 'rep_call':
      await logActivity(ctx, rep(), leadId, { type: 'call', durationSec: 1200, outcome: 'connected', note: step.note });
      return;
    case 'opportunity': {
      const closeBy = new Date(ctx.clock.now().getTime() + 45 * DAY).toISOString().slice(0, 10);
      const opportunity = await registerOpportunity(ctx, rep(), leadId, {
        amount: step.amount,
        name: step.name,
        expectedCloseAt: closeBy,
      });
      state.opportunityId = opportunity.id;
      return;
    }
    case 'win':
      await closeOpportunityAs(ctx, rep(), state.opportunityId ?? '', 'win', { amount: step.amount });
      return;
    case 'lose':
      await closeOpportunityAs(ctx, rep(), state.opportunityId ?? '', 'lose', { reason: step.reason });
      return;
    case 'release':
      await releaseLead(ctx, sdr(), leadId, { reason: step.reason });
      return;
  }
}

async function countOutcomes(ctx: ServiceContext, demoIds: string[]) {
  const leadIds = ctx.db.selectFrom('leads').select('id').where('created_by', 'in', demoIds);
  const handoffRows = await ctx.db
    .selectFrom('handoffs')
    .select(['status', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('lead_id', 'in', leadIds)
    .groupBy(['status', 'kind'])
    .execute();
  const handoffs: Record<string, number> = {};
  let dispatchOpen = 0;
  for (const h of handoffRows) {
    handoffs[h.status] = (handoffs[h.status] ?? 0) + Number(h.n);
    if (h.kind === 'dispatch' && h.status === 'pending') dispatchOpen += Number(h.n);
  }
  const opportunityRows = await ctx.db
    .selectFrom('opportunities')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('lead_id', 'in', leadIds)
    .groupBy('stage')
    .execute();
  const opportunities: Record<string, number> = {};
  let wonAmount = 0;
  for (const o of opportunityRows) {
    opportunities[o.stage] = Number(o.n);
    if (o.stage === 'won') wonAmount = Number(o.amount);
  }
  const pool = await ctx.db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', 'in', demoIds)
    .where('status', '=', 'nurturing')
    .where('owner_id', 'is', null)
    .executeTakeFirstOrThrow();
  return { handoffs, dispatchOpen, opportunities, wonAmount, pool: Number(pool.n) };
}
