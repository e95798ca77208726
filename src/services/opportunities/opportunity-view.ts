/** The JSON shape of an opportunity (SPEC §6.1), decided here once. */
import type { OpportunityStage } from '../../domain/opportunities/opportunity-stage.js';
import type { OpportunityWithHandoff } from '../../store/repositories/opportunities.js';

export interface OpportunityView {
  id: string;
  leadId: string;
  /** The accepted hand-off it follows; its SDR is credited (§8.3). */
  handoffId: string | null;
  sdrId: string | null;
  repId: string | null;
  /** When that hand-off was accepted: the 45-day credit window runs from here. */
  acceptedAt: string | null;
  name: string | null;
  /** The partner who introduced it, if one did (§8.3 partner commission split). */
  partnerName: string | null;
  amount: number;
  currency: string;
  stage: OpportunityStage;
  expectedCloseAt: string | null;
  createdAt: string;
  createdBy: string | null;
  withdrawnAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  reason: string | null;
  updatedAt: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function presentOpportunity(row: OpportunityWithHandoff): OpportunityView {
  return {
    id: row.id,
    leadId: row.lead_id,
    handoffId: row.handoff_id,
    sdrId: row.sdr_id,
    repId: row.rep_id,
    acceptedAt: isoOrNull(row.accepted_at),
    name: row.name,
    partnerName: row.partner_name,
    amount: Number(row.amount),
    currency: row.currency,
    stage: row.stage,
    expectedCloseAt: isoOrNull(row.expected_close_at),
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    withdrawnAt: isoOrNull(row.withdrawn_at),
    closedAt: isoOrNull(row.closed_at),
    closedBy: row.closed_by,
    reason: row.reason,
    updatedAt: iso(row.updated_at),
  };
}
