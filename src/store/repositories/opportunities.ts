/** Opportunities (SPEC §6.1) and the accepted hand-off each one follows. */
import type { Selectable, Transaction } from 'kysely';
import type { ClosingAction } from '../../domain/opportunities/opportunity-rules.js';
import { stageAfter } from '../../domain/opportunities/opportunity-rules.js';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import type { OpportunitiesTable } from '../schema-opportunities.js';

export type OpportunityRow = Selectable<OpportunitiesTable>;

/** An opportunity with the hand-off it credits: who handed the lead off, who accepted it, when. */
export type OpportunityWithHandoff = OpportunityRow & {
  sdr_id: string | null;
  rep_id: string | null;
  accepted_at: Date | null;
};

const withHandoff = (db: Queryable) =>
  db
    .selectFrom('opportunities')
    .leftJoin('handoffs', 'handoffs.id', 'opportunities.handoff_id')
    .selectAll('opportunities')
    .select(['handoffs.sdr_id', 'handoffs.rep_id', 'handoffs.decided_at as accepted_at']);

export async function findOpportunity(db: Queryable, id: string): Promise<OpportunityWithHandoff | undefined> {
  return withHandoff(db).where('opportunities.id', '=', id).executeTakeFirst();
}

/** Locks the opportunity row for a stage change. */
export async function lockOpportunity(trx: Transaction<Database>, id: string): Promise<OpportunityRow | undefined> {
  return trx.selectFrom('opportunities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A lead's opportunities, newest first. */
export async function listLeadOpportunities(db: Queryable, leadId: string): Promise<OpportunityWithHandoff[]> {
  return withHandoff(db)
    .where('opportunities.lead_id', '=', leadId)
    .orderBy('opportunities.created_at', 'desc')
    .orderBy('opportunities.id', 'desc')
    .execute();
}

export async function findOpenOpportunityId(db: Queryable, leadId: string): Promise<string | null> {
  const row = await db
    .selectFrom('opportunities')
    .select('id')
    .where('lead_id', '=', leadId)
    .where('stage', '=', 'open')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The hand-off the lead's rep accepted and still holds (the latest accepted one): the opportunity
 * is linked to it so the SDR who made it is credited (SPEC §8.3, §8.4).
 */
export async function findAcceptedHandoff(db: Queryable, leadId: string) {
  return db
    .selectFrom('handoffs')
    .select(['id', 'sdr_id', 'rep_id', 'decided_at'])
    .where('lead_id', '=', leadId)
    .where('status', '=', 'accepted')
    .orderBy('decided_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface NewOpportunity {
  id: string;
  leadId: string;
  handoffId: string;
  amount: number;
  currency: string;
  name: string | null;
  partnerName: string | null;
  expectedCloseAt: Date | null;
  createdBy: string;
  at: Date;
}

export async function insertOpportunity(trx: Transaction<Database>, o: NewOpportunity): Promise<void> {
  await trx
    .insertInto('opportunities')
    .values({
      id: o.id,
      lead_id: o.leadId,
      handoff_id: o.handoffId,
      amount: o.amount,
      currency: o.currency,
      name: o.name,
      partner_name: o.partnerName,
      stage: 'open',
      expected_close_at: o.expectedCloseAt,
      created_by: o.createdBy,
      created_at: o.at,
      withdrawn_at: null,
      closed_at: null,
      closed_by: null,
      reason: null,
      updated_at: o.at,
    })
    .execute();
}

export async function closeOpportunity(
  trx: Transaction<Database>,
  id: string,
  change: { action: ClosingAction; reason: string | null; amount: number | null; closedAt: Date; by: string; at: Date },
): Promise<void> {
  const withdrawn = change.action === 'withdraw';
  await trx
    .updateTable('opportunities')
    .set({
      stage: stageAfter[change.action],
      reason: change.reason,
      ...(change.amount !== null ? { amount: change.amount } : {}),
      withdrawn_at: withdrawn ? change.at : null,
      closed_at: withdrawn ? null : change.closedAt,
      closed_by: change.by,
      updated_at: change.at,
    })
    .where('id', '=', id)
    .where('stage', '=', 'open')
    .execute();
}
