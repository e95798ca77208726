/**
 * Enrichment (SPEC §3): the company directory the customer loads (rows plus one match key per
 * name and alias, so a lookup is an index probe), the provider chain as data, and the history
 * of what each provider filled on which lead and of every attempt (failures included).
 * Plain SQL that PostgreSQL 15 runs.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE TABLE enrichment_directory (
      id text PRIMARY KEY,
      position integer NOT NULL,
      name text NOT NULL,
      name_key text NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      alias_keys text[] NOT NULL DEFAULT '{}',
      credit_code text,
      industry text,
      employees integer,
      employee_band text,
      registered_capital text,
      city text,
      website text,
      funding_round text
    );
    CREATE INDEX enrichment_directory_credit_code ON enrichment_directory (credit_code) WHERE credit_code IS NOT NULL;
    CREATE INDEX enrichment_directory_position ON enrichment_directory (position);
    -- One row per name key and alias key of a company: a lead's company key finds its company here.
    CREATE TABLE enrichment_directory_keys (
      key text NOT NULL,
      company_id text NOT NULL REFERENCES enrichment_directory(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('name','alias')),
      PRIMARY KEY (key, company_id)
    );
    CREATE INDEX enrichment_directory_keys_company ON enrichment_directory_keys (company_id);

    CREATE TABLE enrichment_providers (
      id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]{1,39}$'),
      kind text NOT NULL CHECK (kind IN ('directory','http_json')),
      enabled boolean NOT NULL DEFAULT true,
      position integer NOT NULL,
      timeout_ms integer NOT NULL CHECK (timeout_ms > 0),
      settings jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    INSERT INTO enrichment_providers (id, kind, enabled, position, timeout_ms, settings, created_at, updated_at)
      VALUES ('directory', 'directory', true, 0, 2000, '{}', now(), now());

    -- Which provider filled what (SPEC §3 "records which provider filled what").
    CREATE TABLE enrichment_fills (
      seq bigserial NOT NULL,
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      provider_id text NOT NULL,
      field text NOT NULL,
      value jsonb NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX enrichment_fills_lead ON enrichment_fills (lead_id, seq);
    -- Every time a provider was asked about a lead, and how it went.
    CREATE TABLE enrichment_attempts (
      seq bigserial NOT NULL,
      id text PRIMARY KEY,
      lead_id text NOT NULL REFERENCES leads(id),
      provider_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('filled','matched','no_match','failed','skipped')),
      error text,
      duration_ms integer,
      at timestamptz NOT NULL
    );
    CREATE INDEX enrichment_attempts_lead ON enrichment_attempts (lead_id, seq);
  `,
  );
}
