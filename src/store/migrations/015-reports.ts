/**
 * Indexes of the funnel and SDR reports (SPEC §8.1, §8.3; repositories/reports.ts). The audit log
 * is the biggest table (every change of every lead); the funnel reads when a lead was disqualified
 * (leakage by event date) from it, so that kind of entry gets a small partial index instead of a
 * scan. (The acceptance date of a returned hand-off is one lookup by entity: audit_log_entity.)
 * Hand-offs are read by creation date, all SDRs' or one SDR's (the SDR report; an SDR reading
 * their own row). Leads by capture date (the capture cohort) use leads_list (history, created_at).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_lead_disqualified ON audit_log (lead_id, at)
      WHERE action = 'lead.disqualified' AND lead_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX handoffs_sdr_created ON handoffs (sdr_id, created_at) WHERE sdr_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX handoffs_created ON handoffs (created_at)`.execute(db);
}
