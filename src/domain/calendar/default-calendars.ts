/**
 * The shipped business calendars (SPEC §6.2): China 2026 from the State Council schedule
 * (china-2026.json, editable). No 2027 file is shipped: the 2027 schedule is published late in
 * 2026, and until a file is added, 2027 (like any year without a file) falls back to weekends and
 * work hours only, with no public holidays and no make-up workdays (see calendarForYear).
 */
import { type BusinessCalendars, validateCalendarSet } from './business-calendar.js';
import china2026 from './china-2026.json' with { type: 'json' };

/** The shipped calendar files as parsed JSON, in year order. */
export const shippedCalendarFiles: readonly unknown[] = [china2026];

function load(): BusinessCalendars {
  const result = validateCalendarSet(shippedCalendarFiles);
  if (!result.ok) {
    throw new Error(
      `shipped business calendar is invalid: ${result.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  }
  return result.calendars;
}

/** China 2026 by year; other years fall back to the 2026 working week without holidays. */
export const defaultBusinessCalendars: BusinessCalendars = load();
