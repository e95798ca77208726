/** What cleaning looks at on a lead: its contact and profile fields and custom attributes. */
export interface CleaningLead {
  name: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  region: string | null;
  regionCode: string | null;
  industry: string | null;
  employees: number | null;
  channel: string | null;
  fields: Record<string, unknown>;
}
