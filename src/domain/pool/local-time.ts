/**
 * Wall-clock arithmetic in a team's time zone (SPEC §6.3, §7): a claim day is a calendar day
 * in Asia/Shanghai, quiet hours are read off the local clock. Pure: instants in, instants out,
 * through Intl (Node ships full ICU), so any IANA zone works, daylight saving included.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Minutes since local midnight (0–1439). */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return p.hour * 60 + p.minute;
}

/** The zone's offset from UTC at this instant, in milliseconds (+8 h for Shanghai). */
function offsetAt(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the local clock reads this wall time (the later reading when a DST gap skips it). */
export function instantOf(local: Omit<LocalParts, 'second'> & { second?: number }, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** Local midnight starting the day `at` falls in, and the next one: [start, end). */
export function localDay(at: Date, timeZone: string): { start: Date; end: Date } {
  const p = localParts(at, timeZone);
  const start = instantOf({ year: p.year, month: p.month, day: p.day, hour: 0, minute: 0 }, timeZone);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  const end = instantOf(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
  return { start, end };
}

/** The first instant after `at` when the local clock reads `minuteOfDay` (today or tomorrow). */
export function nextLocalMinute(at: Date, timeZone: string, minuteOfDay: number): Date {
  const p = localParts(at, timeZone);
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const today = instantOf({ year: p.year, month: p.month, day: p.day, hour, minute }, timeZone);
  if (today.getTime() > at.getTime()) return today;
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return instantOf(
    { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour, minute },
    timeZone,
  );
}

/** "21:00" → 1260; undefined unless HH:MM of a 24-hour clock. */
export function parseClockTime(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}
