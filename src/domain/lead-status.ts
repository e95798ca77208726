/** The lifecycle states of a lead (SPEC §6.1, §10.1). */
export const leadStatuses = [
  'new',
  'working',
  'nurturing',
  'mql',
  'sql',
  'opportunity',
  'won',
  'lost',
  'disqualified',
] as const;
export type LeadStatus = (typeof leadStatuses)[number];
