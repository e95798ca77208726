/**
 * What enrichment knows about a company (SPEC §3 first bullet) and the seam every provider
 * plugs into: given what we know of a lead's company, a provider answers the company's facts
 * or nothing. Providers are pluggable — the customer's own directory, a commercial
 * business-data API behind the generic HTTP JSON provider — and the chain asks them in order.
 */

/** What a lead tells us about its company; any part may be unknown. */
export interface CompanyQuery {
  /** The company name as the lead has it (display form). */
  company: string | null;
  /** Its match key (normalise/company.ts companyMatchKey): how directories are matched. */
  companyKey: string | null;
  website: string | null;
  /** Unified social credit code (统一社会信用代码), normalised, when the lead carries one. */
  creditCode: string | null;
}

/** Firmographics a provider may answer. Absent = the provider does not know. */
export interface CompanyFacts {
  industry?: string;
  website?: string;
  /** A city or province as the provider writes it; becomes the lead's region. */
  city?: string;
  /** Head count; a band ("100-499人") counts as its lower bound, see employeeBand. */
  employees?: number;
  /** The band as the provider wrote it, when it gave a band rather than a number. */
  employeeBand?: string;
  registeredCapital?: string;
  fundingRound?: string;
  creditCode?: string;
}

/** The facts a provider can be asked to map (the targets of an HTTP provider's fieldMap). */
export const factFields = [
  'industry',
  'website',
  'city',
  'employees',
  'registeredCapital',
  'fundingRound',
  'creditCode',
] as const;
export type FactField = (typeof factFields)[number];

export function isFactField(name: string): name is FactField {
  return (factFields as readonly string[]).includes(name);
}

/** One source of company facts. Implementations live in services (they do I/O). */
export interface EnrichmentProvider {
  readonly id: string;
  readonly kind: 'directory' | 'http_json';
  /** The chain abandons a lookup after this long; the signal is aborted then too. */
  readonly timeoutMs: number;
  /** Null when the provider has no such company. Throws when the provider itself failed. */
  lookup(query: CompanyQuery, signal: AbortSignal): Promise<CompanyFacts | null>;
}

/**
 * Thrown by a provider that has no answer and can say why (two directory companies share the
 * name): recorded as a no-match with the reason, not as a failure of the provider.
 */
export class NoMatch extends Error {}

/** True when the query names the company in some way a provider could look up. */
export function hasSomethingToLookUp(query: CompanyQuery): boolean {
  return Boolean(query.companyKey || query.creditCode || query.website);
}
