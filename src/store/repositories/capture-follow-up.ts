/**
 * The reads of what follows a capture inside its transaction (cleaning, stitching), in one round
 * trip for the whole batch: capture runs them for every batch, a POST /leads of one lead
 * included, so each statement saved is saved per batch. The statements they stand for, one by
 * one, stay in cleaning.ts and tracking.ts for the other callers.
 */
import { sql, type Transaction } from 'kysely';
import type { IcpRule } from '../../domain/cleaning/icp-rules.js';
import type { Database } from '../schema.js';
import type { CleaningLeadRow } from './cleaning.js';

const anyText = (values: readonly string[]) => sql`any(${[...values]}::text[])`;

/** A captured lead whose e-mail a pending visitor or anonymous events carry: stitching has work for it. */
export interface AwaitingStitch {
  id: string;
  email: string;
}

/**
 * Everything cleaning reads about a batch, in one statement: the leads (as loadLeadsForCleaning),
 * the ICP rules in order (as loadIcpRules), and which of `recheckIds` a person requalified (as
 * findRequalified). With `awaitingStitch` (capture: the batch's leads), in the same statement,
 * those stitching has work for (as findLeadEmails: e-mail, live, by creation), only those whose
 * e-mail a pending visitor or anonymous events carry — usually none.
 */
export async function loadCleaningBatch(
  trx: Transaction<Database>,
  ids: readonly string[],
  recheckIds: readonly string[],
  options: { awaitingStitch?: readonly string[] } = {},
): Promise<{ rows: CleaningLeadRow[]; rules: IcpRule[]; requalified: Set<string>; awaitingStitch: AwaitingStitch[] }> {
  const awaitingStitch = options.awaitingStitch
    ? sql`(SELECT coalesce(json_agg(json_build_object('id', l.id, 'email', l.email) ORDER BY l.created_at, l.id), '[]')
          FROM leads l
         WHERE l.id = ${anyText(options.awaitingStitch)} AND l.email IS NOT NULL AND l.history = false
           AND (EXISTS (SELECT 1 FROM tracking_visitors v WHERE v.lead_id IS NULL AND v.email = l.email)
             OR EXISTS (SELECT 1 FROM behaviours b WHERE b.lead_id IS NULL AND b.email = l.email)))`
    : sql`'[]'::json`;
  const { rows } = await sql<{
    leads: CleaningLeadRow[];
    rules: IcpRule[];
    requalified: string[];
    awaiting_stitch: AwaitingStitch[];
  }>`SELECT
      (SELECT coalesce(json_agg(l), '[]') FROM (
        SELECT id, status, status_reason, owner_id, name, phone, email, company, title, region, region_code,
               industry, employees, channel_id, fields, flags, history
          FROM leads WHERE id = ${anyText(ids)}) AS l) AS leads,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'description', description, 'condition', condition,
                'action', action, 'reason', reason, 'flag', flag, 'enabled', enabled) ORDER BY position), '[]')
         FROM icp_rules) AS rules,
      (SELECT coalesce(json_agg(DISTINCT lead_id), '[]') FROM audit_log
        WHERE ${recheckIds.length ? sql`lead_id = ${anyText(recheckIds)}` : sql`false`}
          AND action = 'lead.requalified') AS requalified,
      ${awaitingStitch} AS awaiting_stitch`.execute(trx);
  const [row] = rows;
  return {
    rows: row.leads,
    rules: row.rules,
    requalified: new Set(row.requalified),
    awaitingStitch: row.awaiting_stitch,
  };
}
