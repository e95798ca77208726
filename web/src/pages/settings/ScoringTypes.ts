/** The shapes of GET/PUT /scoring/rules and POST /scoring/preview (SPEC §4.3). */
import type { Role } from '../../api';

export const seniorityLevels = ['c_level', 'vp', 'director', 'manager', 'staff', 'intern', 'unknown'] as const;
export type SeniorityLevel = (typeof seniorityLevels)[number];

export interface ScoringRules {
  fit: {
    seniority: Record<SeniorityLevel, number>;
    employees: { bands: { min: number; points: number }[]; unknown: number };
    industries: { industry: string; match: string[]; points: number }[];
    regions: { region: string; label?: string; points: number }[];
  };
  engagement: {
    halfLifeDays: number | null;
    behaviours: Record<string, { label?: string; points: number; cap?: { points: number; days: number } | null }>;
  };
  grades: { fit: { A: number; B: number; C: number }; engagement: { 1: number; 2: number; 3: number } };
}

export interface RulesView {
  version: number;
  rules: ScoringRules;
  savedAt: string | null;
  savedBy: string | null;
}

export interface PreviewScore {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
}

export interface PreviewItem {
  leadId: string;
  name: string | null;
  company: string | null;
  title: string | null;
  createdAt: string;
  current: PreviewScore;
  candidate: PreviewScore;
  difference: number;
  gradeChanged: boolean;
}

export interface ScoringPreview {
  rulesVersion: number;
  at: string;
  changed: number;
  items: PreviewItem[];
}

/** Who may change the rules (and so preview them): the policy's scoring.manage. */
export const scoringManagers: readonly Role[] = ['admin', 'marketing', 'sales_ops'];

export const scoringRulesKey = ['scoring-rules'] as const;
