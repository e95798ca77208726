/** A lead as a client submits it (POST /leads, bulk, import rows), before normalisation. */
export interface UtmInput {
  source?: string | null;
  medium?: string | null;
  campaign?: string | null;
  term?: string | null;
  content?: string | null;
}

export interface LeadInput {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  company?: string | null;
  title?: string | null;
  region?: string | null;
  industry?: string | null;
  employees?: number | null;
  channel?: string | null;
  utm?: UtmInput | null;
  referrer?: string | null;
  landingPage?: string | null;
  externalId?: string | null;
  fields?: Record<string, unknown> | null;
}

export interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
}

/** Where one arrival of a lead came from: kept as the original (first) and latest source. */
export interface Source {
  channel: string | null;
  utm: Utm;
  referrer: string | null;
  landingPage: string | null;
  at: string;
  /** Set when UTM was filled by a "UTM default" inference rule rather than sent. */
  inferredBy?: string;
}

/** Who the lead is and where they work, in stored form (with the match keys of dedup). */
export interface LeadProfile {
  name: string;
  nameKey: string;
  phone: string | null;
  email: string | null;
  company: string | null;
  companyKey: string | null;
  title: string | null;
  region: string | null;
  regionCode: string | null;
  industry: string | null;
  employees: number | null;
}

/** A lead after normalisation and validity checks: what capture stores or merges. */
export interface NormalisedLead extends LeadProfile {
  channel: string;
  source: Source;
  externalId: string | null;
  fields: Record<string, unknown>;
}
