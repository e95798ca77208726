/**
 * The opportunity lifecycle (SPEC §6.1): an opportunity is registered on a lead the rep holds
 * after accepting its hand-off (`sql`), and ends withdrawn, won or lost; the lead follows
 * (`sql` → `opportunity` → `won` | `lost`, or back to `sql` on a withdrawal).
 *
 * One open opportunity per lead at a time. The lead's lifecycle is one line, so its status says
 * where the deal is without reading the opportunities; the §8.3 credit rule ("an opportunity
 * created within 45 days of acceptance and not withdrawn within 14 days of creation") has one
 * opportunity to look at; and a withdrawn registration (a mistake, a duplicate) can be followed
 * by a new one. Several products in one deal are one opportunity with their total amount.
 */
import type { OpportunityStage } from './opportunity-stage.js';

export const closingActions = ['withdraw', 'win', 'lose'] as const;
export type ClosingAction = (typeof closingActions)[number];

export const stageAfter: Record<ClosingAction, Exclude<OpportunityStage, 'open'>> = {
  withdraw: 'withdrawn',
  win: 'won',
  lose: 'lost',
};

/** Why no opportunity can be registered on a lead in this state now; null when one can. */
export function registrationConflict(lead: {
  status: string;
  history: boolean;
  openOpportunityId: string | null;
}): string | null {
  if (lead.history)
    return 'this is a history lead (imported to learn from); opportunities are registered on live leads';
  if (lead.openOpportunityId) {
    return `this lead already has an open opportunity (${lead.openOpportunityId}); withdraw, win or lose it before registering another`;
  }
  switch (lead.status) {
    case 'sql':
      return null;
    case 'mql':
      return 'the hand-off of this lead has not been accepted yet; an opportunity is registered once the rep has accepted it (status sql)';
    case 'won':
    case 'lost':
      return `this lead is already ${lead.status}; its opportunity is closed`;
    default:
      return `this lead is ${lead.status}; an opportunity is registered on a lead the rep holds after accepting its hand-off (status sql)`;
  }
}

/** Only an open opportunity changes stage. */
export function closingConflict(stage: OpportunityStage, action: ClosingAction): string | null {
  if (stage === 'open') return null;
  return `this opportunity is already ${stage}; only an open opportunity can be ${
    { withdraw: 'withdrawn', win: 'won', lose: 'lost' }[action]
  }`;
}

/**
 * The lead's status after an opportunity change; null when the lead stays where it is. A lead
 * moves only from the state an opportunity put it in: registration from `sql`, the end of an
 * opportunity from `opportunity` (a lead moved elsewhere meanwhile is not pulled back).
 */
export function leadStatusAfter(action: 'register' | ClosingAction, leadStatus: string): string | null {
  if (action === 'register') return leadStatus === 'sql' ? 'opportunity' : null;
  if (leadStatus !== 'opportunity') return null;
  return { withdraw: 'sql', win: 'won', lose: 'lost' }[action];
}
