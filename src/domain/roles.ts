/** The roles of SPEC §1. */
export const roles = [
  'sdr',
  'sdr_lead',
  'sales',
  'sales_manager',
  'sales_ops',
  'sales_assistant',
  'marketing',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** Who is acting: resolved from a bearer token or a session. */
export interface Actor {
  id: string;
  role: Role;
  teamId: string | null;
  name: string;
}
