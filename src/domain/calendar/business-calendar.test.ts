import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  dayNumber,
  fixedOffsetZones,
  timezoneOffsetMinutes,
  validateBusinessCalendar,
  validateCalendarSet,
  weekdayOfDay,
} from './business-calendar.js';
import { defaultBusinessCalendars, shippedCalendarFiles } from './default-calendars.js';

const base = (): Record<string, unknown> => ({
  year: 2026,
  timezone: 'Asia/Shanghai',
  workHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  weekend: [6, 0],
  holidays: [{ date: '2026-10-01', name: '国庆节' }],
  workdays: [{ date: '2026-09-20', name: '国庆节调休' }],
});

const errorsOf = (input: unknown) => {
  const result = validateBusinessCalendar(input);
  if (result.ok) throw new Error('expected the calendar to be rejected');
  // Every error is worded in Chinese too; the English is what the cases below compare.
  for (const e of result.errors) expect(e.messageZh, e.field).toMatch(/\p{Script=Han}/u);
  return result.errors.map(({ messageZh: _, ...e }) => e);
};
const weekday = (date: string) => weekdayOfDay(dayNumber(date)!);

describe('business calendar file (SPEC §6.2)', () => {
  it('accepts a good calendar and returns a clean copy with days in date order', () => {
    const input = base();
    input.holidays = [
      { date: '2026-10-02', name: ' 国庆节 ' },
      { date: '2026-10-01', name: '国庆节' },
    ];
    input.source = 'test';
    const result = validateBusinessCalendar(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.calendar.holidays).toEqual([
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-02', name: '国庆节' },
    ]);
    expect(result.calendar.source).toBe('test');
    expect(result.calendar.weekend).toEqual([6, 0]);
  });

  it('accepts empty holiday and workday lists, a "24:00" end and an offset timezone', () => {
    const result = validateBusinessCalendar({
      ...base(),
      timezone: '+08:00',
      workHours: [{ start: '20:00', end: '24:00' }],
      holidays: [],
      workdays: [],
    });
    expect(result.ok).toBe(true);
  });

  it('names bad dates: not a date, not a real date, outside the year, listed twice', () => {
    const input = base();
    input.holidays = [
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026/10/02', name: '国庆节' },
      { date: '2026-02-30', name: '春节' },
      { date: '2027-01-01', name: '元旦' },
      { date: '2026-10-01', name: '国庆节' },
      { date: 20261003, name: '国庆节' },
    ];
    expect(errorsOf(input)).toEqual([
      { field: 'holidays[1].date', message: 'must be a real date "YYYY-MM-DD"' },
      { field: 'holidays[2].date', message: 'must be a real date "YYYY-MM-DD"' },
      { field: 'holidays[3].date', message: '2027-01-01 is not in 2026, the year of this calendar' },
      { field: 'holidays[4].date', message: '2026-10-01 is already listed (holidays[0])' },
      { field: 'holidays[5].date', message: 'must be a real date "YYYY-MM-DD"' },
    ]);
  });

  it('refuses a date that is both a holiday and a make-up workday', () => {
    const input = base();
    input.holidays = [
      { date: '2026-09-19', name: 'x' },
      { date: '2026-09-20', name: '国庆节' },
    ];
    expect(errorsOf(input)).toEqual([
      {
        field: 'workdays[0].date',
        message: '2026-09-20 is also a holiday (holidays[1]); a date is one or the other',
      },
    ]);
  });

  it('refuses a make-up workday that is not a weekend day', () => {
    const input = base();
    input.workdays = [
      { date: '2026-09-20', name: '国庆节调休' },
      { date: '2026-09-21', name: 'typo' },
    ];
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('workdays[1].date');
    expect(errors[0].message).toMatch(/2026-09-21 is a Monday, not a weekend day/);
  });

  it('checks work hours: HH:MM, end after start, in order, without overlap, not empty', () => {
    const bad = (workHours: unknown) => errorsOf({ ...base(), workHours });
    expect(bad([{ start: '9:00', end: '12:00' }])).toEqual([
      { field: 'workHours[0].start', message: 'must be a time "HH:MM" from 00:00 to 23:59' },
    ]);
    expect(bad([{ start: '09:00', end: '12:60' }])[0].field).toBe('workHours[0].end');
    expect(bad([{ start: '24:00', end: '24:00' }])[0].field).toBe('workHours[0].start');
    expect(bad([{ start: '12:00', end: '09:00' }])).toEqual([
      { field: 'workHours[0].end', message: 'must be after the start (12:00)' },
    ]);
    expect(bad([{ start: '09:00', end: '09:00' }])[0].field).toBe('workHours[0].end');
    expect(
      bad([
        { start: '09:00', end: '12:00' },
        { start: '11:30', end: '18:00' },
      ]),
    ).toEqual([
      {
        field: 'workHours[1].start',
        message: 'must not be before the end of workHours[0] (12:00); list periods in order, without overlap',
      },
    ]);
    expect(
      bad([
        { start: '13:30', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ])[0].field,
    ).toBe('workHours[1].start');
    expect(bad([])[0].field).toBe('workHours');
    expect(bad('09:00-18:00')[0].field).toBe('workHours');
    expect(bad([{ start: '09:00', end: '12:00', lunch: true }])[0].field).toBe('workHours[0].lunch');
    // touching periods are fine
    expect(
      validateBusinessCalendar({
        ...base(),
        workHours: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ],
      }).ok,
    ).toBe(true);
  });

  it('checks the weekend: JavaScript day numbers 0–6, no duplicates, a working day left', () => {
    expect(errorsOf({ ...base(), weekend: [6, 7] })).toEqual([
      { field: 'weekend[1]', message: 'must be a day number from 0 (Sunday) to 6 (Saturday); Sunday is 0, not 7' },
    ]);
    expect(errorsOf({ ...base(), weekend: [6, 6] })).toEqual([
      { field: 'weekend[1]', message: 'Saturday is listed twice' },
    ]);
    expect(errorsOf({ ...base(), weekend: [0, 1, 2, 3, 4, 5, 6] })[0].field).toBe('weekend');
    expect(validateBusinessCalendar({ ...base(), weekend: [5], workdays: [] }).ok).toBe(true);
  });

  it('checks year, timezone, names, unknown fields and the shape', () => {
    const errors = errorsOf({
      ...base(),
      year: 2026.5,
      timezone: 'Europe/Berlin',
      holidays: [{ date: '2026-10-01', name: '  ' }],
      extra: 1,
    });
    expect(errors.map((e) => e.field)).toEqual(['extra', 'year', 'timezone', 'holidays[0].name']);
    expect(errors.find((e) => e.field === 'timezone')!.message).toMatch(/fixed-offset zone .*Asia\/Shanghai/);
    expect(errorsOf([])).toEqual([{ field: 'calendar', message: 'must be an object' }]);
    expect(errorsOf({ ...base(), holidays: undefined })).toEqual([
      { field: 'holidays', message: 'must be a list of {date, name} (may be empty)' },
    ]);
    expect(errorsOf({ ...base(), timezone: '+15:00' })[0].field).toBe('timezone');
  });

  it('knows fixed offsets, and each named zone really has that offset in winter and summer', () => {
    expect(timezoneOffsetMinutes('Asia/Shanghai')).toBe(480);
    expect(timezoneOffsetMinutes('+05:30')).toBe(330);
    expect(timezoneOffsetMinutes('-03:00')).toBe(-180);
    expect(timezoneOffsetMinutes('+08:60')).toBeUndefined();
    expect(timezoneOffsetMinutes('Europe/London')).toBeUndefined();
    expect(timezoneOffsetMinutes('toString')).toBeUndefined();
    for (const [zone, minutes] of Object.entries(fixedOffsetZones)) {
      for (const at of ['2026-01-15T00:00:00Z', '2026-07-15T00:00:00Z', '2027-01-15T00:00:00Z']) {
        const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
          .formatToParts(new Date(at))
          .find((p) => p.type === 'timeZoneName')!.value;
        const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
        const offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
        expect(offset, `${zone} at ${at}`).toBe(minutes);
      }
    }
  });
});

describe('calendar sets', () => {
  it('builds the lookup by year and prefixes field errors with the file index', () => {
    const ok = validateCalendarSet([base(), { ...base(), year: 2027, holidays: [], workdays: [] }]);
    expect(ok.ok && [...ok.calendars.keys()]).toEqual([2026, 2027]);
    const bad = validateCalendarSet([
      base(),
      { ...base(), holidays: [] },
      { ...base(), year: 2027, timezone: 'Asia/Tokyo', holidays: [], workdays: [] },
      { ...base(), year: 2028, weekend: [9], holidays: [], workdays: [] },
    ]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.field)).toEqual([
      'calendars[1].year',
      'calendars[2].timezone',
      'calendars[3].weekend[0]',
    ]);
    expect(bad.errors[0].message).toBe('2026 already has a calendar (calendars[0])');
    expect(bad.errors[1].message).toMatch(/Asia\/Tokyo differs from Asia\/Shanghai/);
    // same offset under another name is fine
    expect(
      validateCalendarSet([base(), { ...base(), year: 2027, timezone: '+08:00', holidays: [], workdays: [] }]).ok,
    ).toBe(true);
  });
});

describe('shipped China 2026 calendar (State Council schedule)', () => {
  const c = defaultBusinessCalendars.get(2026) as BusinessCalendar;
  const dates = (list: { date: string }[]) => list.map((d) => d.date);
  const range = (from: string, to: string) => {
    const out: string[] = [];
    for (let n = dayNumber(from)!; n <= dayNumber(to)!; n++)
      out.push(new Date(n * 86_400_000).toISOString().slice(0, 10));
    return out;
  };

  it('is valid and the only shipped year (2027 is not published yet)', () => {
    expect(shippedCalendarFiles).toHaveLength(1);
    expect(validateBusinessCalendar(shippedCalendarFiles[0]).ok).toBe(true);
    expect([...defaultBusinessCalendars.keys()]).toEqual([2026]);
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(c.weekend).toEqual([6, 0]);
    expect(c.workHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]);
  });

  it('holds exactly the 2026 holidays', () => {
    expect(dates(c.holidays)).toEqual([
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ]);
    const names = new Map(c.holidays.map((h) => [h.date, h.name]));
    expect(names.get('2026-02-18')).toBe('春节');
    expect(names.get('2026-10-07')).toBe('国庆节');
    expect(names.get('2026-06-19')).toBe('端午节');
  });

  it('holds exactly the 2026 make-up workdays, each on the weekend day the notice names', () => {
    expect(dates(c.workdays)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(['2026-01-04', '2026-09-20'].map(weekday)).toEqual([0, 0]); // Sundays
    expect(['2026-02-14', '2026-02-28', '2026-05-09', '2026-10-10'].map(weekday)).toEqual([6, 6, 6, 6]); // Saturdays
    // the notice's weekdays for the first and last holiday days
    expect(weekday('2026-01-01')).toBe(4); // Thursday
    expect(weekday('2026-02-15')).toBe(0); // Sunday
    expect(weekday('2026-02-23')).toBe(1); // Monday
    expect(weekday('2026-05-05')).toBe(2); // Tuesday
    expect(weekday('2026-10-07')).toBe(3); // Wednesday
  });
});
