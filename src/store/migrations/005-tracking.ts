/**
 * Behaviour tracking (SPEC §2): tracking sites get their own rate limits; behaviours record
 * where they came from (site or token caller) and the identity e-mail they carried, so an
 * event whose e-mail matched no lead yet is stitched when that lead is captured. Visitors who
 * identified are remembered: bound to a lead (later anonymous events go straight to it) or,
 * while no lead has their e-mail, pending on that e-mail.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    ALTER TABLE tracking_sites ADD COLUMN rate_per_minute integer CHECK (rate_per_minute > 0);
    ALTER TABLE tracking_sites ADD COLUMN visitor_rate_per_minute integer CHECK (visitor_rate_per_minute > 0);
    ALTER TABLE tracking_sites ADD COLUMN created_by text REFERENCES users(id);

    ALTER TABLE behaviours ADD COLUMN email text;
    ALTER TABLE behaviours ADD COLUMN site_id text REFERENCES tracking_sites(id);
    ALTER TABLE behaviours ADD COLUMN actor_id text REFERENCES users(id);
    ALTER TABLE behaviours ADD COLUMN received_at timestamptz;
    -- GET /leads/{id}/behaviours pages newest first.
    CREATE INDEX behaviours_lead_page ON behaviours (lead_id, occurred_at DESC, id DESC) WHERE lead_id IS NOT NULL;
    -- Events that carried an e-mail no lead had yet, waiting for that lead's capture.
    CREATE INDEX behaviours_pending_email ON behaviours (email) WHERE lead_id IS NULL AND email IS NOT NULL;

    CREATE TABLE tracking_visitors (
      visitor_id text PRIMARY KEY,
      lead_id text REFERENCES leads(id),
      email text,
      identified_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX tracking_visitors_pending ON tracking_visitors (email) WHERE lead_id IS NULL AND email IS NOT NULL;
  `,
  );
}
