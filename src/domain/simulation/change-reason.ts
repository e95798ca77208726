/**
 * Why a lead's fate differs between the two sides of a simulation, in the words the live
 * explanations already use: the score lines that differ (SPEC §4.3), the definition criteria
 * the failing side does not meet (§4.2), the routing rule or routing step that decided (§5),
 * and the acceptance deadline against the real decision time (§6.2).
 */
import type { ExplanationLine } from '../scoring/scoring-rules.js';
import type { HandoffVerdict } from './acceptance-replay.js';
import type { LeadReplay } from './replay-side.js';

const MAX_LINES = 4;
const HOUR_MS = 3_600_000;

export function changeReason(input: {
  current: LeadReplay;
  candidate: LeadReplay;
  sla: { current: HandoffVerdict | null; candidate: HandoffVerdict | null } | null;
}): string {
  const { current, candidate, sla } = input;
  const parts: string[] = [];
  if (current.score.total !== candidate.score.total) {
    parts.push(`score ${current.score.total} → ${candidate.score.total} (${lineChanges(current, candidate)})`);
  }
  if (current.mql !== candidate.mql) {
    const failing = current.mql ? candidate : current;
    parts.push(
      `${current.mql ? 'no longer an MQL' : 'becomes an MQL'}: the ${current.mql ? 'candidate' : 'current'} definition is not met — ${failing.unmet
        .map((u) => u.detail)
        .join('; ')}`,
    );
  }
  if (current.route.path !== candidate.route.path) {
    parts.push(`path ${current.route.path} → ${candidate.route.path}: ${candidate.route.reason}`);
  }
  if (
    current.mql &&
    candidate.mql &&
    (current.handoff?.repId !== candidate.handoff?.repId || current.handoff?.kind !== candidate.handoff?.kind)
  ) {
    parts.push(`rep: now ${decidingStep(current)}; candidate ${decidingStep(candidate)}`);
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

function lineChanges(current: LeadReplay, candidate: LeadReplay): string {
  const key = (l: ExplanationLine) => `${l.rule}\u0000${l.points}`;
  const before = new Set(current.score.explanation.map(key));
  const after = new Set(candidate.score.explanation.map(key));
  const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
  const changes = [
    ...candidate.score.explanation.filter((l) => !before.has(key(l))).map((l) => `now ${l.rule} ${signed(l.points)}`),
    ...current.score.explanation.filter((l) => !after.has(key(l))).map((l) => `was ${l.rule} ${signed(l.points)}`),
  ];
  const shown = changes.slice(0, MAX_LINES).join(', ');
  return changes.length > MAX_LINES ? `${shown}, … ${changes.length - MAX_LINES} more` : shown;
}

/** The routing step that decided: the pick, the account rule, or the dispatch with its reasons. */
function decidingStep(l: LeadReplay): string {
  const steps = l.handoff?.explanation ?? [];
  const decisive = steps.find((s) => s.outcome === 'picked' || s.outcome === 'dispatch') ?? steps[steps.length - 1];
  return decisive?.message ?? 'no routing step';
}

const hours = (ms: number) => String(Number((ms / HOUR_MS).toFixed(1)));
