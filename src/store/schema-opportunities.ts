/** Opportunities (migrations/001-lifecycle.ts, 014-opportunities.ts, 020-incentives-partner.ts). */
import type { ColumnType } from 'kysely';
import type { OpportunityStage } from '../domain/opportunities/opportunity-stage.js';
import type { Timestamp } from './schema.js';

export type { OpportunityStage };

export interface OpportunitiesTable {
  id: string;
  lead_id: string;
  /** The accepted hand-off it follows: the SDR who made it gets the credit (SPEC §8.3). */
  handoff_id: string | null;
  /** numeric; read as a JS number (store/db.ts), written as text so no precision is lost on the way. */
  amount: ColumnType<number, string | number, string | number>;
  currency: ColumnType<string, string | undefined, string>;
  name: string | null;
  /** The partner who introduced it (migration 020); its commission is split with the SDR (§8.3). */
  partner_name: ColumnType<string | null, string | null | undefined, string | null>;
  stage: OpportunityStage;
  expected_close_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  /** When it was withdrawn (the 14-day withdrawal window of §8.3 reads it). */
  withdrawn_at: Timestamp | null;
  /** The won or lost date. */
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** Why it was withdrawn or lost. */
  reason: string | null;
  updated_at: Timestamp;
}

export interface OpportunityTables {
  opportunities: OpportunitiesTable;
}
