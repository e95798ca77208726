/** Nurture pool tables (migrations/013-pool.ts) and the columns 013 adds to leads. */
import type { ColumnType, Generated } from 'kysely';
import type { PoolFilters } from '../domain/pool/pool-filters.js';
import type { Json, Timestamp } from './schema.js';

type NullableText = ColumnType<string | null, string | null | undefined, string | null>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

declare module './schema.js' {
  interface LeadsTable {
    tags: Generated<string[]>;
    do_not_contact: Generated<boolean>;
    do_not_contact_reason: NullableText;
    do_not_contact_at: NullableTime;
    /** Why the lead last came back from the pool to the SDR queue ("score 65 ≥ 60", "behaviour demo_request"). */
    resurfaced_trigger: NullableText;
    resurfaced_at: NullableTime;
  }
}

export interface PoolClaimsTable {
  id: string;
  lead_id: string;
  user_id: string;
  kind: 'claim' | 'assign';
  actor_id: string | null;
  from_status: string;
  from_owner_id: string | null;
  at: Timestamp;
}

export interface PoolReleasesTable {
  id: string;
  lead_id: string;
  user_id: string;
  released_by: string | null;
  reason: string;
  at: Timestamp;
}

export interface PoolSegmentsTable {
  id: string;
  name: string;
  filters: Json<PoolFilters>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PoolTables {
  pool_claims: PoolClaimsTable;
  pool_releases: PoolReleasesTable;
  pool_segments: PoolSegmentsTable;
}
