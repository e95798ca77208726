/**
 * Rule scoring as data (SPEC §4.3): what an admin edits, versioned like other policies.
 * Points are whole numbers so every explanation line is exact; only time decay produces
 * fractions, and it is rounded once (engagement.ts).
 */
import type { SeniorityLevel } from '../seniority/seniority-level.js';

/** One line of a score's explanation: the rule that fired and the whole points it gave. */
export interface ExplanationLine {
  readonly rule: string;
  readonly points: number;
}

/** Companies with at least `min` employees (and fewer than the next band's min). */
export interface EmployeeBand {
  min: number;
  points: number;
}

/**
 * A target (or unwanted, with negative points) industry. The lead's free-text industry matches
 * when it contains one of `match` (Latin words only as whole words, so "IT" is not in "hospitality").
 */
export interface IndustryRule {
  industry: string;
  match: string[];
  points: number;
}

/** A region by GB/T 2260 code or name; a lead in a city matches a rule for its province. */
export interface RegionRule {
  region: string;
  /** Shown in explanations: "地区: 上海 (31)". */
  label?: string;
  points: number;
}

/** At most `points` of a behaviour type count per `days` (see engagement.ts for the windows). */
export interface BehaviourCap {
  points: number;
  days: number;
}

export interface BehaviourRule {
  /** Shown in explanations: "行为: 申请演示 (demo_request) ×1". */
  label?: string;
  points: number;
  cap?: BehaviourCap | null;
}

export interface FitRules {
  seniority: Record<SeniorityLevel, number>;
  employees: { bands: EmployeeBand[]; unknown: number };
  /** First match wins. */
  industries: IndustryRule[];
  /** First match wins, so list a city before its province. */
  regions: RegionRule[];
}

export interface EngagementRules {
  /** An event of age t counts points × 0.5^(t / halfLife); null = no decay. */
  halfLifeDays: number | null;
  /** By behaviour type (page_view, demo_request …); types not listed score nothing. */
  behaviours: Record<string, BehaviourRule>;
}

/** Minimum sub-totals: fit ≥ A → "A" … below C → "D"; engagement ≥ 1 → "1" … below 3 → "4". */
export interface GradeThresholds {
  fit: { A: number; B: number; C: number };
  engagement: { 1: number; 2: number; 3: number };
}

export interface ScoringRules {
  fit: FitRules;
  engagement: EngagementRules;
  grades: GradeThresholds;
}
