/**
 * The business calendar (SPEC §6.2): one editable JSON file per year with the working hours, the
 * weekend, the public holidays and the make-up working days (调休) of that year.
 *
 * File format (see china-2026.json):
 *   {
 *     "year": 2026,
 *     "timezone": "Asia/Shanghai",
 *     "source": "…",                                      // optional free text: where the dates come from
 *     "workHours": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "18:00"}],
 *     "weekend": [6, 0],                                   // JavaScript day numbers: 0 = Sunday … 6 = Saturday
 *     "holidays": [{"date": "2026-10-01", "name": "国庆节"}, …],
 *     "workdays": [{"date": "2026-09-20", "name": "国庆节调休"}, …]   // weekend days worked instead (调休)
 *   }
 *
 * Work hours are local wall-clock times, half-open: 09:00–12:00 covers 09:00:00.000 up to but not
 * including 12:00; "24:00" may end the last period. A date is a working day when it is listed under
 * workdays, or when it is neither a holiday nor a weekend day.
 *
 * Time zones: only fixed-offset zones are supported (no daylight saving time), which covers China
 * (no DST since 1991). The timezone is either one of the names in `fixedOffsetZones` or an offset
 * "+08:00" / "-05:00". Every calendar in one lookup must have the same offset.
 */
import type { FieldError } from '../errors.js';

/** JavaScript day numbers (Date#getUTCDay): 0 = Sunday, 1 = Monday … 6 = Saturday. ISO 7 is not accepted. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WorkPeriod {
  /** "HH:MM", local time, inclusive. */
  start: string;
  /** "HH:MM" (or "24:00"), local time, exclusive. */
  end: string;
}

export interface CalendarDay {
  /** "YYYY-MM-DD", a date of the calendar's year. */
  date: string;
  name: string;
}

export interface BusinessCalendar {
  year: number;
  timezone: string;
  source?: string;
  workHours: WorkPeriod[];
  weekend: Weekday[];
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

/** Calendars by year. A year without a calendar falls back to weekends + work hours (see calendarForYear). */
export type BusinessCalendars = ReadonlyMap<number, BusinessCalendar>;

/**
 * The working week used for a year without a calendar file when no other year has one either:
 * Asia/Shanghai, 09:00–12:00 and 13:30–18:00, Saturday and Sunday off.
 */
export const standardWorkWeek: Pick<BusinessCalendar, 'timezone' | 'workHours' | 'weekend'> = {
  timezone: 'Asia/Shanghai',
  workHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  weekend: [6, 0],
};

/**
 * Named zones accepted in `timezone`, with their fixed UTC offset in minutes. All of them have had no
 * daylight saving time for decades; zones with DST (Europe/*, America/*) are deliberately absent.
 */
export const fixedOffsetZones: Readonly<Record<string, number>> = {
  UTC: 0,
  'Etc/UTC': 0,
  'Asia/Shanghai': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Singapore': 480,
  'Asia/Kuala_Lumpur': 480,
  'Asia/Tokyo': 540,
  'Asia/Seoul': 540,
  'Asia/Kolkata': 330,
  'Asia/Dubai': 240,
};

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC for a supported timezone ("Asia/Shanghai" → 480, "-05:30" → -330); undefined otherwise. */
export function timezoneOffsetMinutes(timezone: string): number | undefined {
  if (Object.hasOwn(fixedOffsetZones, timezone)) return fixedOffsetZones[timezone];
  const m = OFFSET.exec(timezone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const CLOCK = /^(\d{2}):(\d{2})$/;

/** "HH:MM" → minutes after midnight, "24:00" → 1440 when allowed; undefined when not a time. */
export function clockMinutes(text: string, allowMidnightEnd = false): number | undefined {
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allowMidnightEnd) return 1440;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/** Weekday of a day number (1970-01-01, day 0, was a Thursday). */
export function weekdayOfDay(day: number): Weekday {
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a real "YYYY-MM-DD" date; undefined otherwise. */
export function dayNumber(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

export type CalendarValidation = { ok: true; calendar: BusinessCalendar } | { ok: false; errors: FieldError[] };

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;
const MAX_PERIODS = 12;
const MAX_DAYS = 366;
const MAX_TEXT = 200;
const KNOWN_FIELDS = ['year', 'timezone', 'source', 'workHours', 'weekend', 'holidays', 'workdays'];

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one calendar file (parsed JSON), naming every bad field ("holidays[3].date",
 * "workHours[1].start"), and returns a clean copy (names trimmed, days in date order).
 */
/** Records a field error, in English and Chinese. */
type Fail = (field: string, message: string, messageZh: string) => void;

export function validateBusinessCalendar(input: unknown): CalendarValidation {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string, messageZh: string): void => {
    errors.push({ field, message, messageZh });
  };
  if (!isObject(input))
    return { ok: false, errors: [{ field: 'calendar', message: 'must be an object', messageZh: '须为对象' }] };
  for (const key of Object.keys(input))
    if (!KNOWN_FIELDS.includes(key)) fail(key, 'is not a known field', '不是已知字段');

  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  if (!yearOk)
    fail('year', `must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`, `须为 ${MIN_YEAR} 到 ${MAX_YEAR} 的整数`);

  const timezone = input.timezone;
  if (typeof timezone !== 'string' || timezoneOffsetMinutes(timezone) === undefined) {
    fail(
      'timezone',
      `must be a fixed-offset zone (${Object.keys(fixedOffsetZones).join(', ')}) or an offset such as "+08:00"`,
      `须为固定偏移的时区（${Object.keys(fixedOffsetZones).join('、')}）或偏移量如“+08:00”`,
    );
  }

  let source: string | undefined;
  if (input.source !== undefined && input.source !== null) {
    if (typeof input.source !== 'string' || input.source.length > 1000)
      fail('source', 'must be text (up to 1000)', '须为文本（最多 1000 个字符）');
    else source = input.source;
  }

  const workHours = checkWorkHours(input.workHours, fail);
  const weekend = checkWeekend(input.weekend, fail);
  const weekendSet = new Set(weekend ?? []);
  const holidays = checkDays(input.holidays, 'holidays', yearOk ? (year as number) : undefined, fail);
  const workdays = checkDays(input.workdays, 'workdays', yearOk ? (year as number) : undefined, fail);

  if (holidays && workdays) {
    const holidayAt = new Map(holidays.map((d) => [d.day.date, d.index]));
    for (const w of workdays) {
      const h = holidayAt.get(w.day.date);
      if (h !== undefined) {
        fail(
          `workdays[${w.index}].date`,
          `${w.day.date} is also a holiday (holidays[${h}]); a date is one or the other`,
          `${w.day.date} 也是节假日（holidays[${h}]）；一个日期只能是其中之一`,
        );
      }
    }
  }
  if (workdays && weekend) {
    for (const w of workdays) {
      const weekday = weekdayOfDay(dayNumber(w.day.date) as number);
      if (!weekendSet.has(weekday as Weekday)) {
        fail(
          `workdays[${w.index}].date`,
          `${w.day.date} is a ${weekdayNames[weekday]}, not a weekend day; make-up workdays (调休) are weekend days worked`,
          `${w.day.date} 是${weekdayZh[weekday]}，不是周末；调休工作日须是周末`,
        );
      }
    }
  }

  if (errors.length > 0 || !workHours || !weekend || !holidays || !workdays) {
    return { ok: false, errors };
  }
  const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const calendar: BusinessCalendar = {
    year: year as number,
    timezone: timezone as string,
    ...(source === undefined ? {} : { source }),
    workHours,
    weekend,
    holidays: holidays.map((d) => d.day).sort(byDate),
    workdays: workdays.map((d) => d.day).sort(byDate),
  };
  return { ok: true, calendar };
}

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const weekdayZh = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

function checkWorkHours(input: unknown, fail: Fail): WorkPeriod[] | undefined {
  if (!Array.isArray(input) || input.length === 0) {
    fail('workHours', 'must be a non-empty list of {start, end} periods', '须为非空的 {start, end} 时段列表');
    return undefined;
  }
  if (input.length > MAX_PERIODS) {
    fail('workHours', `may hold at most ${MAX_PERIODS} periods`, `最多 ${MAX_PERIODS} 个时段`);
    return undefined;
  }
  const periods: WorkPeriod[] = [];
  let ok = true;
  let previousEnd: { minutes: number; index: number; text: string } | undefined;
  input.forEach((raw, i) => {
    const at = `workHours[${i}]`;
    if (!isObject(raw)) {
      ok = false;
      fail(at, 'must be an object {start, end}', '须为对象 {start, end}');
      return;
    }
    for (const key of Object.keys(raw)) {
      if (key !== 'start' && key !== 'end') fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
    }
    const start = typeof raw.start === 'string' ? clockMinutes(raw.start) : undefined;
    const end = typeof raw.end === 'string' ? clockMinutes(raw.end, true) : undefined;
    if (start === undefined)
      fail(`${at}.start`, 'must be a time "HH:MM" from 00:00 to 23:59', '须为 00:00 到 23:59 之间的时间“HH:MM”');
    if (end === undefined)
      fail(`${at}.end`, 'must be a time "HH:MM" from 00:01 to 24:00', '须为 00:01 到 24:00 之间的时间“HH:MM”');
    if (start === undefined || end === undefined) {
      ok = false;
      previousEnd = undefined;
      return;
    }
    if (end <= start) {
      ok = false;
      fail(`${at}.end`, `must be after the start (${raw.start as string})`, `须晚于开始时间（${raw.start as string}）`);
    } else if (previousEnd && start < previousEnd.minutes) {
      ok = false;
      fail(
        `${at}.start`,
        `must not be before the end of workHours[${previousEnd.index}] (${previousEnd.text}); list periods in order, without overlap`,
        `不能早于 workHours[${previousEnd.index}] 的结束时间（${previousEnd.text}）；时段须按顺序且不重叠`,
      );
    }
    periods.push({ start: raw.start as string, end: raw.end as string });
    previousEnd = { minutes: end, index: i, text: raw.end as string };
  });
  return ok ? periods : undefined;
}

function checkWeekend(input: unknown, fail: Fail): Weekday[] | undefined {
  if (!Array.isArray(input)) {
    fail(
      'weekend',
      'must be a list of day numbers, 0 = Sunday … 6 = Saturday',
      '须为星期数字列表，0 = 周日 … 6 = 周六',
    );
    return undefined;
  }
  if (input.length > 6) {
    fail('weekend', 'must leave at least one working day in the week', '每周须至少留一个工作日');
    return undefined;
  }
  const days: Weekday[] = [];
  let ok = true;
  input.forEach((raw, i) => {
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 6) {
      ok = false;
      fail(
        `weekend[${i}]`,
        'must be a day number from 0 (Sunday) to 6 (Saturday); Sunday is 0, not 7',
        '须为 0（周日）到 6（周六）的数字；周日是 0，不是 7',
      );
    } else if (days.includes(raw as Weekday)) {
      ok = false;
      fail(`weekend[${i}]`, `${weekdayNames[raw]} is listed twice`, `${weekdayZh[raw]}列了两次`);
    } else days.push(raw as Weekday);
  });
  return ok ? days : undefined;
}

function checkDays(
  input: unknown,
  list: 'holidays' | 'workdays',
  year: number | undefined,
  fail: Fail,
): { day: CalendarDay; index: number }[] | undefined {
  if (!Array.isArray(input)) {
    fail(list, 'must be a list of {date, name} (may be empty)', '须为 {date, name} 列表（可为空）');
    return undefined;
  }
  if (input.length > MAX_DAYS) {
    fail(list, `may hold at most ${MAX_DAYS} days`, `最多 ${MAX_DAYS} 天`);
    return undefined;
  }
  const seen = new Map<string, number>();
  const days: { day: CalendarDay; index: number }[] = [];
  let ok = true;
  input.forEach((raw, i) => {
    const at = `${list}[${i}]`;
    if (!isObject(raw)) {
      ok = false;
      fail(at, 'must be an object {date, name}', '须为对象 {date, name}');
      return;
    }
    for (const key of Object.keys(raw)) {
      if (key !== 'date' && key !== 'name') fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
    }
    const date = raw.date;
    let dateOk = false;
    if (typeof date !== 'string' || dayNumber(date) === undefined) {
      fail(`${at}.date`, 'must be a real date "YYYY-MM-DD"', '须为真实存在的日期“YYYY-MM-DD”');
    } else if (year !== undefined && Number(date.slice(0, 4)) !== year) {
      fail(`${at}.date`, `${date} is not in ${year}, the year of this calendar`, `${date} 不在本日历的年份 ${year} 内`);
    } else if (seen.has(date)) {
      fail(
        `${at}.date`,
        `${date} is already listed (${list}[${seen.get(date)}])`,
        `${date} 已列出（${list}[${seen.get(date)}]）`,
      );
    } else {
      dateOk = true;
      seen.set(date, i);
    }
    const name = typeof raw.name === 'string' ? raw.name.trim() : '';
    if (name.length === 0 || name.length > MAX_TEXT)
      fail(`${at}.name`, `must be text of 1–${MAX_TEXT} characters`, `须为 1–${MAX_TEXT} 个字符的文本`);
    if (!dateOk || name.length === 0 || name.length > MAX_TEXT) {
      ok = false;
      return;
    }
    days.push({ day: { date: date as string, name }, index: i });
  });
  return ok ? days : undefined;
}

export type CalendarSetValidation = { ok: true; calendars: BusinessCalendars } | { ok: false; errors: FieldError[] };

/**
 * Checks a set of calendar files (one per year) and builds the lookup by year: each file as
 * validateBusinessCalendar ("calendars[1].holidays[0].date"), one file per year, and one UTC
 * offset for all of them (the business-time functions walk across years in one zone).
 */
export function validateCalendarSet(inputs: readonly unknown[]): CalendarSetValidation {
  const errors: FieldError[] = [];
  const calendars = new Map<number, BusinessCalendar>();
  const indexOf = new Map<number, number>();
  let zone: { offset: number; index: number; timezone: string } | undefined;
  inputs.forEach((input, i) => {
    const result = validateBusinessCalendar(input);
    if (!result.ok) {
      for (const e of result.errors) errors.push({ ...e, field: `calendars[${i}].${e.field}` });
      return;
    }
    const c = result.calendar;
    const earlier = indexOf.get(c.year);
    if (earlier !== undefined) {
      errors.push({
        field: `calendars[${i}].year`,
        message: `${c.year} already has a calendar (calendars[${earlier}])`,
        messageZh: `${c.year} 已有日历（calendars[${earlier}]）`,
      });
      return;
    }
    const offset = timezoneOffsetMinutes(c.timezone) as number;
    if (zone && zone.offset !== offset) {
      errors.push({
        field: `calendars[${i}].timezone`,
        message: `${c.timezone} differs from ${zone.timezone} (calendars[${zone.index}]); all years must share one UTC offset`,
        messageZh: `${c.timezone} 与 ${zone.timezone}（calendars[${zone.index}]）不同；各年须使用同一 UTC 偏移`,
      });
      return;
    }
    zone ??= { offset, index: i, timezone: c.timezone };
    indexOf.set(c.year, i);
    calendars.set(c.year, c);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, calendars };
}
