/**
 * Sales responsiveness (SPEC §8.3, §6.2): how each rep (or sales team) answers the MQLs handed to
 * them — how many they accepted, rejected, returned later, lost to a recall or still hold
 * undecided; the acceptance rate; compliance with the acceptance SLA; the breaches; the median
 * and 90th-percentile wall-clock hours to a decision; the reject and return reasons.
 *
 * The counting itself runs in the database (store/repositories/responsiveness.ts); this module
 * turns the counts into figures and holds the rules the answer states.
 */
import { ratio, roundHours } from './funnel.js';

export const responsivenessDimensions = ['rep', 'team'] as const;
export type ResponsivenessDimension = (typeof responsivenessDimensions)[number];

export const responsivenessReasonKinds = ['reject', 'return'] as const;
export type ResponsivenessReasonKind = (typeof responsivenessReasonKinds)[number];

/** What the database counts for one rep, one team, or all of them (the totals row). */
export interface ResponsivenessCounts {
  received: number;
  /** Accepted by the rep, a later return included. */
  accepted: number;
  rejected: number;
  /** Accepted, then returned to the SDR. */
  returned: number;
  recalled: number;
  pending: number;
  /** Decided (accepted or rejected) by the deadline and never breached. */
  onTime: number;
  /** Decided, or whose deadline has passed (the hand-offs the SLA can be judged on). */
  slaDue: number;
  breaches: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ResponsivenessFigures extends ResponsivenessCounts {
  /** accepted / (accepted + rejected); null when nothing was decided. */
  acceptanceRate: number | null;
  /** onTime / slaDue; null when no hand-off can be judged yet. */
  slaCompliance: number | null;
}

export function responsivenessFigures(c: ResponsivenessCounts): ResponsivenessFigures {
  return {
    received: c.received,
    accepted: c.accepted,
    rejected: c.rejected,
    returned: c.returned,
    recalled: c.recalled,
    pending: c.pending,
    onTime: c.onTime,
    slaDue: c.slaDue,
    breaches: c.breaches,
    acceptanceRate: ratio(c.accepted, c.accepted + c.rejected),
    slaCompliance: ratio(c.onTime, c.slaDue),
    medianHours: roundHours(c.medianHours),
    p90Hours: roundHours(c.p90Hours),
  };
}

export const noResponsivenessCounts = (): ResponsivenessCounts => ({
  received: 0,
  accepted: 0,
  rejected: 0,
  returned: 0,
  recalled: 0,
  pending: 0,
  onTime: 0,
  slaDue: 0,
  breaches: 0,
  medianHours: null,
  p90Hours: null,
});

/** How each figure is computed: stated in every answer (§8.4: the report says which rules it applied). */
export const responsivenessRules = {
  received:
    'hand-offs that reached a rep in the period: created with a rep, or given one from the dispatch board (then counted from that moment)',
  accepted: 'accepted by the rep, a later return included',
  rejected: 'rejected by the rep',
  returned: 'accepted, then returned to the SDR (also counted in accepted)',
  recalled: 'taken back undecided after a breach and the grace period',
  pending: 'not decided yet',
  acceptanceRate: 'accepted / (accepted + rejected), 4 decimals; null when nothing was decided',
  slaCompliance:
    'decided (accepted or rejected) at or before the deadline and never breached / hand-offs decided or whose deadline has passed; 4 decimals; null when none',
  breaches: 'hand-offs whose acceptance deadline passed undecided (breach recorded)',
  hoursToDecision:
    'wall-clock hours from reaching the rep to the first decision (accept or reject); median and 90th percentile, interpolated (percentile_cont), 2 decimals',
  reasons: 'reject and return reasons of the hand-offs received in the period, with their labels',
  team: 'a rep belongs to the team they are in now',
  totals: 'every row together (hand-offs of reps outside any team included with by=team)',
} as const;
