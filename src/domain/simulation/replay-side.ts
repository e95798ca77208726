/**
 * One side of a simulation (SPEC §8.6): every lead of the period scored with that side's rules,
 * checked against its MQL definition with that score, given a path by its routing rules, and
 * every MQL, in capture order, given a rep by chooseRep with rotation counters starting from
 * zero. Capacity is replayed too: a replayed hand-off stays open for the team's typical
 * decision delay, so a rep at capacity is skipped as live routing would skip them.
 *
 * Only each lead's outcome is kept (100,000 leads × two sides): the explanations behind it are
 * computed again for the few leads a simulation shows (change-reason.ts).
 */
import type { DefinitionBody } from '../definitions/definition-body.js';
import { evaluateDefinition } from '../definitions/evaluate-definition.js';
import { chooseRep } from '../routing/choose-rep.js';
import { applyPick, emptyRotationState } from '../routing/rotation.js';
import { routeLead } from '../routing/route-lead.js';
import type { RoutingPath, RoutingRule } from '../routing/routing-rules.js';
import type { RepCandidate, RotationState, RoutingStep } from '../routing/routing-types.js';
import type { LeadScorer } from '../scoring/score-lead.js';
import type { LoadPick } from './rep-load.js';
import type { SimulationLead, SimulationPolicy } from './simulation-types.js';

export interface ScoreBrief {
  /** Null: the lead was never scored (the stored score of a lead scoring has not reached). */
  total: number | null;
  grade: string | null;
}

export interface LeadReplay {
  score: ScoreBrief;
  mql: boolean;
  path: RoutingPath;
  /** The routing step that decided (the pick, the account rule or the dispatch); null when none ran. */
  handoff: { kind: 'assign' | 'sync' | 'dispatch'; repId: string | null; decidedBy: RoutingStep | null } | null;
}

export interface SideReplay {
  leads: LeadReplay[];
  picks: LoadPick[];
}

/** Scores of the leads under a scorer, computed at `now` (the leads' scoring inputs must be loaded). */
export function scoreLeads(leads: readonly SimulationLead[], scorer: LeadScorer, now: Date): ScoreBrief[] {
  return leads.map((l) => {
    if (!l.scoring) throw new Error(`lead ${l.id}: scoring inputs were not loaded`);
    const s = scorer.score(l.scoring, now);
    return { total: s.total, grade: s.grade };
  });
}

/** Whether each lead passes the side's MQL definition with its score on that side. */
export function mqlVerdicts(
  leads: readonly SimulationLead[],
  scores: readonly ScoreBrief[],
  definition: DefinitionBody,
): boolean[] {
  return leads.map((l, i) => evaluateDefinition(definition, { ...l.facts, score: scores[i].total }).passes);
}

/** Each lead's path by the side's routing rules, as at capture, with its score on that side. */
export function routingPaths(
  leads: readonly SimulationLead[],
  scores: readonly ScoreBrief[],
  rules: readonly RoutingRule[],
): RoutingPath[] {
  return leads.map((l, i) => routeLead(rules, { ...l.route, score: scores[i].total, grade: scores[i].grade }).path);
}

export function replaySide(
  leads: readonly SimulationLead[],
  side: { scores: readonly ScoreBrief[]; mql: readonly boolean[]; paths: readonly RoutingPath[] },
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
    const score = side.scores[i];
    const path = side.paths[i];
    if (!side.mql[i]) {
      out[i] = { score, mql: false, path, handoff: null };
      continue;
    }
    const at = lead.createdAt;
    const candidates = rosterCopy(rosters, env.rosterAt(at));
    for (const rep of candidates) rep.openMqls = stillOpen(open.get(rep.id), at.getTime());
    const outcome = chooseRep({
      // As live routing reads the lead row: a lead never scored has score 0 (handoffs/route-lead.ts).
      lead: { ...lead.routing, score: score.total ?? 0, grade: score.grade },
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
      const queue = open.get(outcome.repId);
      if (queue) queue.push(at.getTime() + env.openForMs);
      else open.set(outcome.repId, [at.getTime() + env.openForMs]);
    }
    out[i] = {
      score,
      mql: true,
      path,
      handoff: { kind: outcome.kind, repId: outcome.repId, decidedBy: decidingStep(outcome.explanation) },
    };
  }
  return { leads: out, picks };
}

function decidingStep(steps: readonly RoutingStep[]): RoutingStep | null {
  return steps.find((s) => s.outcome === 'picked' || s.outcome === 'dispatch') ?? steps[steps.length - 1] ?? null;
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
