/**
 * A re-surfacing trigger as the API words it ("score 72 ≥ 60", "behaviour demo_request") in
 * the user's language; any other wording is shown as it came.
 */
import type { TFunction } from 'i18next';

export function triggerText(t: TFunction, trigger: string): string {
  const score = /^score (-?\d+) ≥ (-?\d+)$/.exec(trigger);
  if (score) return t('pool.trigger.score', { score: score[1], threshold: score[2] });
  const behaviour = /^behaviour (\S+)$/.exec(trigger);
  if (behaviour) {
    const name = t(`pool.trigger.behaviours.${behaviour[1]}`, { defaultValue: behaviour[1] });
    return t('pool.trigger.behaviour', { behaviour: name });
  }
  return trigger;
}
