/**
 * SLA policies (SPEC §6.2) as data, with the defaults of practice (SPEC §10.1, seeds 000 and
 * 002): 48 h to accept or reject an MQL, a reminder before it, two consecutive breaches suspend a
 * rep from MQLs for a calendar month; an SDR touches a new inbound lead within one working hour
 * and loses a lead left untouched for 14 days to the pool (warned two days before). Each clock
 * is wall-clock or business time (the business calendar, with holidays and 调休).
 */
export type SlaClock = 'wall' | 'business';

export interface SlaPolicy {
  acceptance: {
    hours: number;
    clock: SlaClock;
    /** The reminder goes this long before the deadline; 0 = no reminder. */
    reminderBeforeHours: number;
    /** Recall the lead and route it again this long after a breach; null = never recall. */
    recallAfterBreachHours: number | null;
  };
  penalty: {
    /** Consecutive breaches that suspend a rep (an on-time decision resets the count). */
    consecutiveBreaches: number;
    /** Calendar months of suspension from MQLs. */
    suspensionMonths: number;
  };
  speedToLead: {
    /** First touch on a new inbound lead within this long; null = not tracked. */
    minutes: number | null;
    clock: SlaClock;
    /** Channels whose leads are not inbound (no speed-to-lead clock). */
    exemptChannels: string[];
  };
  recall: {
    /** An SDR-owned lead with no touch for this many days goes back to the pool. */
    days: number;
    clock: SlaClock;
    /** The owner is warned this many days before; 0 = no warning. */
    warningDays: number;
  };
}

export function defaultSlaPolicy(): SlaPolicy {
  return {
    acceptance: { hours: 48, clock: 'wall', reminderBeforeHours: 4, recallAfterBreachHours: null },
    penalty: { consecutiveBreaches: 2, suspensionMonths: 1 },
    speedToLead: { minutes: 60, clock: 'business', exemptChannels: ['outbound', 'import'] },
    recall: { days: 14, clock: 'wall', warningDays: 2 },
  };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A duration of the policy in milliseconds; business clocks count working time. */
export const slaDurations = {
  acceptance: (p: SlaPolicy) => p.acceptance.hours * HOUR_MS,
  reminderBefore: (p: SlaPolicy) => p.acceptance.reminderBeforeHours * HOUR_MS,
  recallAfterBreach: (p: SlaPolicy) =>
    p.acceptance.recallAfterBreachHours === null ? null : p.acceptance.recallAfterBreachHours * HOUR_MS,
  speedToLead: (p: SlaPolicy) => (p.speedToLead.minutes === null ? null : p.speedToLead.minutes * 60_000),
  recall: (p: SlaPolicy) => p.recall.days * DAY_MS,
  recallWarning: (p: SlaPolicy) => p.recall.warningDays * DAY_MS,
};

/**
 * The end of a suspension that starts at `from`: the same time `months` calendar months later
 * (in UTC+8, China's business day), clamped to the month's last day (Jan 31 + 1 month → Feb 28).
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const offset = 8 * HOUR_MS;
  const local = new Date(from.getTime() + offset);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    y,
    m,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - offset);
}
