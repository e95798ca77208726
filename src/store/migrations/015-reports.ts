/**
 * Indexes of the funnel and SDR reports (SPEC §8.1, §8.3; repositories/reports.ts). The audit log
 * is the biggest table (every change of every lead); the reports read two kinds of entry from
 * it, so each gets a small partial index instead of a scan: when a lead was first accepted by
 * sales (SQL), when it was disqualified (leakage by event date). Hand-offs are read by creation
 * date, all SDRs' or one SDR's (the SDR report; an SDR reading their own row).
 * Leads by capture date (the capture cohort) use leads_list (history, created_at) of 001.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_lead_accepted ON audit_log (lead_id, at)
      WHERE action = 'handoff.accepted' AND lead_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX audit_log_lead_disqualified ON audit_log (lead_id, at)
      WHERE action = 'lead.disqualified' AND lead_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX handoffs_sdr_created ON handoffs (sdr_id, created_at) WHERE sdr_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX handoffs_created ON handoffs (created_at)`.execute(db);
}
