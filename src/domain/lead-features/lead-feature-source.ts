/** A lead as the predictive model sees it: its profile, and its touches up to a cut-off. */
export interface LeadFeatureSource {
  id: string;
  createdAt: Date;
  history: boolean;
  status: string;
  /** History leads: how far the lead got (sql, opportunity, won, lost, not_converted), null while open. */
  outcome: string | null;
  channel: string | null;
  utm: { source?: string | null; medium?: string | null; campaign?: string | null } | null;
  regionCode: string | null;
  industry: string | null;
  employees: number | null;
  title: string | null;
  fields: Record<string, unknown>;
  /** Live leads: when the lead reached the model's target stage, null when it has not. */
  reachedAt: Date | null;
  /** Touches and answers are counted before this moment. */
  cutoff: Date;
  behaviours: { type: string; count: number; last: Date }[];
  activities: { type: string; count: number; durationSec: number }[];
  answers: { framework: string; answers: Record<string, unknown> }[];
}
