/**
 * Policy simulation (SPEC §8.6): the period's real leads replayed through the version in force
 * and through a candidate, side by side, with the differences a leader approves on — MQL
 * volume, per-rep load and its fairness, expected SQLs and wins from the predictive model, SLA
 * load — and a sample of leads whose fate changes, each with the reason in the words of the
 * live explanations (unmet criteria, score lines, routing steps, SLA deadlines).
 */
import { slaDurations } from '../sla/sla-policy.js';
import {
  type AcceptanceReplay,
  expectedBreaches,
  replayAcceptance,
  typicalDecisionDelay,
} from './acceptance-replay.js';
import { changeReason } from './change-reason.js';
import { repLoad } from './rep-load.js';
import { type LeadReplay, mqlVerdicts, replaySide, routingPaths, type SideReplay, scoreLeads } from './replay-side.js';
import type {
  ChangedLead,
  Expectation,
  LeadOutcome,
  SideSummary,
  SimulationDiff,
  SimulationEnv,
  SimulationKind,
  SimulationLead,
  SimulationPolicy,
  SimulationResult,
} from './simulation-types.js';

export const CHANGED_SAMPLE = 20;

export interface SimulationInput {
  kind: SimulationKind;
  leads: readonly SimulationLead[];
  current: SimulationPolicy;
  candidate: SimulationPolicy;
  env: SimulationEnv;
}

interface Side {
  policy: SimulationPolicy;
  replay: SideReplay;
  acceptance: AcceptanceReplay;
  summary: SideSummary;
  mqlIds: string[];
}

export function simulate(input: SimulationInput): SimulationResult {
  const { leads, env } = input;
  const openForMs = typicalDecisionDelay(env.handoffs, slaDurations.acceptance(input.current.sla));
  const { current: a, candidate: b } = input;
  // What a candidate leaves unchanged is computed once and shared by both sides.
  // Same rules on both sides: the stored scores, as the live gate and routing read them.
  // Different rules: both recomputed now, so the difference is the rules' alone.
  const scoresA = b.scorer === a.scorer ? leads.map((l) => l.stored) : scoreLeads(leads, a.scorer, env.now);
  const scoresB = b.scorer === a.scorer ? scoresA : scoreLeads(leads, b.scorer, env.now);
  const sameScores = scoresA === scoresB;
  const mqlA = mqlVerdicts(leads, scoresA, a.mqlDefinition);
  const mqlB = sameScores && b.mqlDefinition === a.mqlDefinition ? mqlA : mqlVerdicts(leads, scoresB, b.mqlDefinition);
  const pathsA = routingPaths(leads, scoresA, a.routingRules);
  const pathsB =
    sameScores && b.routingRules === a.routingRules ? pathsA : routingPaths(leads, scoresB, b.routingRules);
  const eligible = eligibleReps(leads, env);
  const side = (policy: SimulationPolicy, replay: SideReplay): Side => {
    const acceptance = replayAcceptance(env.handoffs, policy.sla, env.calendars, env.now);
    const mqlIds = leads.filter((_, i) => replay.leads[i].mql).map((l) => l.id);
    return {
      policy,
      replay,
      acceptance,
      mqlIds,
      summary: summarise(input.kind, replay, acceptance, eligible, env),
    };
  };
  const routing = { rosterAt: env.rosterAt, openForMs };
  const replayA = replaySide(leads, { scores: scoresA, mql: mqlA, paths: pathsA }, a, routing);
  // A candidate that differs only in its SLA policy routes exactly as the policy in force.
  const replayB =
    mqlB === mqlA && pathsB === pathsA && sameScores && b.routingPolicy === a.routingPolicy
      ? replayA
      : replaySide(leads, { scores: scoresB, mql: mqlB, paths: pathsB }, b, routing);
  const current = side(a, replayA);
  const candidate = side(b, replayB);
  return {
    current: current.summary,
    candidate: candidate.summary,
    diff: diffOf(input.kind, leads, current, candidate, env.now),
    mqlIds: { current: current.mqlIds, candidate: candidate.mqlIds },
  };
}

/** The leads that are MQLs on either side, once each. */
export function mqlsOfEitherSide(result: SimulationResult): string[] {
  return [...new Set([...result.mqlIds.current, ...result.mqlIds.candidate])];
}

/**
 * Expected SQLs or wins (SPEC §8.6): the predictive model's probabilities summed over each
 * side's MQLs, and their difference. Without an expectation (no model active, or one of
 * another target) they stay null.
 */
export function withExpectations(result: SimulationResult, expectation: Expectation | null): SimulationResult {
  if (!expectation) return result;
  const key = expectation.target === 'sql' ? 'expectedSqls' : 'expectedWins';
  const sum = (ids: readonly string[]) => {
    let total = 0;
    for (const id of ids) total += expectation.probabilities.get(id) ?? 0;
    return total;
  };
  const before = sum(result.mqlIds.current);
  const after = sum(result.mqlIds.candidate);
  return {
    ...result,
    current: { ...result.current, [key]: before },
    candidate: { ...result.candidate, [key]: after },
    diff: { ...result.diff, [key]: after - before },
  };
}

/** Every rep eligible at some moment of the period, with the weight of their latest roster entry. */
function eligibleReps(leads: readonly SimulationLead[], env: SimulationEnv) {
  const seen = new Map<string, { id: string; weight: number }>();
  const rosters = new Set([env.rosterAt(env.from), ...leads.map((l) => env.rosterAt(l.createdAt))]);
  for (const roster of rosters) {
    for (const rep of roster) if (rep.eligible) seen.set(rep.id, { id: rep.id, weight: rep.weight });
  }
  return [...seen.values()];
}

function summarise(
  kind: SimulationKind,
  replay: SideReplay,
  acceptance: AcceptanceReplay,
  eligible: readonly { id: string; weight: number }[],
  env: SimulationEnv,
): SideSummary {
  const paths = { direct_to_sales: 0, sdr_queue: 0, disqualified: 0, pool: 0 };
  let mqls = 0;
  let syncs = 0;
  let dispatches = 0;
  for (const l of replay.leads) {
    paths[l.path]++;
    if (!l.mql) continue;
    mqls++;
    if (l.handoff?.kind === 'sync') syncs++;
    if (l.handoff?.kind === 'dispatch') dispatches++;
  }
  const { load, fairness, perDay } = repLoad(replay.picks, eligible, env);
  const loadByRep = new Map(load.map((l) => [l.repId, l.handoffs]));
  const replayed = kind === 'sla';
  const expected = replayed
    ? acceptance.verdicts.length
      ? acceptance.breaches
      : null
    : expectedBreaches(loadByRep, acceptance);
  return {
    leads: replay.leads.length,
    mqls,
    paths,
    handoffs: replay.picks.length,
    syncs,
    dispatches,
    handoffsPerDay: perDay,
    load,
    fairness,
    expectedSlaBreaches: expected,
    slaBasis: expected === null ? null : replayed ? 'replayed_handoffs' : 'estimated_from_load',
    suspensions: replayed ? acceptance.suspensions : null,
    expectedSqls: null,
    expectedWins: null,
  };
}

function outcomeOf(l: LeadReplay, breached: boolean | null): LeadOutcome {
  return {
    score: l.score.total,
    grade: l.score.grade,
    mql: l.mql,
    path: l.path,
    repId: l.handoff?.repId ?? null,
    handoffKind: l.handoff?.kind ?? null,
    slaBreached: breached,
  };
}

const differ = (a: LeadReplay, b: LeadReplay) =>
  a.mql !== b.mql ||
  a.path !== b.path ||
  (a.handoff?.repId ?? null) !== (b.handoff?.repId ?? null) ||
  (a.handoff?.kind ?? null) !== (b.handoff?.kind ?? null);

/** A lead's hand-offs breach under a policy when any of them does (sla kind). */
function breachesByLead(acceptance: AcceptanceReplay): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const v of acceptance.verdicts) out.set(v.handoff.leadId, (out.get(v.handoff.leadId) ?? false) || v.breached);
  return out;
}

function diffOf(
  kind: SimulationKind,
  leads: readonly SimulationLead[],
  current: Side,
  candidate: Side,
  now: Date,
): SimulationDiff {
  const before = kind === 'sla' ? breachesByLead(current.acceptance) : null;
  const after = kind === 'sla' ? breachesByLead(candidate.acceptance) : null;
  const breached = (map: Map<string, boolean> | null, id: string) => (map ? (map.get(id) ?? null) : null);
  const changedAt: number[] = [];
  for (let i = 0; i < leads.length; i++) {
    const id = leads[i].id;
    if (differ(current.replay.leads[i], candidate.replay.leads[i]) || breached(before, id) !== breached(after, id)) {
      changedAt.push(i);
    }
  }
  const changedLeads: ChangedLead[] = spread(changedAt, CHANGED_SAMPLE).map((i) => {
    const lead = leads[i];
    const a = current.replay.leads[i];
    const b = candidate.replay.leads[i];
    const reason = changeReason({
      lead,
      now,
      current: { policy: current.policy, replay: a },
      candidate: { policy: candidate.policy, replay: b },
      sla: kind === 'sla' ? slaVerdicts(lead.id, current, candidate) : null,
    });
    return {
      leadId: lead.id,
      name: lead.name,
      company: lead.company,
      current: outcomeOf(a, breached(before, lead.id)),
      candidate: outcomeOf(b, breached(after, lead.id)),
      reason: reason.text,
      reasonParts: reason.parts,
    };
  });
  const sa = current.summary;
  const sb = candidate.summary;
  const minus = (x: number | null, y: number | null) => (x === null || y === null ? null : y - x);
  const reps = new Set([...sa.load.map((l) => l.repId), ...sb.load.map((l) => l.repId)]);
  const count = (s: SideSummary, repId: string) => s.load.find((l) => l.repId === repId)?.handoffs ?? 0;
  return {
    leads: sb.leads - sa.leads,
    mqls: sb.mqls - sa.mqls,
    handoffs: sb.handoffs - sa.handoffs,
    dispatches: sb.dispatches - sa.dispatches,
    expectedSlaBreaches: minus(sa.expectedSlaBreaches, sb.expectedSlaBreaches),
    expectedSqls: minus(sa.expectedSqls, sb.expectedSqls),
    expectedWins: minus(sa.expectedWins, sb.expectedWins),
    maxDeviation: sb.fairness.maxDeviation - sa.fairness.maxDeviation,
    load: [...reps].sort().map((repId) => ({ repId, handoffs: count(sb, repId) - count(sa, repId) })),
    changed: changedAt.length,
    changedLeads,
  };
}

function slaVerdicts(leadId: string, current: Side, candidate: Side) {
  const find = (s: Side) => s.acceptance.verdicts.find((v) => v.handoff.leadId === leadId) ?? null;
  return { current: find(current), candidate: find(candidate) };
}

/** At most `n` of the items, spread evenly from first to last. */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * (items.length - 1)) / (n - 1))]);
}
