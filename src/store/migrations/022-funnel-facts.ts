/**
 * The funnel's facts per lead, kept current (SPEC §8.1; repositories/funnel-facts.ts). A report
 * over a million leads cannot join every lead to its hand-offs, opportunities and audit entries on
 * each read (seconds); it groups this narrow table instead (one row per live lead: capture date,
 * slice keys, validity, status, stage dates), a copy of it for the leads that reached a stage, its
 * side records (rejections, returns, losses, wins with their currency), and its counts per slice
 * and day.
 *
 * Every write path keeps it current without knowing of it: statement triggers on leads, hand-offs,
 * opportunities and qualification answers append the changed leads to funnel_dirty (one INSERT per
 * statement, whatever its rows), and the next report (or the due-work sweep) recomputes just those
 * leads. funnel_facts_basis holds the valid-lead definition spans the stored validity was judged by:
 * when they change, every lead is judged again. Existing leads are picked up by that too (no basis
 * yet), so this migration copies nothing.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE funnel_dirty (seq bigserial PRIMARY KEY, lead_id text NOT NULL)`.execute(db);
  // A lead's facts. Leads that reached a stage (16 % at a million) and the side records carry a
  // copy, so the medians and the leakage read those few rows instead of every lead.
  const facts = sql.raw(`lead_id text NOT NULL,
      captured_at timestamptz NOT NULL,
      channel_id text,
      campaign text,
      region_key text,
      region_label text,
      industry text,
      employees integer,
      owner_id text,
      sdr_key text,
      rep_key text,
      rep_ids text[] NOT NULL,
      valid boolean NOT NULL,
      status text NOT NULL,
      status_reason text,
      disqualified_at timestamptz,
      mql_at timestamptz,
      sql_at timestamptz,
      opp_at timestamptz,
      won_at timestamptz`);
  await sql`CREATE TABLE funnel_facts (${facts}, PRIMARY KEY (lead_id))`.execute(db);
  await sql`CREATE INDEX funnel_facts_captured ON funnel_facts (captured_at)`.execute(db);
  await sql`CREATE TABLE funnel_reached (${facts}, PRIMARY KEY (lead_id))`.execute(db);
  // A batch's facts as computed now, compared with those stored: most changes of a lead (a score,
  // a note) change none of its facts, and those leads leave the rollups alone. Used under the
  // refresh lock only, emptied by each batch.
  await sql`CREATE TABLE funnel_fresh (${facts}, PRIMARY KEY (lead_id))`.execute(db);
  await sql`CREATE TABLE funnel_side (${facts}, kind text NOT NULL, reason text, at timestamptz, amount numeric)`.execute(
    db,
  );
  await sql`CREATE INDEX funnel_side_lead ON funnel_side (lead_id)`.execute(db);
  // The facts counted per slice and UTC day: what a report over whole days sums instead of counting
  // every lead ('' stands for no value). By the day of capture: captured, valid and those that
  // went on to each stage; by the day a stage was reached: mql, sql, opportunity, won. The
  // disqualified leads per reason, by the day of capture and by the day of disqualification.
  await sql`CREATE TABLE funnel_rollup (
      dimension text NOT NULL,
      day date NOT NULL,
      key text NOT NULL,
      label text NOT NULL,
      captured bigint NOT NULL,
      valid bigint NOT NULL,
      captured_mql bigint NOT NULL,
      captured_sql bigint NOT NULL,
      captured_opportunity bigint NOT NULL,
      captured_won bigint NOT NULL,
      mql bigint NOT NULL,
      sql bigint NOT NULL,
      opportunity bigint NOT NULL,
      won bigint NOT NULL,
      PRIMARY KEY (dimension, day, key, label)
    )`.execute(db);
  await sql`CREATE TABLE funnel_rollup_disqualified (
      dimension text NOT NULL,
      day date NOT NULL,
      key text NOT NULL,
      reason text NOT NULL,
      captured bigint NOT NULL,
      disqualified bigint NOT NULL,
      PRIMARY KEY (dimension, day, key, reason)
    )`.execute(db);
  await sql`CREATE TABLE funnel_facts_basis (id integer PRIMARY KEY CHECK (id = 1), valid_lead text NOT NULL)`.execute(
    db,
  );

  await sql`CREATE FUNCTION funnel_mark_leads() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO funnel_dirty (lead_id) SELECT id FROM changed;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE FUNCTION funnel_mark_lead_records() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO funnel_dirty (lead_id) SELECT DISTINCT lead_id FROM changed;
      RETURN NULL;
    END $$`.execute(db);
  // A record moved to another lead (a merge) changes both leads.
  await sql`CREATE FUNCTION funnel_mark_moved_lead_records() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO funnel_dirty (lead_id) SELECT lead_id FROM changed UNION SELECT lead_id FROM before;
      RETURN NULL;
    END $$`.execute(db);
  // A trigger with a transition table has one event: three per table.
  for (const table of ['leads', 'handoffs', 'opportunities', 'qualifications']) {
    const records = table !== 'leads';
    const triggers = [
      ['insert', 'NEW TABLE AS changed', records ? 'funnel_mark_lead_records' : 'funnel_mark_leads'],
      [
        'update',
        records ? 'OLD TABLE AS before NEW TABLE AS changed' : 'NEW TABLE AS changed',
        records ? 'funnel_mark_moved_lead_records' : 'funnel_mark_leads',
      ],
      ['delete', 'OLD TABLE AS changed', records ? 'funnel_mark_lead_records' : 'funnel_mark_leads'],
    ];
    for (const [event, rows, fn] of triggers) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_funnel_${event}`)} AFTER ${sql.raw(event.toUpperCase())}
        ON ${sql.raw(table)} REFERENCING ${sql.raw(rows)} FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(fn)}()`.execute(
        db,
      );
    }
  }
}
