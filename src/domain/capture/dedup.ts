/**
 * De-duplication (SPEC §2): a new lead that matches an existing one — same external id, phone
 * or e-mail, or same normalised company + name — merges into it as a new touch instead of
 * becoming a second lead. The merge fills only fields the existing lead lacks.
 */
import type { LeadProfile, NormalisedLead } from './lead-input.js';

export type MatchedOn = 'externalId' | 'phone' | 'email' | 'company+name';

/** The part of a stored lead that matching and merging look at (stored rows may lack a name). */
export type MatchableLead = { id: string; externalId: string | null } & {
  [K in keyof LeadProfile]: LeadProfile[K] | null;
};

const fillable = [
  'externalId',
  'phone',
  'email',
  'company',
  'companyKey',
  'title',
  'region',
  'regionCode',
  'industry',
  'employees',
] as const;
export type FillableField = (typeof fillable)[number];
export type FilledFields = Partial<Pick<MatchableLead, FillableField>>;

function keysOf(
  lead: Pick<MatchableLead, 'externalId' | 'phone' | 'email' | 'companyKey' | 'nameKey'>,
): [MatchedOn, string][] {
  const keys: [MatchedOn, string][] = [];
  if (lead.externalId) keys.push(['externalId', lead.externalId]);
  if (lead.phone) keys.push(['phone', lead.phone]);
  if (lead.email) keys.push(['email', lead.email]);
  if (lead.companyKey && lead.nameKey) keys.push(['company+name', `${lead.companyKey}|${lead.nameKey}`]);
  return keys;
}

/** Keys to lock before matching, so two concurrent captures of one person cannot both create. */
export function dedupLockKeys(lead: NormalisedLead): string[] {
  return keysOf(lead).map(([on, key]) => `${on}:${key}`);
}

/** Leads seen so far (loaded from the store, or created earlier in the same batch). */
export class LeadIndex {
  readonly #byKey = new Map<string, MatchableLead>();

  add(lead: MatchableLead): void {
    for (const [on, key] of keysOf(lead)) {
      const k = `${on}:${key}`;
      if (!this.#byKey.has(k)) this.#byKey.set(k, lead);
    }
  }

  /** The first match in priority order: external id, phone, e-mail, company + name. */
  find(lead: NormalisedLead): { lead: MatchableLead; on: MatchedOn } | undefined {
    for (const [on, key] of keysOf(lead)) {
      const match = this.#byKey.get(`${on}:${key}`);
      if (match) return { lead: match, on };
    }
    return undefined;
  }
}

/** Fields the incoming lead can fill because the existing lead has none; what a person typed stays. */
export function fillEmptyFields(existing: MatchableLead, incoming: NormalisedLead): FilledFields {
  const filled: FilledFields = {};
  for (const field of fillable) {
    const value = incoming[field];
    if ((existing[field] === null || existing[field] === undefined) && value !== null && value !== undefined) {
      (filled as Record<string, unknown>)[field] = value;
    }
  }
  return filled;
}

export function matchableFrom(id: string, lead: NormalisedLead): MatchableLead {
  return {
    id,
    externalId: lead.externalId,
    name: lead.name,
    nameKey: lead.nameKey,
    phone: lead.phone,
    email: lead.email,
    company: lead.company,
    companyKey: lead.companyKey,
    title: lead.title,
    region: lead.region,
    regionCode: lead.regionCode,
    industry: lead.industry,
    employees: lead.employees,
  };
}

export type CaptureStep =
  | { kind: 'create'; id: string; lead: NormalisedLead }
  | { kind: 'merge'; id: string; lead: NormalisedLead; on: MatchedOn; filled: FilledFields };

/**
 * Decides, item by item, create or merge. Repeats inside one batch merge into the lead the
 * batch created earlier. `existing` are stored leads that share a key with some item.
 */
export function planCaptures(
  items: readonly NormalisedLead[],
  existing: readonly MatchableLead[],
  newId: () => string,
): CaptureStep[] {
  const index = new LeadIndex();
  for (const lead of existing) index.add(lead);
  return items.map((lead) => {
    const match = index.find(lead);
    if (!match) {
      const id = newId();
      index.add(matchableFrom(id, lead));
      return { kind: 'create', id, lead };
    }
    const filled = fillEmptyFields(match.lead, lead);
    Object.assign(match.lead, filled);
    index.add(match.lead); // newly filled phone/e-mail are keys for later items
    return { kind: 'merge', id: match.lead.id, lead, on: match.on, filled };
  });
}
