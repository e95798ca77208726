/**
 * The event types a webhook, robot or the e-mail setting subscribes to (SPEC §9): the server's
 * own list, which the API's zod schema validates against. Its module is pure data (no imports),
 * so the console takes the list itself from it.
 */
import { useTranslation } from 'react-i18next';
import { eventTypes } from '../../../../src/services/events/event-types.js';

export { eventTypes };

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
