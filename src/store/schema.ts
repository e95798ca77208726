/** Kysely's view of the tables created by migrations/ (one set for PGlite and PostgreSQL). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

import type { ModelTables } from './schema-models.js';
import type { NotificationTables } from './schema-notifications.js';
import type { OpportunityTables } from './schema-opportunities.js';
import type { PoolTables } from './schema-pool.js';
import type { SessionTables } from './schema-sessions.js';
import type { SlaTables } from './schema-sla.js';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T extends object | null> = JSONColumnType<T, string, string>;

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
  score_fit: Generated<number>;
  score_engagement: Generated<number>;
  score_qualification: Generated<number>;
  scored_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  score_rules_version: Generated<number>;
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
  email: string | null;
  site_id: string | null;
  actor_id: string | null;
  received_at: Timestamp | null;
}
export interface TrackingSitesTable {
  id: string;
  name: string;
  public_key: string;
  allowed_origins: string[];
  created_at: Timestamp;
  rate_per_minute: number | null;
  visitor_rate_per_minute: number | null;
  created_by: string | null;
}
/** A visitor who identified: bound to a lead, or pending on an e-mail no lead has yet. */
export interface TrackingVisitorsTable {
  visitor_id: string;
  lead_id: string | null;
  email: string | null;
  identified_at: Timestamp;
  updated_at: Timestamp;
}
/** Versioned settings (definitions, scoring rules, routing rules …): history is never rewritten. */
export interface PolicyVersionsTable {
  id: string;
  kind: string;
  version: number;
  body: Json<object>;
  status: 'proposed' | 'approved' | 'rejected';
  effective_from: Timestamp | null;
  proposed_by: string | null;
  created_at: Timestamp;
  /** Added by 004-definitions: the date asked for, the agreement, a note, a rejection. */
  proposer_role: string | null;
  requested_effective_from: Timestamp | null;
  approved_at: Timestamp | null;
  note: string | null;
  rejected_by: string | null;
  rejected_at: Timestamp | null;
  rejection_reason: string | null;
  /** When "took effect" was written to the audit log (definitions). */
  took_effect_recorded_at: Timestamp | null;
}
export interface QualificationFrameworksTable {
  /** BANT, CHAMP or MEDDIC for an edited built-in template; any other id for a custom framework. */
  id: string;
  definition: Json<object>;
  built_in: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}
export interface PolicyApprovalsTable {
  policy_version_id: string;
  user_id: string;
  role: string;
  approved_at: Timestamp;
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
  seq: Generated<number>;
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
  errors: Json<{ rowNumber: number; field: string; message: string; messageZh?: string }[]>;
  /** History imports: the inferred type of each custom column (migration 018). */
  field_types: Json<Record<string, string>> | null;
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
  /** Added by 011-sla: the reminder sent, the first-contact deadline missed, the recall after a breach. */
  reminded_at: Timestamp | null;
  first_contact_breached_at: Timestamp | null;
  recalled_at: Timestamp | null;
  created_at: Timestamp;
  first_contact_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DispatchCommentsTable {
  id: string;
  handoff_id: string;
  user_id: string;
  body: string;
  created_at: Timestamp;
}
/** Durable timers (SLA deadlines, reminders, recalls): written with the state change they guard. */
export interface TimersTable {
  id: string;
  kind: string;
  subject_id: string;
  due_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  fired_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  created_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

/** A sales rep's routing profile (SPEC §5.2); regions are GB/T 2260 codes. */
export interface RepProfilesTable {
  user_id: string;
  regions: string[];
  industries: string[];
  level: number;
  weight: number;
  capacity: number;
  department: string | null;
  consecutive_breaches: Generated<number>;
  suspended_until: Timestamp | null;
  updated_at: Timestamp;
}
/** A rep's open undecided MQLs, kept by a trigger on handoffs (migration 023-rep-load). */
export interface RepLoadsTable {
  rep_id: string;
  open_mqls: number;
}
/** One row: the roster's version, bumped by triggers on any change routing reads (migration 023-rep-load). */
export interface RosterVersionTable {
  id: boolean;
  version: number;
}
/** The monthly eligibility list (yyyy-mm, Asia/Shanghai calendar). */
export interface EligibilityTable {
  month: string;
  rep_id: string;
}
/** Weighted rotation: what each rep has received in a pool and when they were last picked. */
export interface RotationCountersTable {
  pool_key: string;
  rep_id: string;
  received: number;
  last_pick: number | null;
  updated_at: Timestamp;
}
/** One row per rotation pool, locked FOR UPDATE while a rep is chosen from it. */
export interface RotationPoolsTable {
  pool_key: string;
  last_department: string | null;
  seq: Generated<number>;
  updated_at: Timestamp | null;
}
/** CRM accounts for matching leads to an existing owner (SPEC §5.2). */
export interface AccountsTable {
  id: string;
  name: string;
  name_key: string;
  aliases: string[];
  alias_keys: string[];
  credit_code: string | null;
  owner_id: string | null;
  last_activity_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface AccountContactsTable {
  id: string;
  account_id: string;
  name: string;
  title: string | null;
  position: number;
}

export interface EnrichmentDirectoryTable {
  id: string;
  position: number;
  name: string;
  name_key: string;
  aliases: string[];
  alias_keys: string[];
  credit_code: string | null;
  industry: string | null;
  employees: number | null;
  employee_band: string | null;
  registered_capital: string | null;
  city: string | null;
  website: string | null;
  funding_round: string | null;
}
export interface EnrichmentDirectoryKeysTable {
  key: string;
  company_id: string;
  kind: 'name' | 'alias';
}
export interface EnrichmentProvidersTable {
  id: string;
  kind: 'directory' | 'http_json';
  enabled: boolean;
  position: number;
  timeout_ms: number;
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface EnrichmentFillsTable {
  seq: Generated<number>;
  id: string;
  lead_id: string;
  provider_id: string;
  field: string;
  /** jsonb holding the text or number filled. */
  value: ColumnType<string | number, string, string>;
  at: Timestamp;
}
export interface EnrichmentAttemptsTable {
  seq: Generated<number>;
  id: string;
  lead_id: string;
  provider_id: string;
  status: 'filled' | 'matched' | 'no_match' | 'failed' | 'skipped';
  error: string | null;
  duration_ms: number | null;
  at: Timestamp;
}

/** Reason taxonomies by kind (disqualify; reject, return, release in issue 5). */
export interface ReasonsTable {
  kind: string;
  code: string;
  label_zh: string;
  label_en: string;
  active: boolean;
  position: number;
  used: Generated<boolean>;
  updated_at: Timestamp;
}
/** ICP rules (SPEC §3): a condition over lead fields → disqualify or flag. */
export interface IcpRulesTable {
  id: string;
  position: number;
  description: string;
  condition: Json<object>;
  action: 'disqualify' | 'flag';
  reason: string;
  flag: string;
  enabled: boolean;
  updated_at: Timestamp;
}

/** Issue 5's tables live beside this file, one file per slice (schema-*.ts). */
export interface Database
  extends SlaTables,
    NotificationTables,
    PoolTables,
    OpportunityTables,
    SessionTables,
    ModelTables {
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
  tracking_sites: TrackingSitesTable;
  tracking_visitors: TrackingVisitorsTable;
  score_ledger: ScoreLedgerTable;
  policy_versions: PolicyVersionsTable;
  policy_approvals: PolicyApprovalsTable;
  qualification_frameworks: QualificationFrameworksTable;
  qualifications: QualificationsTable;
  imports: ImportsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  reasons: ReasonsTable;
  icp_rules: IcpRulesTable;
  handoffs: HandoffsTable;
  rep_profiles: RepProfilesTable;
  rep_loads: RepLoadsTable;
  roster_version: RosterVersionTable;
  eligibility: EligibilityTable;
  rotation_counters: RotationCountersTable;
  rotation_pools: RotationPoolsTable;
  accounts: AccountsTable;
  account_contacts: AccountContactsTable;
  dispatch_comments: DispatchCommentsTable;
  timers: TimersTable;
  enrichment_directory: EnrichmentDirectoryTable;
  enrichment_directory_keys: EnrichmentDirectoryKeysTable;
  enrichment_providers: EnrichmentProvidersTable;
  enrichment_fills: EnrichmentFillsTable;
  enrichment_attempts: EnrichmentAttemptsTable;
}
