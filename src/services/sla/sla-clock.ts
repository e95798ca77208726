/**
 * The SLA policy in force together with the business calendars, so a deadline is one call:
 * `sla.after(start, duration, clock)` counts wall-clock or working time (SPEC §6.2). Calendars
 * are the edited years from the database and the shipped files for the other years.
 */
import type { BusinessCalendars } from '../../domain/calendar/business-calendar.js';
import { addDuration, durationBetween } from '../../domain/calendar/business-time.js';
import type { SlaClock, SlaPolicy } from '../../domain/sla/sla-policy.js';
import type { Queryable } from '../../store/db.js';
import { businessCalendarsInForce } from './business-calendars.js';
import { slaSettingsInForce } from './sla-settings.js';

export interface SlaInForce {
  policy: SlaPolicy;
  calendars: BusinessCalendars;
  after(start: Date, durationMs: number, clock: SlaClock): Date;
  /** Time left from `from` to `to` on that clock (negative when overdue). */
  between(from: Date, to: Date, clock: SlaClock): number;
}

export async function slaInForce(db: Queryable): Promise<SlaInForce> {
  const { policy } = await slaSettingsInForce(db);
  return slaClockOf(policy, await businessCalendarsInForce(db));
}

/** The SLA in force given its policy and the business calendars. */
export function slaClockOf(policy: SlaPolicy, calendars: BusinessCalendars): SlaInForce {
  return {
    policy,
    calendars,
    after: (start, durationMs, clock) => addDuration(start, durationMs, clock, calendars),
    between: (from, to, clock) => durationBetween(from, to, clock, calendars),
  };
}
