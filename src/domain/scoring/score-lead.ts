/**
 * A lead's rule score (SPEC §4.3): fit + engagement + qualification, a 4×4 grade, and an
 * explanation whose lines add up exactly to the total.
 *
 * Rounding: every line is a whole number and every sub-total is the sum of its lines. Fit and
 * behaviour points are whole by rule (validate-rules.ts); decay is rounded once, in its own
 * line (engagement.ts); qualification lines computed elsewhere are rounded one by one here.
 *
 * For bulk scoring compile the rules once (`compileScoringRules`) and call `score` per lead;
 * `scoreLead` compiles on every call and suits one-off scores.
 */
import { type Behaviour, compileEngagementRules } from './engagement.js';
import { compileFitRules, type FitProfile, type RegionMatcher } from './fit.js';
import { type Grade, gradeOf } from './grade.js';
import type { ExplanationLine, ScoringRules } from './scoring-rules.js';

export interface ScoringInput {
  lead: FitProfile;
  behaviours: readonly Behaviour[];
  /** Lines from the qualification framework answers (SPEC §4.1), computed by their own module. */
  qualificationLines: readonly ExplanationLine[];
}

export interface LeadScore {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: Grade;
  /** Fit lines, then engagement (behaviours, caps, decay), then qualification. */
  explanation: ExplanationLine[];
}

export interface LeadScorer {
  score(input: ScoringInput, now: Date): LeadScore;
}

export interface ScoringOptions {
  /** Defaults to the province/city taxonomy of normalise/region.ts. */
  regionMatches?: RegionMatcher;
}

/** Rules must be valid (validateScoringRules); they are read once, so later edits need a recompile. */
export function compileScoringRules(rules: ScoringRules, options: ScoringOptions = {}): LeadScorer {
  const fitOf = compileFitRules(rules.fit, options.regionMatches);
  const engagementOf = compileEngagementRules(rules.engagement);
  const grades = structuredClone(rules.grades);

  return {
    score(input, now) {
      const explanation: ExplanationLine[] = [];
      const fit = fitOf(input.lead, explanation);
      const engagement = engagementOf(input.behaviours, now.getTime(), explanation);
      let qualification = 0;
      for (const given of input.qualificationLines) {
        const points = Math.round(given.points);
        explanation.push(points === given.points ? given : { ...given, points });
        qualification += points;
      }
      return {
        total: fit + engagement + qualification,
        fit,
        engagement,
        qualification,
        grade: gradeOf(fit, engagement, grades),
        explanation,
      };
    },
  };
}

export function scoreLead(input: ScoringInput, rules: ScoringRules, now: Date, options?: ScoringOptions): LeadScore {
  return compileScoringRules(rules, options).score(input, now);
}
