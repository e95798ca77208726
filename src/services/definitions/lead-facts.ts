/**
 * Gathers what a stage definition looks at (domain/definitions/lead-facts.ts) for one lead:
 * the lead's status, contact and profile, its qualification answers, its score (null until
 * first computed) and its hand-off milestones. Absent data is simply absent: not met.
 */
import type { Kysely } from 'kysely';
import type { LeadFacts } from '../../domain/definitions/lead-facts.js';
import { NotFound } from '../../domain/errors.js';
import type { Answers } from '../../domain/qualification/framework.js';
import { loadLeadFactRows } from '../../store/repositories/definitions.js';
import type { Database } from '../../store/schema.js';

/** Statuses a lead reaches only after sales accepted it (SPEC §6.1). */
const acceptedStatuses = ['sql', 'opportunity', 'won'];

export async function gatherLeadFacts(db: Kysely<Database>, leadId: string): Promise<LeadFacts> {
  const found = await loadLeadFactRows(db, leadId);
  if (!found) throw new NotFound(`lead ${leadId}`);
  return leadFactsOf(found.lead, found.answers, found);
}

/** The facts of one lead from its row, its answers and its hand-off milestones (also read in bulk). */
export function leadFactsOf(
  lead: {
    status: string;
    phone: string | null;
    email: string | null;
    name: string | null;
    company: string | null;
    title: string | null;
    region: string | null;
    industry: string | null;
    employees: number | null;
    channel_id: string | null;
    fields: Record<string, unknown> | null;
    score: number;
    scored_at: Date | string | null;
  },
  answers: readonly { framework: string; answers: unknown }[],
  found: { acceptedBySales: boolean; opportunityRegistered: boolean },
): LeadFacts {
  return {
    status: lead.status,
    phone: lead.phone,
    email: lead.email,
    answers: Object.fromEntries(answers.map((a) => [a.framework, a.answers as Answers])),
    score: lead.scored_at === null ? null : lead.score,
    profile: {
      name: lead.name,
      company: lead.company,
      title: lead.title,
      region: lead.region,
      industry: lead.industry,
      employees: lead.employees,
      channel: lead.channel_id,
    },
    fields: lead.fields ?? {},
    milestones: {
      accepted_by_sales: found.acceptedBySales || found.opportunityRegistered || acceptedStatuses.includes(lead.status),
      opportunity_registered: found.opportunityRegistered || ['opportunity', 'won'].includes(lead.status),
    },
  };
}
