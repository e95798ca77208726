/** Kysely's view of the tables created by migrations/ (one set for PGlite and PostgreSQL). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;

export interface SourceRecord {
  channel: string | null;
  utm: UtmRecord;
  referrer: string | null;
  landingPage: string | null;
  at: string;
}
export interface UtmRecord {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  manager_id: string | null;
  created_at: Timestamp;
}
export interface UsersTable {
  id: string;
  name: string;
  email: string;
  role: string;
  team_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}
export interface ChannelsTable {
  id: string;
  name: string;
  name_zh: string;
  kind: 'free' | 'paid';
  default_path: 'direct_to_sales' | 'sdr_queue' | 'pool';
  built_in: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
}
export interface UtmInferenceRulesTable {
  id: string;
  position: number;
  referrer_host: string | null;
  landing_path_prefix: string | null;
  channel_id: string;
  utm_source: string | null;
  utm_medium: string | null;
  created_at: Timestamp;
}
export interface LeadsTable {
  id: string;
  external_id: string | null;
  status: string;
  owner_id: string | null;
  name: string | null;
  name_key: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  company_key: string | null;
  title: string | null;
  region: string | null;
  region_code: string | null;
  industry: string | null;
  employees: number | null;
  channel_id: string | null;
  original_source: Json<SourceRecord>;
  latest_source: Json<SourceRecord>;
  flags: Generated<string[]>;
  score: Generated<number>;
  grade: string | null;
  fields: Json<Record<string, unknown>>;
  history: Generated<boolean>;
  outcome: string | null;
  status_reason: string | null;
  owned_since: Timestamp | null;
  last_touch_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface LeadTouchesTable {
  id: string;
  lead_id: string;
  kind: 'capture' | 'merge' | 'import';
  channel_id: string | null;
  utm: Json<UtmRecord>;
  referrer: string | null;
  landing_page: string | null;
  payload: Json<Record<string, unknown>>;
  actor_id: string | null;
  import_id: string | null;
  occurred_at: Timestamp;
}
export interface LeadMergesTable {
  id: string;
  lead_id: string;
  touch_id: string;
  matched_on: string;
  filled: Json<Record<string, unknown>>;
  actor_id: string | null;
  created_at: Timestamp;
  reverted_at: Timestamp | null;
  reverted_by: string | null;
  split_lead_id: string | null;
}
export interface ActivitiesTable {
  id: string;
  lead_id: string;
  user_id: string | null;
  type: string;
  duration_sec: number | null;
  outcome: string | null;
  note: string | null;
  occurred_at: Timestamp;
}
export interface BehavioursTable {
  id: string;
  lead_id: string | null;
  visitor_id: string | null;
  type: string;
  url: string | null;
  meta: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
}
export interface ScoreLedgerTable {
  id: string;
  lead_id: string;
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
  explanation: Json<{ rule: string; points: number }[]>;
  cause: string;
  at: Timestamp;
}
export interface QualificationsTable {
  lead_id: string;
  framework: string;
  answers: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: Timestamp;
}
export interface ImportsTable {
  id: string;
  status: 'running' | 'completed' | 'failed';
  mode: 'live' | 'history';
  file_name: string | null;
  format: string | null;
  encoding: string | null;
  total_rows: Generated<number>;
  created: Generated<number>;
  merged: Generated<number>;
  failed: Generated<number>;
  errors: Json<{ rowNumber: number; field: string; message: string }[]>;
  detail: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json<object>;
  created_at: Timestamp;
}
export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  lead_id: string | null;
  from_state: Json<Record<string, unknown>> | null;
  to_state: Json<Record<string, unknown>> | null;
  reason: string | null;
  at: Timestamp;
}
export interface HandoffsTable {
  id: string;
  lead_id: string;
  sdr_id: string | null;
  rep_id: string | null;
  kind: 'assign' | 'sync' | 'dispatch';
  mode: 'auto' | 'manual' | 'direct';
  credit: number;
  status: 'pending' | 'accepted' | 'rejected' | 'returned' | 'recalled';
  due_at: Timestamp | null;
  explanation: Json<unknown[]>;
  package: Json<Record<string, unknown>>;
  request_reason: string | null;
  decision_reason: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  breached_at: Timestamp | null;
  created_at: Timestamp;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  channels: ChannelsTable;
  utm_inference_rules: UtmInferenceRulesTable;
  leads: LeadsTable;
  lead_touches: LeadTouchesTable;
  lead_merges: LeadMergesTable;
  activities: ActivitiesTable;
  behaviours: BehavioursTable;
  score_ledger: ScoreLedgerTable;
  qualifications: QualificationsTable;
  imports: ImportsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  handoffs: HandoffsTable;
}
