/**
 * Rule scoring as data (SPEC §4.3): what an admin edits, versioned like other policies.
 * Points are whole numbers so every explanation line is exact; only time decay produces
 * fractions, and it is rounded once (engagement.ts).
 */
import type { SeniorityLevel } from '../seniority/seniority-level.js';

/** What kind of rule an explanation line is, for clients that word it in their reader's language. */
export const EXPLANATION_CODES = [
  'seniority',
  'employees',
  'employees_unknown',
  'industry',
  'region',
  'behaviour',
  'behaviour_cap',
  'decay',
  'qualification',
] as const;
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

/** Text the server holds in both languages (a criterion's label, an answer). */
export interface BilingualText {
  readonly en: string;
  readonly zh: string;
}

/**
 * The values a line's code is worded with: seniority {level}; employees {min, max} (max null:
 * the top band); industry {industry}; region {region, label}; behaviour {type, count};
 * behaviour_cap {type, days, points}; decay {halfLifeDays}; qualification {framework, criterion,
 * label, answer} (label and answer in both languages).
 */
export type ExplanationParams = Readonly<Record<string, string | number | null | BilingualText>>;

/**
 * One line of a score's explanation: the rule that fired and the whole points it gave. `rule` is
 * the Chinese text API clients and stored scores rely on; `code` and `params` say the same as
 * data (absent on lines stored before they existed — show `rule` then).
 */
export interface ExplanationLine {
  readonly rule: string;
  readonly points: number;
  readonly code?: ExplanationCode;
  readonly params?: ExplanationParams;
}

/** Just the line's own fields (a qualification line also carries its criterion key). */
export const explanationLineOf = ({ rule, points, code, params }: ExplanationLine): ExplanationLine => ({
  rule,
  points,
  code,
  params,
});

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
