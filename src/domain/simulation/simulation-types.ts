/**
 * Policy simulation (SPEC §8.6) as data: what a replay reads — the period's real leads as they
 * stand, the two policies side by side, the roster and the real hand-offs — and what it
 * answers. Everything is a plain value so the replay runs in memory through the same pure
 * functions that score, gate, route and time live leads, and writes nothing.
 */
import type { BusinessCalendars } from '../calendar/business-calendar.js';
import type { DefinitionBody } from '../definitions/definition-body.js';
import type { LeadFacts } from '../definitions/lead-facts.js';
import type { RouteFacts, RoutingPath, RoutingRule } from '../routing/routing-rules.js';
import type { AccountMatch, RepCandidate, RoutingLead, RoutingPolicy } from '../routing/routing-types.js';
import type { LeadScorer, ScoringInput } from '../scoring/score-lead.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { ChangeReasonPart } from './change-reason.js';

export const simulationKinds = ['scoring', 'definition', 'routing', 'sla'] as const;
export type SimulationKind = (typeof simulationKinds)[number];

/** One real lead of the period, as the live functions read it (its score is recomputed per side). */
export interface SimulationLead {
  id: string;
  name: string | null;
  company: string | null;
  createdAt: Date;
  /** What scoring reads; loaded only when the scoring rules differ between the sides. */
  scoring: ScoringInput | null;
  /**
   * The score stored on the lead, which the live MQL gate and routing read (null total: never
   * scored). Sides with the same scoring rules use it as live does; scoring candidates recompute.
   */
  stored: { total: number | null; grade: string | null };
  facts: Omit<LeadFacts, 'score'>;
  route: Omit<RouteFacts, 'score' | 'grade'>;
  routing: Omit<RoutingLead, 'score' | 'grade'>;
  account: AccountMatch | null;
}

/** Everything that decides a lead's fate on one side of the comparison. */
export interface SimulationPolicy {
  scorer: LeadScorer;
  mqlDefinition: DefinitionBody;
  routingRules: readonly RoutingRule[];
  routingPolicy: RoutingPolicy;
  sla: SlaPolicy;
}

/** A hand-off that really happened to a lead of the period (SPEC §6.1), for the SLA replay. */
export interface RealHandoff {
  id: string;
  leadId: string;
  repId: string | null;
  createdAt: Date;
  /** When the rep accepted or rejected it; null while undecided. */
  decidedAt: Date | null;
}

/**
 * The active predictive model's probabilities (SPEC §4.3) of the leads that are MQLs on either
 * side, and what they are probabilities of: reaching SQL, or a win.
 */
export interface Expectation {
  target: 'sql' | 'won';
  probabilities: ReadonlyMap<string, number>;
}

export interface SimulationEnv {
  /** The period [from, to). */
  from: Date;
  to: Date;
  /** The moment scores are computed at and undecided hand-offs are judged at. */
  now: Date;
  /** The roster (with eligibility) of the month of an instant; loads are replayed, not read. */
  rosterAt: (at: Date) => readonly RepCandidate[];
  calendars: BusinessCalendars;
  handoffs: readonly RealHandoff[];
}

export interface RepLoad {
  repId: string;
  handoffs: number;
  /** Of all hand-offs to a rep on this side. */
  share: number;
  /** The rep's weight over the weights of every rep eligible in the period. */
  weightShare: number;
  perDay: number;
  /** The most hand-offs the rep got on one day (Asia/Shanghai). */
  peakDay: number;
}

export interface Fairness {
  /** The largest |share − weightShare| over eligible reps. */
  maxDeviation: number;
  /** Jain's index of hand-offs per unit of weight: 1 = exactly proportional; null without hand-offs. */
  index: number | null;
}

export type SlaBasis = 'replayed_handoffs' | 'estimated_from_load';

export interface SideSummary {
  leads: number;
  mqls: number;
  paths: Record<RoutingPath, number>;
  /** MQL hand-offs that reached a rep (assign or sync). */
  handoffs: number;
  syncs: number;
  dispatches: number;
  handoffsPerDay: number;
  load: RepLoad[];
  fairness: Fairness;
  expectedSlaBreaches: number | null;
  /** How expectedSlaBreaches was obtained; null when it could not be (no real hand-offs). */
  slaBasis: SlaBasis | null;
  /** Reps a replay of the penalty rule would suspend (sla kind only; null otherwise). */
  suspensions: number | null;
  /** Null until withExpectations adds them, and while no predictive model answers them. */
  expectedSqls: number | null;
  expectedWins: number | null;
}

/** One lead's fate on a side. */
export interface LeadOutcome {
  score: number | null;
  grade: string | null;
  mql: boolean;
  path: RoutingPath;
  /** The rep an MQL goes to (null: dispatch, or not an MQL). */
  repId: string | null;
  handoffKind: 'assign' | 'sync' | 'dispatch' | null;
  /** Sla kind: whether the lead's real hand-off breaches the acceptance SLA; null otherwise. */
  slaBreached: boolean | null;
}

export interface ChangedLead {
  leadId: string;
  name: string | null;
  company: string | null;
  current: LeadOutcome;
  candidate: LeadOutcome;
  /** Why, in English (the parts joined). */
  reason: string;
  /** The same, part by part as codes with their values, for a reader's own language. */
  reasonParts: ChangeReasonPart[];
}

export interface SimulationDiff {
  leads: number;
  mqls: number;
  handoffs: number;
  dispatches: number;
  expectedSlaBreaches: number | null;
  expectedSqls: number | null;
  expectedWins: number | null;
  maxDeviation: number;
  load: { repId: string; handoffs: number }[];
  /** Leads whose outcome differs, of which `changedLeads` is an evenly spread sample. */
  changed: number;
  changedLeads: ChangedLead[];
}

export interface SimulationResult {
  current: SideSummary;
  candidate: SideSummary;
  diff: SimulationDiff;
  /** Each side's MQLs, by lead id: the leads whose probabilities the expectations need. */
  mqlIds: { current: readonly string[]; candidate: readonly string[] };
}
