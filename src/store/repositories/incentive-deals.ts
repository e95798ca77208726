/**
 * The deals the annual revenue share reads (SPEC §8.3): opportunities won in a period on live
 * leads, with the hand-off each follows (its SDR, credit and acceptance) and the lead's original
 * channel. The amount comes as the database's decimal text, so no precision is lost.
 */
import { sql } from 'kysely';
import type { Queryable } from '../db.js';
import { acceptedAt } from './reports.js';

export interface WonDealRow {
  opportunityId: string;
  leadId: string;
  name: string | null;
  amount: string;
  currency: string;
  wonAt: Date;
  createdAt: Date;
  partnerName: string | null;
  sdrId: string;
  handoffCredit: number;
  acceptedAt: Date | null;
  channel: string | null;
}

export async function wonDealsOfSdrs(
  db: Queryable,
  period: { from: Date; until: Date },
  onlySdr?: string,
): Promise<WonDealRow[]> {
  const result = await sql<{
    id: string;
    lead_id: string;
    name: string | null;
    amount: string;
    currency: string;
    closed_at: Date | string;
    created_at: Date | string;
    partner_name: string | null;
    sdr_id: string;
    credit: number | string;
    channel_id: string | null;
    accepted_at: Date | string | null;
  }>`SELECT o.id, o.lead_id, o.name, o.amount::text AS amount, o.currency, o.closed_at, o.created_at,
      o.partner_name, h.sdr_id, h.credit, l.channel_id, ${acceptedAt(sql`h`)} AS accepted_at
    FROM opportunities o
    JOIN handoffs h ON h.id = o.handoff_id
    JOIN leads l ON l.id = o.lead_id
    WHERE o.stage = 'won' AND h.sdr_id IS NOT NULL AND l.history = false
      AND o.closed_at >= ${period.from} AND o.closed_at < ${period.until}
      ${onlySdr ? sql`AND h.sdr_id = ${onlySdr}` : sql``}`.execute(db);
  return result.rows.map((r) => ({
    opportunityId: r.id,
    leadId: r.lead_id,
    name: r.name,
    amount: r.amount,
    currency: r.currency,
    wonAt: new Date(r.closed_at),
    createdAt: new Date(r.created_at),
    partnerName: r.partner_name,
    sdrId: r.sdr_id,
    handoffCredit: Number(r.credit),
    acceptedAt: r.accepted_at === null ? null : new Date(r.accepted_at),
    channel: r.channel_id,
  }));
}
