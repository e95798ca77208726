/** Opportunities (migrations/001-lifecycle.ts, 014-opportunities.ts). */
import type { Timestamp } from './schema.js';

export interface OpportunitiesTable {
  id: string;
  lead_id: string;
  handoff_id: string | null;
  amount: string;
  stage: 'open' | 'withdrawn' | 'won' | 'lost';
  expected_close_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface OpportunityTables {
  opportunities: OpportunitiesTable;
}
