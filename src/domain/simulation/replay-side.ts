/**
 * One side of a simulation (SPEC §8.6): every lead of the period scored with that side's rules,
 * checked against its MQL definition with that score, given a path by its routing rules, and
 * every MQL, in capture order, given a rep by chooseRep with rotation counters starting from
 * zero. Capacity is replayed too: a replayed hand-off stays open for the team's typical
 * decision delay, so a rep at capacity is skipped as live routing would skip them.
 */
import { evaluateDefinition, type UnmetCriterion } from '../definitions/evaluate-definition.js';
import { chooseRep } from '../routing/choose-rep.js';
import { applyPick, emptyRotationState } from '../routing/rotation.js';
import { type RouteResult, routeLead } from '../routing/route-lead.js';
import type { RepCandidate, RotationState, RoutingStep } from '../routing/routing-types.js';
import type { LeadScore, LeadScorer } from '../scoring/score-lead.js';
import type { LoadPick } from './rep-load.js';
import type { SimulationLead, SimulationPolicy } from './simulation-types.js';

export interface LeadReplay {
  score: LeadScore;
  mql: boolean;
  unmet: UnmetCriterion[];
  route: RouteResult;
  handoff: { kind: 'assign' | 'sync' | 'dispatch'; repId: string | null; explanation: RoutingStep[] } | null;
}

export interface SideReplay {
  leads: LeadReplay[];
  picks: LoadPick[];
}

/** Scores of the leads under a scorer; sides sharing a scorer share the result. */
export function scoreLeads(leads: readonly SimulationLead[], scorer: LeadScorer, now: Date): LeadScore[] {
  return leads.map((l) => scorer.score(l.scoring, now));
}

export function replaySide(
  leads: readonly SimulationLead[],
  scores: readonly LeadScore[],
  policy: SimulationPolicy,
  env: { rosterAt: (at: Date) => readonly RepCandidate[]; openForMs: number },
): SideReplay {
  const rosters = new Map<readonly RepCandidate[], RepCandidate[]>();
  const rotation = new Map<string, RotationState>();
  const open = new Map<string, number[]>();
  const picks: LoadPick[] = [];
  const out: LeadReplay[] = new Array(leads.length);

  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i];
    const score = scores[i];
    const verdict = evaluateDefinition(policy.mqlDefinition, { ...lead.facts, score: score.total });
    const route = routeLead(policy.routingRules, { ...lead.route, score: score.total, grade: score.grade });
    if (!verdict.passes) {
      out[i] = { score, mql: false, unmet: verdict.unmet, route, handoff: null };
      continue;
    }
    const at = lead.createdAt;
    const candidates = rosterCopy(rosters, env.rosterAt(at));
    for (const rep of candidates) rep.openMqls = stillOpen(open.get(rep.id), at.getTime());
    const outcome = chooseRep({
      lead: { ...lead.routing, score: score.total, grade: score.grade },
      account: lead.account,
      candidates,
      rotation: (key) => rotation.get(key) ?? emptyRotationState(),
      policy: policy.routingPolicy,
      now: at,
    });
    if (outcome.rotation && outcome.poolKey) {
      rotation.set(outcome.poolKey, applyPick(rotation.get(outcome.poolKey) ?? emptyRotationState(), outcome.rotation));
    }
    if (outcome.repId !== null) {
      picks.push({ repId: outcome.repId, at });
      const queue = open.get(outcome.repId) ?? [];
      queue.push(at.getTime() + env.openForMs);
      open.set(outcome.repId, queue);
    }
    out[i] = {
      score,
      mql: true,
      unmet: [],
      route,
      handoff: { kind: outcome.kind, repId: outcome.repId, explanation: outcome.explanation },
    };
  }
  return { leads: out, picks };
}

/** The side's own copy of a month's roster: loads are replayed into it. */
function rosterCopy(
  copies: Map<readonly RepCandidate[], RepCandidate[]>,
  roster: readonly RepCandidate[],
): RepCandidate[] {
  let copy = copies.get(roster);
  if (!copy) {
    copy = roster.map((r) => ({ ...r, openMqls: 0 }));
    copies.set(roster, copy);
  }
  return copy;
}

/** Drops hand-offs decided by `now` from the front of a rep's queue (release times ascend). */
function stillOpen(queue: number[] | undefined, now: number): number {
  if (!queue) return 0;
  let drop = 0;
  while (drop < queue.length && queue[drop] <= now) drop++;
  if (drop > 0) queue.splice(0, drop);
  return queue.length;
}
