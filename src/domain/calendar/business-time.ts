/**
 * Business-time arithmetic over the per-year calendars (SPEC §6.2): is an instant working time,
 * when has a duration of working time elapsed, how much working time lies between two instants.
 *
 * Instants are Dates (UTC underneath); days and work hours are read in the calendars' zone, a
 * fixed UTC offset (no DST: China has none; see business-calendar.ts). All calendars of a lookup
 * must share that offset, else the functions throw a RangeError (validateCalendarSet rejects it
 * earlier). The date that decides a day's calendar is the local date: 2027-01-01 00:30 in
 * Shanghai uses the 2027 calendar even though it is still 2026 in UTC.
 *
 * The walk goes day by day and period by period (never minute by minute): 48 working hours is a
 * handful of days, a year of working time a few hundred steps.
 *
 * Calendars and lookups are treated as immutable; compiled forms are cached per calendar object.
 */
import {
  type BusinessCalendar,
  type BusinessCalendars,
  clockMinutes,
  dayNumber,
  standardWorkWeek,
  timezoneOffsetMinutes,
  weekdayOfDay,
} from './business-calendar.js';

export type ClockKind = 'wall' | 'business';

const DAY = 86_400_000;
const MINUTE = 60_000;
/** A walk that meets this many days in a row without working time stops: the calendars are broken. */
const MAX_IDLE_DAYS = 800;

interface Compiled {
  /** [start, end) in ms after local midnight, ordered, non-overlapping. */
  periods: [number, number][];
  weekend: Set<number>;
  holidays: Set<number>;
  workdays: Set<number>;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();
/** Fallback years: compiled without holidays, per calendar they borrow the week from. */
const fallbackCache = new WeakMap<object, Compiled>();

function compile(calendar: BusinessCalendar, withDays: boolean): Compiled {
  const days = (list: { date: string }[]) =>
    new Set(withDays ? list.map((d) => dayNumber(d.date)).filter((n): n is number => n !== undefined) : []);
  return {
    periods: calendar.workHours.map((p) => [
      (clockMinutes(p.start) ?? 0) * MINUTE,
      (clockMinutes(p.end, true) ?? 0) * MINUTE,
    ]),
    weekend: new Set(calendar.weekend),
    holidays: days(calendar.holidays),
    workdays: days(calendar.workdays),
  };
}

/**
 * The calendar that applies to a (local) year: its file when there is one; otherwise a fallback
 * with the zone, work hours and weekend of the nearest year that has a file (the earlier one on a
 * tie; standardWorkWeek when there is none) and NO public holidays or make-up workdays — a year
 * whose official schedule is not yet entered counts every weekday as a working day.
 */
export function calendarForYear(year: number, calendars: BusinessCalendars): BusinessCalendar {
  const own = calendars.get(year);
  if (own) return own;
  const model = nearest(year, calendars);
  return {
    year,
    timezone: model?.timezone ?? standardWorkWeek.timezone,
    source: model
      ? `fallback: no calendar for ${year}; weekends and work hours of ${model.year}, no holidays`
      : `fallback: no calendar for ${year}; standard week, no holidays`,
    workHours: (model ?? standardWorkWeek).workHours,
    weekend: (model ?? standardWorkWeek).weekend,
    holidays: [],
    workdays: [],
  };
}

function nearest(year: number, calendars: BusinessCalendars): BusinessCalendar | undefined {
  let best: BusinessCalendar | undefined;
  for (const c of calendars.values()) {
    const d = Math.abs(c.year - year);
    const bestD = best ? Math.abs(best.year - year) : Number.POSITIVE_INFINITY;
    if (d < bestD || (d === bestD && best && c.year < best.year)) best = c;
  }
  return best;
}

/** The zone and per-day working periods of one lookup, for one call. */
class Walker {
  readonly offsetMs: number;
  #byYear = new Map<number, Compiled>();

  constructor(private readonly calendars: BusinessCalendars) {
    let offset: number | undefined;
    let first: string | undefined;
    for (const c of calendars.values()) {
      const o = timezoneOffsetMinutes(c.timezone);
      if (o === undefined) throw new RangeError(`business calendar ${c.year}: unsupported timezone "${c.timezone}"`);
      if (offset !== undefined && o !== offset) {
        throw new RangeError(`business calendars mix UTC offsets (${first} and ${c.timezone}); use one zone`);
      }
      offset = o;
      first ??= c.timezone;
    }
    this.offsetMs = (offset ?? (timezoneOffsetMinutes(standardWorkWeek.timezone) as number)) * MINUTE;
  }

  /** Local day number (days since 1970-01-01 in the calendars' zone) of an instant. */
  dayOf(t: number): number {
    return Math.floor((t + this.offsetMs) / DAY);
  }

  /** The working periods of a local day as UTC ms [start, end), empty on a day off. */
  intervals(day: number): [number, number][] {
    const year = new Date(day * DAY).getUTCFullYear();
    let compiled = this.#byYear.get(year);
    if (!compiled) {
      compiled = this.#compileYear(year);
      this.#byYear.set(year, compiled);
    }
    const working =
      compiled.workdays.has(day) || (!compiled.holidays.has(day) && !compiled.weekend.has(weekdayOfDay(day)));
    if (!working) return [];
    const midnight = day * DAY - this.offsetMs;
    return compiled.periods.map(([s, e]) => [midnight + s, midnight + e]);
  }

  #compileYear(year: number): Compiled {
    const own = this.calendars.get(year);
    if (own) {
      let c = compiledCache.get(own);
      if (!c) {
        c = compile(own, true);
        compiledCache.set(own, c);
      }
      return c;
    }
    const model = nearest(year, this.calendars);
    const key: object = model ?? standardWorkWeek;
    let c = fallbackCache.get(key);
    if (!c) {
      c = compile(calendarForYear(year, this.calendars), false);
      fallbackCache.set(key, c);
    }
    return c;
  }
}

function instant(at: Date, name: string): number {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} is not a valid date`);
  return t;
}

function checkDuration(durationMs: number): void {
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    throw new RangeError(`durationMs must be a whole number of milliseconds, 0 or more (got ${durationMs})`);
  }
}

/** Whether `at` falls inside working hours of a working day (periods are half-open: 12:00 is lunch). */
export function isWorkingTime(at: Date, calendars: BusinessCalendars): boolean {
  const t = instant(at, 'at');
  const walker = new Walker(calendars);
  return walker.intervals(walker.dayOf(t)).some(([s, e]) => s <= t && t < e);
}

/**
 * The earliest instant by which `durationMs` of working time has elapsed after `start`. A start
 * outside working time counts from the next working instant, so a zero duration returns `start`
 * when it is working time and otherwise the next working instant (Saturday → Monday 09:00). A
 * deadline that uses up a period exactly ends at the period's end (11:00 + 1 h → 12:00, not 13:30).
 */
export function addBusinessTime(start: Date, durationMs: number, calendars: BusinessCalendars): Date {
  let t = instant(start, 'start');
  checkDuration(durationMs);
  const walker = new Walker(calendars);
  let remaining = durationMs;
  let idle = 0;
  for (let day = walker.dayOf(t); ; day++) {
    const intervals = walker.intervals(day);
    if (intervals.length === 0 && ++idle > MAX_IDLE_DAYS) {
      throw new RangeError(`business calendars have no working time for ${MAX_IDLE_DAYS} days in a row`);
    }
    if (intervals.length > 0) idle = 0;
    for (const [s, e] of intervals) {
      if (e <= t) continue;
      const from = Math.max(s, t);
      const available = e - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
      t = e;
    }
  }
}

/**
 * Working time in ms between two instants: positive when `b` is after `a`, negative (the same
 * amount) when before — a countdown's "time left" is businessTimeBetween(now, deadline), and below
 * zero it tells how much working time the deadline is overdue by.
 */
export function businessTimeBetween(a: Date, b: Date, calendars: BusinessCalendars): number {
  const from = instant(a, 'a');
  const to = instant(b, 'b');
  if (to < from) return 0 - businessTimeBetween(b, a, calendars);
  const walker = new Walker(calendars);
  let total = 0;
  const last = walker.dayOf(to);
  for (let day = walker.dayOf(from); day <= last; day++) {
    for (const [s, e] of walker.intervals(day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** `start` + `durationMs` on the chosen clock: wall-clock ms, or working time (addBusinessTime). */
export function addDuration(start: Date, durationMs: number, clock: ClockKind, calendars: BusinessCalendars): Date {
  if (clock === 'business') return addBusinessTime(start, durationMs, calendars);
  const t = instant(start, 'start');
  checkDuration(durationMs);
  return new Date(t + durationMs);
}

/** Time from `a` to `b` on the chosen clock (signed): wall-clock ms, or working time (businessTimeBetween). */
export function durationBetween(a: Date, b: Date, clock: ClockKind, calendars: BusinessCalendars): number {
  if (clock === 'business') return businessTimeBetween(a, b, calendars);
  return instant(b, 'b') - instant(a, 'a');
}
