/**
 * The reads of what follows a capture inside its transaction (cleaning, stitching), each in one
 * round trip for the whole batch: capture runs them for every batch, a POST /leads of one lead
 * included, so each statement saved is saved per batch. The statements they stand for, one by
 * one, stay in cleaning.ts and tracking.ts for the other callers.
 */
import { sql, type Transaction } from 'kysely';
import type { IcpRule } from '../../domain/cleaning/icp-rules.js';
import type { Database } from '../schema.js';
import type { CleaningLeadRow } from './cleaning.js';

const anyText = (values: readonly string[]) => sql`any(${[...values]}::text[])`;

/**
 * Everything cleaning reads about a batch, in one statement: the leads (as loadLeadsForCleaning),
 * the ICP rules in order (as loadIcpRules), and which of `recheckIds` a person requalified (as
 * findRequalified).
 */
export async function loadCleaningBatch(
  trx: Transaction<Database>,
  ids: readonly string[],
  recheckIds: readonly string[],
): Promise<{ rows: CleaningLeadRow[]; rules: IcpRule[]; requalified: Set<string> }> {
  const { rows } = await sql<{ leads: CleaningLeadRow[]; rules: IcpRule[]; requalified: string[] }>`SELECT
      (SELECT coalesce(json_agg(l), '[]') FROM (
        SELECT id, status, status_reason, owner_id, name, phone, email, company, title, region, region_code,
               industry, employees, channel_id, fields, flags, history
          FROM leads WHERE id = ${anyText(ids)}) AS l) AS leads,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'description', description, 'condition', condition,
                'action', action, 'reason', reason, 'flag', flag, 'enabled', enabled) ORDER BY position), '[]')
         FROM icp_rules) AS rules,
      (SELECT coalesce(json_agg(DISTINCT lead_id), '[]') FROM audit_log
        WHERE ${recheckIds.length ? sql`lead_id = ${anyText(recheckIds)}` : sql`false`}
          AND action = 'lead.requalified') AS requalified`.execute(trx);
  const [row] = rows;
  return { rows: row.leads, rules: row.rules, requalified: new Set(row.requalified) };
}

/**
 * The captured leads stitching has work for (as findLeadEmails: e-mail, live, by creation),
 * only those whose e-mail a pending visitor or anonymous events carry. Usually none: one query.
 */
export async function findLeadsAwaitingStitch(
  trx: Transaction<Database>,
  leadIds: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (leadIds.length === 0) return [];
  const { rows } = await sql<{ id: string; email: string }>`SELECT l.id, l.email FROM leads l
      WHERE l.id = ${anyText(leadIds)} AND l.email IS NOT NULL AND l.history = false
        AND (EXISTS (SELECT 1 FROM tracking_visitors v WHERE v.lead_id IS NULL AND v.email = l.email)
          OR EXISTS (SELECT 1 FROM behaviours b WHERE b.lead_id IS NULL AND b.email = l.email))
      ORDER BY l.created_at, l.id`.execute(trx);
  return rows;
}
