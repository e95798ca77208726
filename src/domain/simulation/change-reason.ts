/**
 * Why a lead's fate differs between the two sides of a simulation, in the words the live
 * explanations already use: the score lines that differ (SPEC §4.3), the definition criteria
 * the failing side does not meet (§4.2), the routing rule or routing step that decided (§5),
 * and the acceptance deadline against the real decision time (§6.2).
 */
import { evaluateDefinition } from '../definitions/evaluate-definition.js';
import { routeLead } from '../routing/route-lead.js';
import type { ExplanationLine } from '../scoring/scoring-rules.js';
import type { HandoffVerdict } from './acceptance-replay.js';
import type { LeadReplay } from './replay-side.js';
import type { SimulationLead, SimulationPolicy } from './simulation-types.js';

const MAX_LINES = 4;
const HOUR_MS = 3_600_000;

export interface SideOfLead {
  policy: SimulationPolicy;
  replay: LeadReplay;
}

/** The explanations are computed again here, for the one lead, with the same pure functions. */
export function changeReason(input: {
  lead: SimulationLead;
  now: Date;
  current: SideOfLead;
  candidate: SideOfLead;
  sla: { current: HandoffVerdict | null; candidate: HandoffVerdict | null } | null;
}): string {
  const { lead, now, current, candidate, sla } = input;
  const a = current.replay;
  const b = candidate.replay;
  const parts: string[] = [];
  if (a.score.total !== b.score.total && lead.scoring) {
    const before = current.policy.scorer.score(lead.scoring, now).explanation;
    const after = candidate.policy.scorer.score(lead.scoring, now).explanation;
    parts.push(`score ${a.score.total} → ${b.score.total} (${lineChanges(before, after)})`);
  }
  if (a.mql !== b.mql) {
    const failing = a.mql ? candidate : current;
    const unmet = evaluateDefinition(failing.policy.mqlDefinition, {
      ...lead.facts,
      score: failing.replay.score.total,
    }).unmet;
    parts.push(
      `${a.mql ? 'no longer an MQL' : 'becomes an MQL'}: the ${a.mql ? 'candidate' : 'current'} definition is not met — ${unmet
        .map((u) => u.detail)
        .join('; ')}`,
    );
  }
  if (a.path !== b.path) {
    const route = routeLead(candidate.policy.routingRules, {
      ...lead.route,
      score: b.score.total,
      grade: b.score.grade,
    });
    parts.push(`path ${a.path} → ${b.path}: ${route.reason}`);
  }
  if (a.handoff && b.handoff && (a.handoff.repId !== b.handoff.repId || a.handoff.kind !== b.handoff.kind)) {
    parts.push(`rep: now ${a.handoff.decidedBy}; candidate ${b.handoff.decidedBy}`);
  }
  if (sla?.current && sla.candidate && sla.current.breached !== sla.candidate.breached) {
    const h = sla.current.handoff;
    const decided = h.decidedAt
      ? `decided ${hours(h.decidedAt.getTime() - h.createdAt.getTime())} h after hand-off`
      : 'still undecided';
    const verdict = (v: HandoffVerdict) =>
      `deadline ${v.deadline.toISOString()} (${hours(v.deadline.getTime() - h.createdAt.getTime())} h) → ${v.breached ? 'breach' : 'on time'}`;
    parts.push(`acceptance SLA: ${decided}; now ${verdict(sla.current)}; candidate ${verdict(sla.candidate)}`);
  }
  return parts.join('; ');
}

function lineChanges(current: readonly ExplanationLine[], candidate: readonly ExplanationLine[]): string {
  const key = (l: ExplanationLine) => `${l.rule}\u0000${l.points}`;
  const before = new Set(current.map(key));
  const after = new Set(candidate.map(key));
  const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
  const changes = [
    ...candidate.filter((l) => !before.has(key(l))).map((l) => `now ${l.rule} ${signed(l.points)}`),
    ...current.filter((l) => !after.has(key(l))).map((l) => `was ${l.rule} ${signed(l.points)}`),
  ];
  const shown = changes.slice(0, MAX_LINES).join(', ');
  return changes.length > MAX_LINES ? `${shown}, … ${changes.length - MAX_LINES} more` : shown;
}

const hours = (ms: number) => String(Number((ms / HOUR_MS).toFixed(1)));
