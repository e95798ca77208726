/**
 * Why a lead's fate differs between the two sides of a simulation, in the words the live
 * explanations already use: the score lines that differ (SPEC §4.3), the definition criteria
 * the failing side does not meet (§4.2), the routing rule or routing step that decided (§5),
 * and the acceptance deadline against the real decision time (§6.2).
 *
 * Each part comes twice: as a code with its values, which the console words in the reader's
 * language, and in the English text API clients have always read.
 */
import { evaluateDefinition, type UnmetCriterion } from '../definitions/evaluate-definition.js';
import { routeLead } from '../routing/route-lead.js';
import type { RoutingPath } from '../routing/routing-rules.js';
import type { RoutingStep } from '../routing/routing-types.js';
import { type ExplanationLine, explanationLineOf } from '../scoring/scoring-rules.js';
import type { HandoffVerdict } from './acceptance-replay.js';
import type { LeadReplay } from './replay-side.js';
import type { SimulationLead, SimulationPolicy } from './simulation-types.js';

const MAX_LINES = 4;
const HOUR_MS = 3_600_000;

export interface SideOfLead {
  policy: SimulationPolicy;
  replay: LeadReplay;
}

/** A score line one side has and the other has not: `now` only the candidate's, `was` only the current's. */
export interface ScoreLineChange extends ExplanationLine {
  change: 'now' | 'was';
}

/** How a side hands the lead over, and the routing step that decided it (null: no step ran). */
export interface HandoffBrief {
  kind: 'assign' | 'sync' | 'dispatch';
  repId: string | null;
  step: RoutingStep['step'] | null;
}

export interface SlaVerdictBrief {
  /** ISO-8601. */
  deadline: string;
  /** Business-calendar deadline as hours after the hand-off, to one decimal. */
  hours: number;
  breached: boolean;
}

export type ChangeReasonPart =
  | {
      code: 'score';
      current: number | null;
      candidate: number | null;
      /** At most four lines; `moreLines` counts the rest. */
      lines: ScoreLineChange[];
      moreLines: number;
    }
  | {
      /** `becomes`: an MQL only on the candidate side; otherwise only on the current one. */
      code: 'mql';
      becomes: boolean;
      /** The side whose definition the lead does not meet, and what it misses. */
      failing: 'current' | 'candidate';
      unmet: UnmetCriterion[];
    }
  | {
      code: 'path';
      current: RoutingPath;
      candidate: RoutingPath;
      /** The candidate's deciding rule; null when none matched (the SDR queue by default). */
      rule: { index: number; id: string; description: string } | null;
    }
  | { code: 'rep'; current: HandoffBrief; candidate: HandoffBrief }
  | {
      code: 'sla';
      /** Hours from hand-off to the rep's real decision, to one decimal; null while undecided. */
      decidedAfterHours: number | null;
      current: SlaVerdictBrief;
      candidate: SlaVerdictBrief;
    };

export interface ChangeReason {
  /** English, the parts joined by "; ". */
  text: string;
  parts: ChangeReasonPart[];
}

/** The explanations are computed again here, for the one lead, with the same pure functions. */
export function changeReason(input: {
  lead: SimulationLead;
  now: Date;
  current: SideOfLead;
  candidate: SideOfLead;
  sla: { current: HandoffVerdict | null; candidate: HandoffVerdict | null } | null;
}): ChangeReason {
  const { lead, now, current, candidate, sla } = input;
  const a = current.replay;
  const b = candidate.replay;
  const texts: string[] = [];
  const parts: ChangeReasonPart[] = [];
  if (a.score.total !== b.score.total && lead.scoring) {
    const before = current.policy.scorer.score(lead.scoring, now).explanation;
    const after = candidate.policy.scorer.score(lead.scoring, now).explanation;
    const changes = lineChanges(before, after);
    const lines = changes.slice(0, MAX_LINES);
    const moreLines = changes.length - lines.length;
    const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
    const shown = lines.map((l) => `${l.change} ${l.rule} ${signed(l.points)}`).join(', ');
    texts.push(`score ${a.score.total} → ${b.score.total} (${moreLines ? `${shown}, … ${moreLines} more` : shown})`);
    parts.push({ code: 'score', current: a.score.total, candidate: b.score.total, lines, moreLines });
  }
  if (a.mql !== b.mql) {
    const failing = a.mql ? 'candidate' : 'current';
    const side = a.mql ? candidate : current;
    const unmet = evaluateDefinition(side.policy.mqlDefinition, {
      ...lead.facts,
      score: side.replay.score.total,
    }).unmet;
    texts.push(
      `${a.mql ? 'no longer an MQL' : 'becomes an MQL'}: the ${failing} definition is not met — ${unmet
        .map((u) => u.detail)
        .join('; ')}`,
    );
    parts.push({ code: 'mql', becomes: !a.mql, failing, unmet });
  }
  if (a.path !== b.path) {
    const route = routeLead(candidate.policy.routingRules, {
      ...lead.route,
      score: b.score.total,
      grade: b.score.grade,
    });
    texts.push(`path ${a.path} → ${b.path}: ${route.reason}`);
    const i = route.ruleIndex;
    const rule =
      i === null
        ? null
        : {
            index: i,
            id: candidate.policy.routingRules[i].id,
            description: candidate.policy.routingRules[i].description,
          };
    parts.push({ code: 'path', current: a.path, candidate: b.path, rule });
  }
  if (a.handoff && b.handoff && (a.handoff.repId !== b.handoff.repId || a.handoff.kind !== b.handoff.kind)) {
    const message = (s: RoutingStep | null) => s?.message ?? 'no routing step';
    texts.push(`rep: now ${message(a.handoff.decidedBy)}; candidate ${message(b.handoff.decidedBy)}`);
    const brief = (h: NonNullable<LeadReplay['handoff']>): HandoffBrief => ({
      kind: h.kind,
      repId: h.repId,
      step: h.decidedBy?.step ?? null,
    });
    parts.push({ code: 'rep', current: brief(a.handoff), candidate: brief(b.handoff) });
  }
  if (sla?.current && sla.candidate && sla.current.breached !== sla.candidate.breached) {
    const h = sla.current.handoff;
    const after = (at: Date) => hours(at.getTime() - h.createdAt.getTime());
    const decidedAfterHours = h.decidedAt ? after(h.decidedAt) : null;
    const verdict = (v: HandoffVerdict): SlaVerdictBrief => ({
      deadline: v.deadline.toISOString(),
      hours: after(v.deadline),
      breached: v.breached,
    });
    const said = (v: SlaVerdictBrief) => `deadline ${v.deadline} (${v.hours} h) → ${v.breached ? 'breach' : 'on time'}`;
    const part = { decidedAfterHours, current: verdict(sla.current), candidate: verdict(sla.candidate) };
    const decided =
      part.decidedAfterHours === null ? 'still undecided' : `decided ${part.decidedAfterHours} h after hand-off`;
    texts.push(`acceptance SLA: ${decided}; now ${said(part.current)}; candidate ${said(part.candidate)}`);
    parts.push({ code: 'sla', ...part });
  }
  return { text: texts.join('; '), parts };
}

const changed = (change: ScoreLineChange['change'], line: ExplanationLine): ScoreLineChange => ({
  change,
  ...explanationLineOf(line),
});

function lineChanges(current: readonly ExplanationLine[], candidate: readonly ExplanationLine[]): ScoreLineChange[] {
  const key = (l: ExplanationLine) => `${l.rule}\u0000${l.points}`;
  const before = new Set(current.map(key));
  const after = new Set(candidate.map(key));
  return [
    ...candidate.filter((l) => !before.has(key(l))).map((l) => changed('now', l)),
    ...current.filter((l) => !after.has(key(l))).map((l) => changed('was', l)),
  ];
}

const hours = (ms: number) => Number((ms / HOUR_MS).toFixed(1));
