/**
 * Fit (SPEC §4.3): who the lead is — title seniority, company size, industry, region. Each
 * dimension gives at most one explanation line; a dimension worth 0 points gives none (it
 * explains nothing and changes no sum).
 *
 * Compiled once per rule set: the lines are built up front and shared (frozen) between scores,
 * and title, industry and region answers are remembered, so scoring a lead is a few map lookups.
 */
import { regionMatches as taxonomyRegionMatches } from '../normalise/region.js';
import { toHalfWidth } from '../normalise/width.js';
import { SENIORITY_LABEL, SENIORITY_LEVELS, type SeniorityLevel } from '../seniority/seniority-level.js';
import { titleSeniority } from '../seniority/title-seniority.js';
import { BoundedMemo } from './bounded-memo.js';
import type { ExplanationCode, ExplanationLine, ExplanationParams, FitRules, IndustryRule } from './scoring-rules.js';

/** The fields of a lead that fit looks at, in stored (normalised) form. */
export interface FitProfile {
  title: string | null;
  employees: number | null;
  industry: string | null;
  /** GB/T 2260 code from capture's region normalisation. */
  regionCode: string | null;
}

/** Is the lead's region the wanted one, or inside it? (normalise/region.ts by default) */
export type RegionMatcher = (regionCodeOfLead: string, wanted: string) => boolean;

/** Appends the fit lines to `out` and returns their sum. */
export type FitScorer = (lead: FitProfile, out: ExplanationLine[]) => number;

const line = (
  rule: string,
  points: number,
  code: ExplanationCode,
  params: ExplanationParams = {},
): ExplanationLine | null =>
  points === 0 ? null : Object.freeze({ rule, points, code, params: Object.freeze(params) });

function emit(out: ExplanationLine[], fired: ExplanationLine | null): number {
  if (fired === null) return 0;
  out.push(fired);
  return fired.points;
}

function bandLabel(min: number, nextMin: number | undefined): string {
  if (nextMin === undefined) return `≥${min}人`;
  if (min === 0) return `<${nextMin}人`;
  return `${min}–${nextMin - 1}人`;
}

const foldText = (text: string) => toHalfWidth(text).trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function industryPattern(rule: IndustryRule): RegExp {
  const terms = rule.match.map(foldText).filter((t) => t !== '');
  const alternatives = terms.map((t) =>
    /^[\x20-\x7e]+$/.test(t) ? `(?<![a-z0-9])${escapeRegExp(t)}(?![a-z0-9])` : escapeRegExp(t),
  );
  return alternatives.length === 0 ? /(?!)/ : new RegExp(alternatives.join('|'));
}

export function compileFitRules(rules: FitRules, regionMatches: RegionMatcher = taxonomyRegionMatches): FitScorer {
  const seniorityLines = new Map<SeniorityLevel, ExplanationLine | null>(
    SENIORITY_LEVELS.map((level) => [
      level,
      line(`职位级别: ${SENIORITY_LABEL[level]} (${level})`, rules.seniority[level], 'seniority', { level }),
    ]),
  );
  const levelOfTitle = new BoundedMemo((title) => titleSeniority(title).level);

  const bands = [...rules.employees.bands].sort((a, b) => b.min - a.min);
  const bandMins = bands.map((b) => b.min);
  const bandLines = bands.map((b, i) => {
    const nextMin = bands[i - 1]?.min;
    return line(`公司规模: ${bandLabel(b.min, nextMin)}`, b.points, 'employees', {
      min: b.min,
      max: nextMin === undefined ? null : nextMin - 1,
    });
  });
  const unknownSizeLine = line('公司规模: 未知', rules.employees.unknown, 'employees_unknown');

  const industryPatterns = rules.industries.map(industryPattern);
  const industryLines = rules.industries.map((r) =>
    line(`行业: ${r.industry}`, r.points, 'industry', { industry: r.industry }),
  );
  const industryOf = new BoundedMemo((industry) => {
    const text = foldText(industry);
    return industryPatterns.findIndex((p) => p.test(text));
  });

  const regionLines = rules.regions.map((r) =>
    line(`地区: ${r.label && r.label !== r.region ? `${r.label} (${r.region})` : r.region}`, r.points, 'region', {
      region: r.region,
      label: r.label ?? null,
    }),
  );
  const wantedRegions = rules.regions.map((r) => r.region);
  const regionOf = new BoundedMemo((code) => wantedRegions.findIndex((wanted) => regionMatches(code, wanted)));

  return (lead, out) => {
    let sum = emit(out, seniorityLines.get(lead.title ? levelOfTitle.get(lead.title) : 'unknown') ?? null);

    const employees = lead.employees;
    if (employees === null || !(employees >= 0)) {
      sum += emit(out, unknownSizeLine);
    } else {
      for (let i = 0; i < bandMins.length; i++) {
        if (employees >= bandMins[i]) {
          sum += emit(out, bandLines[i]);
          break;
        }
      }
    }

    if (lead.industry) {
      const i = industryOf.get(lead.industry);
      if (i >= 0) sum += emit(out, industryLines[i]);
    }

    if (lead.regionCode) {
      const i = regionOf.get(lead.regionCode);
      if (i >= 0) sum += emit(out, regionLines[i]);
    }
    return sum;
  };
}
