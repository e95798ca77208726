/**
 * Applying company facts to a lead (SPEC §3): enrichment fills ONLY empty fields. What a
 * person typed stays, and so does what an earlier provider of the chain filled — the chain
 * folds provider answers in order over the lead as it is, so the first answer wins.
 *
 * Industry, employees and region are lead columns (a city goes through the region normaliser,
 * as capture does, so region and region_code agree); website, registered capital, funding
 * round and credit code go into lead.fields under those keys.
 */
import { normaliseRegion } from '../normalise/region.js';
import type { CompanyFacts } from './company-facts.js';
import { creditCodeFieldKeys, fieldText, websiteFieldKeys } from './credit-code.js';

/** The parts of a lead enrichment reads and may fill. */
export interface EnrichableLead {
  industry: string | null;
  employees: number | null;
  region: string | null;
  regionCode: string | null;
  fields: Record<string, unknown>;
}

/** The lead fields enrichment fills, as recorded in the fill history. */
export const filledFields = [
  'industry',
  'employees',
  'region',
  'website',
  'registeredCapital',
  'fundingRound',
  'creditCode',
  'employeeBand',
] as const;
export type FilledField = (typeof filledFields)[number];

export interface Fill {
  field: FilledField;
  value: string | number;
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && !value.trim());

// Fields-held facts, with the keys under which a lead may already carry them (an import keeps
// the header as written: a lead imported with a 统一社会信用代码 column has its code).
const fieldsFacts = [
  { field: 'website', keys: websiteFieldKeys },
  { field: 'registeredCapital', keys: ['registeredCapital', '注册资本'] },
  { field: 'fundingRound', keys: ['fundingRound', '融资轮次', '融资阶段'] },
  { field: 'creditCode', keys: creditCodeFieldKeys },
] as const;

/** Which fillable fields the lead still lacks: once none are left the chain can stop asking. */
export function emptyFields(lead: EnrichableLead): FilledField[] {
  const empty: FilledField[] = [];
  if (blank(lead.industry)) empty.push('industry');
  if (lead.employees === null) empty.push('employees');
  if (blank(lead.region)) empty.push('region');
  for (const { field, keys } of fieldsFacts) if (fieldText(lead.fields, keys) === null) empty.push(field);
  return empty;
}

/**
 * The fills one provider's facts make on the lead, and the lead after them. Facts for fields
 * the lead already has are ignored; the returned lead is the input of the next provider.
 */
export function planFills(lead: EnrichableLead, facts: CompanyFacts): { fills: Fill[]; lead: EnrichableLead } {
  const fills: Fill[] = [];
  const next: EnrichableLead = { ...lead, fields: { ...lead.fields } };
  const text = (value: string | undefined) => (value === undefined ? '' : value.replace(/\s+/g, ' ').trim());

  const industry = text(facts.industry);
  if (industry && blank(next.industry)) {
    next.industry = industry;
    fills.push({ field: 'industry', value: industry });
  }
  if (facts.employees !== undefined && Number.isInteger(facts.employees) && facts.employees >= 0) {
    if (next.employees === null) {
      next.employees = facts.employees;
      fills.push({ field: 'employees', value: facts.employees });
      const band = text(facts.employeeBand);
      if (band && blank(next.fields.employeeBand)) {
        next.fields.employeeBand = band;
        fills.push({ field: 'employeeBand', value: band });
      }
    }
  }
  const city = text(facts.city);
  if (city && blank(next.region)) {
    const region = normaliseRegion(city);
    next.region = region?.name ?? city;
    next.regionCode = region?.code ?? null;
    fills.push({ field: 'region', value: next.region });
  }
  for (const { field, keys } of fieldsFacts) {
    const value = text(facts[field]);
    if (value && fieldText(next.fields, keys) === null) {
      next.fields[field] = value;
      fills.push({ field, value });
    }
  }
  return { fills, lead: next };
}
