/**
 * The events LeadLoop announces (SPEC §9), plus the lead's status and opportunity changes that
 * go back to where the lead came from (§6.1: marketing automation and the CRM stay in step).
 */
export const eventTypes = [
  'lead.created',
  'lead.status_changed',
  'handoff.created',
  'handoff.accepted',
  'handoff.rejected',
  'handoff.returned',
  'handoff.recalled',
  'sla.reminder',
  'sla.breached',
  'rep.suspended',
  'lead.resurfaced',
  'lead.recall_warning',
  'lead.recalled',
  'dispatch.requested',
  'opportunity.created',
  'opportunity.withdrawn',
  'opportunity.won',
  'opportunity.lost',
] as const;

export type EventType = (typeof eventTypes)[number];

export interface LeadLoopEvent {
  type: EventType;
  /** The lead it is about, when there is one. */
  leadId: string | null;
  /** The event body sent to webhooks as `data` (camelCase, ids as strings, times ISO-8601). */
  data: Record<string, unknown>;
  /** Users told in-app (and by e-mail when they have an address): the SDR, the rep, their manager … */
  notify: readonly string[];
}
