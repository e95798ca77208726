/**
 * The schema for the whole lead lifecycle of SPEC §6, laid down once so later features add
 * behaviour rather than tables: capture (leads, touches, merges), work (activities,
 * behaviours, qualification, scores), routing (reps, eligibility, accounts, rotation),
 * hand-off (handoffs, opportunities), time (timers, outbox) and the audit log.
 * Plain SQL that PostgreSQL 15 runs (PGlite is 18: nothing newer than 15 is used).
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE TABLE teams (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      manager_id text,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE users (
      id text PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('sdr','sdr_lead','sales','sales_manager','sales_ops','sales_assistant','marketing','admin')),
      team_id text REFERENCES teams(id),
      password_hash text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX users_email ON users (lower(email));
    ALTER TABLE teams ADD FOREIGN KEY (manager_id) REFERENCES users(id);

    CREATE TABLE api_tokens (
      id text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      label text,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    );
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );

    CREATE TABLE channels (
      id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{1,39}$'),
      name text NOT NULL,
      name_zh text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('free','paid')),
      default_path text NOT NULL CHECK (default_path IN ('direct_to_sales','sdr_queue','pool')),
      built_in boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    );
    -- "UTM default" rules: a lead without UTM gets a channel from its referrer host / landing path.
    CREATE TABLE utm_inference_rules (
      id text PRIMARY KEY,
      position integer NOT NULL,
      referrer_host text,
      landing_path_prefix text,
      channel_id text NOT NULL REFERENCES channels(id),
      utm_source text,
      utm_medium text,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE leads (
      id text PRIMARY KEY,
      external_id text UNIQUE,
      status text NOT NULL CHECK (status IN ('new','working','nurturing','mql','sql','opportunity','won','lost','disqualified')),
      owner_id text REFERENCES users(id),
      name text,
      name_key text,
      phone text,
      email text,
      company text,
      company_key text,
      title text,
      region text,
      region_code text,
      industry text,
      employees integer,
      channel_id text REFERENCES channels(id),
      original_source jsonb NOT NULL,
      latest_source jsonb NOT NULL,
      flags text[] NOT NULL DEFAULT '{}',
      score integer NOT NULL DEFAULT 0,
      grade text,
      fields jsonb NOT NULL DEFAULT '{}',
      history boolean NOT NULL DEFAULT false,
      outcome text,
      status_reason text,
      owned_since timestamptz,
      last_touch_at timestamptz,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX leads_phone ON leads (phone) WHERE phone IS NOT NULL;
    CREATE INDEX leads_email ON leads (email) WHERE email IS NOT NULL;
    CREATE INDEX leads_company_name ON leads (company_key, name_key) WHERE company_key IS NOT NULL;
    CREATE INDEX leads_list ON leads (history, created_at DESC, id DESC);
    CREATE INDEX leads_status ON leads (status, created_at DESC);
    CREATE INDEX leads_owner ON leads (owner_id, status);
    CREATE INDEX leads_channel ON leads (channel_id, created_at);

    -- Every arrival of a lead (first capture and each merged repeat) with its source.
    CREATE TABLE lead_touches (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      kind text NOT NULL CHECK (kind IN ('capture','merge','import')),
      channel_id text REFERENCES channels(id),
      utm jsonb NOT NULL DEFAULT '{}',
      referrer text,
      landing_page text,
      payload jsonb NOT NULL DEFAULT '{}',
      actor_id text REFERENCES users(id),
      import_id text,
      occurred_at timestamptz NOT NULL
    );
    CREATE INDEX lead_touches_lead ON lead_touches (lead_id, occurred_at);
    CREATE TABLE lead_merges (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      touch_id text NOT NULL REFERENCES lead_touches(id),
      matched_on text NOT NULL,
      filled jsonb NOT NULL DEFAULT '{}',
      actor_id text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      reverted_at timestamptz,
      reverted_by text REFERENCES users(id),
      split_lead_id text REFERENCES leads(id)
    );
    CREATE INDEX lead_merges_lead ON lead_merges (lead_id);

    CREATE TABLE activities (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      user_id text REFERENCES users(id),
      type text NOT NULL CHECK (type IN ('call','email','wechat','meeting','note')),
      duration_sec integer,
      outcome text,
      note text,
      occurred_at timestamptz NOT NULL
    );
    CREATE INDEX activities_lead ON activities (lead_id, occurred_at);
    CREATE INDEX activities_user ON activities (user_id, occurred_at);

    CREATE TABLE tracking_sites (
      id text PRIMARY KEY,
      name text NOT NULL,
      public_key text NOT NULL UNIQUE,
      allowed_origins text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL
    );
    CREATE TABLE behaviours (
      id text PRIMARY KEY,
      lead_id text REFERENCES leads(id),
      visitor_id text,
      type text NOT NULL,
      url text,
      meta jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL
    );
    CREATE INDEX behaviours_lead ON behaviours (lead_id, occurred_at);
    CREATE INDEX behaviours_visitor ON behaviours (visitor_id) WHERE visitor_id IS NOT NULL;

    -- Versioned settings (MQL and stage definitions, scoring rules, routing rules, SLA
    -- policies): a version takes effect from a date after its approvals; history is never rewritten.
    CREATE TABLE policy_versions (
      id text PRIMARY KEY,
      kind text NOT NULL,
      version integer NOT NULL,
      body jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('proposed','approved','rejected')),
      effective_from timestamptz,
      proposed_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      UNIQUE (kind, version)
    );
    CREATE TABLE policy_approvals (
      policy_version_id text NOT NULL REFERENCES policy_versions(id),
      user_id text NOT NULL REFERENCES users(id),
      role text NOT NULL,
      approved_at timestamptz NOT NULL,
      PRIMARY KEY (policy_version_id, user_id)
    );

    CREATE TABLE qualifications (
      lead_id text NOT NULL REFERENCES leads(id),
      framework text NOT NULL,
      answers jsonb NOT NULL,
      updated_by text REFERENCES users(id),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (lead_id, framework)
    );
    CREATE TABLE score_ledger (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      total integer NOT NULL,
      fit integer NOT NULL,
      engagement integer NOT NULL,
      qualification integer NOT NULL,
      grade text NOT NULL,
      explanation jsonb NOT NULL,
      cause text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX score_ledger_lead ON score_ledger (lead_id, at);

    CREATE TABLE rep_profiles (
      user_id text PRIMARY KEY REFERENCES users(id),
      regions text[] NOT NULL DEFAULT '{}',
      industries text[] NOT NULL DEFAULT '{}',
      level integer NOT NULL DEFAULT 1,
      weight numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
      capacity integer NOT NULL DEFAULT 50 CHECK (capacity >= 0),
      department text,
      consecutive_breaches integer NOT NULL DEFAULT 0,
      suspended_until timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE eligibility (
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
      rep_id text NOT NULL REFERENCES users(id),
      PRIMARY KEY (month, rep_id)
    );
    -- Weighted rotation state: how much each rep has received in a pool, locked FOR UPDATE
    -- when a rep is chosen so several processes stay exact.
    CREATE TABLE rotation_counters (
      pool_key text NOT NULL,
      rep_id text NOT NULL REFERENCES users(id),
      received numeric NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (pool_key, rep_id)
    );

    CREATE TABLE accounts (
      id text PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      alias_keys text[] NOT NULL DEFAULT '{}',
      credit_code text,
      owner_id text REFERENCES users(id),
      last_activity_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX accounts_name_key ON accounts (name_key);
    CREATE INDEX accounts_credit_code ON accounts (credit_code) WHERE credit_code IS NOT NULL;
    CREATE TABLE account_contacts (
      id text PRIMARY KEY,
      account_id text NOT NULL REFERENCES accounts(id),
      name text NOT NULL,
      title text
    );

    CREATE TABLE handoffs (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      sdr_id text REFERENCES users(id),
      rep_id text REFERENCES users(id),
      kind text NOT NULL CHECK (kind IN ('assign','sync','dispatch')),
      mode text NOT NULL CHECK (mode IN ('auto','manual','direct')),
      credit numeric NOT NULL DEFAULT 1,
      status text NOT NULL CHECK (status IN ('pending','accepted','rejected','returned','recalled')),
      due_at timestamptz,
      explanation jsonb NOT NULL DEFAULT '[]',
      package jsonb NOT NULL DEFAULT '{}',
      request_reason text,
      decision_reason text,
      decision_note text,
      decided_by text REFERENCES users(id),
      decided_at timestamptz,
      breached_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX handoffs_lead ON handoffs (lead_id, created_at);
    CREATE INDEX handoffs_rep ON handoffs (rep_id, status);
    CREATE UNIQUE INDEX handoffs_one_open ON handoffs (lead_id) WHERE status = 'pending';
    CREATE TABLE dispatch_comments (
      id text PRIMARY KEY,
      handoff_id text NOT NULL REFERENCES handoffs(id),
      user_id text NOT NULL REFERENCES users(id),
      body text NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE opportunities (
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      handoff_id text REFERENCES handoffs(id),
      amount numeric NOT NULL CHECK (amount >= 0),
      stage text NOT NULL CHECK (stage IN ('open','withdrawn','won','lost')),
      expected_close_at timestamptz,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      closed_at timestamptz
    );
    CREATE INDEX opportunities_lead ON opportunities (lead_id);

    -- Durable timers (SLA deadlines, reminders, recalls, decay) and the transactional outbox
    -- (notifications, webhooks, CRM sync): written with the state change, claimed by the
    -- sweeper with FOR UPDATE SKIP LOCKED, applied once.
    CREATE TABLE timers (
      id text PRIMARY KEY,
      kind text NOT NULL,
      subject_id text NOT NULL,
      due_at timestamptz NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      fired_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX timers_due ON timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
    CREATE TABLE outbox (
      id text PRIMARY KEY,
      event_type text NOT NULL,
      destination text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','delivered','failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';

    CREATE TABLE imports (
      id text PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('running','completed','failed')),
      mode text NOT NULL CHECK (mode IN ('live','history')),
      file_name text,
      format text,
      encoding text,
      total_rows integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      merged integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      detail text,
      created_by text REFERENCES users(id),
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );

    CREATE TABLE idempotency_keys (
      user_id text NOT NULL REFERENCES users(id),
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, key)
    );

    -- Append-only: who, when, from → to, why (SPEC §11). Updates and deletes are refused.
    CREATE TABLE audit_log (
      seq bigserial PRIMARY KEY,
      id text NOT NULL UNIQUE,
      actor_id text REFERENCES users(id),
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      lead_id text,
      from_state jsonb,
      to_state jsonb,
      reason text,
      at timestamptz NOT NULL
    );
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);
    CREATE INDEX audit_log_lead ON audit_log (lead_id, seq) WHERE lead_id IS NOT NULL;
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `,
  );
}

export async function down(): Promise<void> {
  throw new Error('the lifecycle schema is not reversible');
}
