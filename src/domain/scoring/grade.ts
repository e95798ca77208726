/**
 * The 4×4 grade (SPEC §4.3): a letter for fit (A best … D) and a digit for engagement (1 best
 * … 4), so "A1" is a senior buyer at a target company who is active now, "A4" the same buyer
 * gone quiet (an SDR's call list), "D1" a busy reader who will not buy.
 */
import type { GradeThresholds } from './scoring-rules.js';

export type FitGrade = 'A' | 'B' | 'C' | 'D';
export type EngagementGrade = 1 | 2 | 3 | 4;
export type Grade = `${FitGrade}${EngagementGrade}`;

const FIT_GRADES: readonly FitGrade[] = ['A', 'B', 'C', 'D'];
const ENGAGEMENT_GRADES: readonly EngagementGrade[] = [1, 2, 3, 4];

export function fitGrade(fit: number, thresholds: GradeThresholds['fit']): FitGrade {
  if (fit >= thresholds.A) return 'A';
  if (fit >= thresholds.B) return 'B';
  if (fit >= thresholds.C) return 'C';
  return 'D';
}

export function engagementGrade(engagement: number, thresholds: GradeThresholds['engagement']): EngagementGrade {
  if (engagement >= thresholds[1]) return 1;
  if (engagement >= thresholds[2]) return 2;
  if (engagement >= thresholds[3]) return 3;
  return 4;
}

/** Every grade in matrix order, fit first: A1, A2 … A4, B1 … D4. */
export const GRADES: readonly Grade[] = FIT_GRADES.flatMap((f) => ENGAGEMENT_GRADES.map((e): Grade => `${f}${e}`));

export function gradeOf(fit: number, engagement: number, thresholds: GradeThresholds): Grade {
  const f = FIT_GRADES.indexOf(fitGrade(fit, thresholds.fit));
  const e = engagementGrade(engagement, thresholds.engagement) - 1;
  return GRADES[f * 4 + e];
}
