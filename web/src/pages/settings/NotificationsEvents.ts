/**
 * The event types a webhook, robot or the e-mail setting subscribes to (SPEC §9) — the server's
 * list (src/services/events/event-types.ts), which the API's zod schema validates against.
 */
import { useTranslation } from 'react-i18next';

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

/** `handoff.created` → "MQL 转交 (handoff.created)"; an event not in the catalogue as it is. */
export function useEventLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => {
    const key = `settingsNotifications.eventNames.${type.replace(/\./g, '_')}`;
    const name = t(key);
    return name === key ? type : name;
  };
}

export function useEventOptions() {
  const label = useEventLabel();
  return eventTypes.map((e) => ({ value: e, label: `${label(e)} (${e})` }));
}
