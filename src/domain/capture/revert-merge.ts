/**
 * Reverting a merge (SPEC §2: merges are reversible by an admin): the arrival that was merged
 * becomes a lead of its own again, and the fields it filled on the surviving lead are cleared —
 * unless someone has changed them since, in which case what is there now stays.
 */

import { companyMatchKey } from '../normalise/company.js';
import { personNameKey } from '../normalise/person-name.js';
import type { FilledFields } from './dedup.js';
import type { NormalisedLead, Source } from './lead-input.js';

export type SplitLead = Omit<NormalisedLead, 'externalId'>;

const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The lead as the merged arrival described it (its touch keeps what it said). */
export function leadFromArrival(said: Record<string, unknown>, source: Source): SplitLead {
  const name = textOf(said.name) ?? '';
  const company = textOf(said.company);
  return {
    name,
    nameKey: personNameKey(name),
    phone: textOf(said.phone),
    email: textOf(said.email),
    company,
    companyKey: company ? companyMatchKey(company) || null : null,
    title: textOf(said.title),
    region: textOf(said.region),
    regionCode: textOf(said.regionCode),
    industry: textOf(said.industry),
    employees: typeof said.employees === 'number' ? said.employees : null,
    channel: source.channel ?? textOf(said.channel) ?? 'import',
    source,
    fields: typeof said.fields === 'object' && said.fields !== null ? (said.fields as Record<string, unknown>) : {},
  };
}

/** Fields of the surviving lead to clear: those the merge filled that still hold its value. */
export function fieldsToClear(
  filled: FilledFields,
  current: Partial<Record<keyof FilledFields, unknown>>,
): (keyof FilledFields)[] {
  return (Object.keys(filled) as (keyof FilledFields)[]).filter((field) => current[field] === filled[field]);
}
