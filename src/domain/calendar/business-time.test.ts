import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, type BusinessCalendars, validateBusinessCalendar } from './business-calendar.js';
import {
  addBusinessTime,
  addDuration,
  businessTimeBetween,
  calendarForYear,
  durationBetween,
  isWorkingTime,
} from './business-time.js';
import { defaultBusinessCalendars as cn } from './default-calendars.js';

const MIN = 60_000;
const H = 3_600_000;
const DAY = 86_400_000;

/** Shanghai wall-clock time "2026-03-06 17:30" (or with seconds/ms) → Date. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);
/** Date → Shanghai wall-clock "YYYY-MM-DD HH:MM" (":SS.mmm" when not on the minute). */
const local = (d: Date) => {
  const iso = new Date(d.getTime() + 8 * H).toISOString();
  const rest = iso.slice(16, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${rest === ':00.000' ? '' : rest}`;
};
const add = (start: string, ms: number, calendars: BusinessCalendars = cn) =>
  local(addBusinessTime(sh(start), ms, calendars));
const working = (at: string, calendars: BusinessCalendars = cn) => isWorkingTime(sh(at), calendars);
const between = (a: string, b: string, calendars: BusinessCalendars = cn) =>
  businessTimeBetween(sh(a), sh(b), calendars);

const calendar = (input: Record<string, unknown>): BusinessCalendar => {
  const result = validateBusinessCalendar({
    timezone: 'Asia/Shanghai',
    workHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ],
    weekend: [6, 0],
    holidays: [],
    workdays: [],
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.calendar;
};
/** The shipped 2026 plus a 2027 file that makes New Year's Day 2027 (a Friday) a holiday. */
const with2027: BusinessCalendars = new Map([
  [2026, cn.get(2026)!],
  [2027, calendar({ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }] })],
]);

describe('isWorkingTime (China 2026)', () => {
  it('reads work hours as half-open periods in Shanghai time', () => {
    expect(working('2026-03-06 09:00')).toBe(true); // Friday
    expect(working('2026-03-06 08:59:59.999')).toBe(false);
    expect(working('2026-03-06 11:59:59.999')).toBe(true);
    expect(working('2026-03-06 12:00')).toBe(false); // lunch
    expect(working('2026-03-06 13:29')).toBe(false);
    expect(working('2026-03-06 13:30')).toBe(true);
    expect(working('2026-03-06 17:59')).toBe(true);
    expect(working('2026-03-06 18:00')).toBe(false);
    // 01:30 UTC is 09:30 in Shanghai
    expect(isWorkingTime(new Date('2026-03-06T01:30:00Z'), cn)).toBe(true);
    expect(isWorkingTime(new Date('2026-03-06T09:30:00Z'), cn)).toBe(true); // 17:30 in Shanghai
    expect(isWorkingTime(new Date('2026-03-06T10:00:00Z'), cn)).toBe(false); // 18:00 in Shanghai
  });

  it('knows weekends, holidays and make-up workdays (调休)', () => {
    expect(working('2026-03-07 10:00')).toBe(false); // ordinary Saturday
    expect(working('2026-03-08 10:00')).toBe(false); // ordinary Sunday
    expect(working('2026-10-01 10:00')).toBe(false); // 国庆节, Thursday
    expect(working('2026-10-07 10:00')).toBe(false); // 国庆节, Wednesday
    expect(working('2026-10-08 10:00')).toBe(true); // Thursday after the holiday
    expect(working('2026-09-20 10:00')).toBe(true); // Sunday worked (国庆节调休)
    expect(working('2026-10-10 10:00')).toBe(true); // Saturday worked
    expect(working('2026-10-11 10:00')).toBe(false); // ordinary Sunday
    expect(working('2026-02-14 10:00')).toBe(true); // Saturday worked (春节调休)
    expect(working('2026-02-14 12:30')).toBe(false); // … with the same lunch break
    expect(working('2026-02-16 10:00')).toBe(false); // 春节, Monday
    expect(working('2026-02-28 10:00')).toBe(true); // Saturday worked
    expect(working('2026-01-04 10:00')).toBe(true); // Sunday worked (元旦调休)
    expect(working('2026-05-09 10:00')).toBe(true);
    expect(working('2026-05-05 10:00')).toBe(false);
    expect(working('2026-06-19 10:00')).toBe(false); // 端午节, Friday
    expect(working('2026-09-25 10:00')).toBe(false); // 中秋节, Friday
    expect(working('2026-04-06 10:00')).toBe(false); // 清明节, Monday
  });

  it('uses the local date to pick the year: 2027-01-01 00:30 Shanghai is still 2026 in UTC', () => {
    // Dec 31 2026 is a Thursday; in a 2027 calendar Jan 1 is a holiday, the fallback has none
    expect(working('2027-01-01 10:00', with2027)).toBe(false);
    expect(working('2027-01-01 10:00', cn)).toBe(true);
    expect(addBusinessTime(new Date('2026-12-31T16:30:00Z'), 0, with2027).toISOString()).toBe(
      '2027-01-04T01:00:00.000Z',
    );
  });
});

describe('addBusinessTime (China 2026)', () => {
  it('Friday 17:30 + 1 working hour → Monday 09:30', () => {
    expect(add('2026-03-06 17:30', H)).toBe('2026-03-09 09:30');
  });

  it('skips the lunch break', () => {
    expect(add('2026-03-05 11:30', H)).toBe('2026-03-05 14:00');
    expect(add('2026-03-05 11:00', H)).toBe('2026-03-05 12:00'); // ends exactly at the break, not after it
    expect(add('2026-03-05 11:00', H + 1)).toBe('2026-03-05 13:30:00.001');
    expect(add('2026-03-05 12:15', 30 * MIN)).toBe('2026-03-05 14:00'); // starts inside the break
    expect(add('2026-03-05 09:00', 7.5 * H)).toBe('2026-03-05 18:00'); // a full working day
    expect(add('2026-03-05 09:00', 7.5 * H + MIN)).toBe('2026-03-06 09:01');
  });

  it('2026-09-30 17:00 + 2 h → 2026-10-08 10:00 (Oct 1–7 off, Thursday Oct 8 a working day)', () => {
    expect(add('2026-09-30 17:00', 2 * H)).toBe('2026-10-08 10:00');
    // Oct 9 Fri 17:00 + 2 h: Saturday Oct 10 is worked
    expect(add('2026-10-09 17:00', 2 * H)).toBe('2026-10-10 10:00');
    expect(add('2026-10-10 17:00', 2 * H)).toBe('2026-10-12 10:00');
  });

  it('make-up Sunday 2026-09-20 is a working day; 中秋 Sep 25–27 is not', () => {
    expect(add('2026-09-18 17:00', 2 * H)).toBe('2026-09-20 10:00'); // Fri → Sun (worked)
    expect(add('2026-09-19 10:00', H)).toBe('2026-09-20 10:00'); // from an ordinary Saturday
    expect(add('2026-09-24 17:00', 2 * H)).toBe('2026-09-28 10:00'); // Thu → Mon over 中秋
  });

  it('Spring Festival: Saturday Feb 14 is worked, Feb 15–23 off, Saturday Feb 28 worked', () => {
    expect(add('2026-02-13 17:00', 2 * H)).toBe('2026-02-14 10:00');
    expect(add('2026-02-14 17:00', 2 * H)).toBe('2026-02-24 10:00');
    expect(add('2026-02-27 17:00', 2 * H)).toBe('2026-02-28 10:00');
    expect(add('2026-02-28 17:00', 2 * H)).toBe('2026-03-02 10:00');
  });

  it('New Year 2026: Jan 1–3 off, Sunday Jan 4 worked', () => {
    expect(add('2025-12-31 17:00', 2 * H)).toBe('2026-01-04 10:00');
    expect(add('2026-01-04 17:00', 2 * H)).toBe('2026-01-05 10:00');
  });

  it('crosses into 2027 with the fallback (no holidays), or with a 2027 file when there is one', () => {
    // Dec 31 2026 is a Thursday, Jan 1 2027 a Friday
    expect(add('2026-12-31 17:00', 2 * H)).toBe('2027-01-01 10:00');
    expect(add('2026-12-31 17:00', 2 * H, with2027)).toBe('2027-01-04 10:00');
    // 2027 falls back to the 2026 week: Saturday off, lunch break kept
    expect(add('2027-01-08 17:00', 2 * H)).toBe('2027-01-11 10:00');
    expect(add('2027-03-03 11:30', H)).toBe('2027-03-03 14:00');
    // 2025 falls back too
    expect(add('2025-06-06 17:30', H)).toBe('2025-06-09 09:30');
  });

  it('starts outside working time at the next working instant', () => {
    expect(add('2026-03-07 10:00', 30 * MIN)).toBe('2026-03-09 09:30'); // Saturday
    expect(add('2026-03-05 06:00', 30 * MIN)).toBe('2026-03-05 09:30'); // early morning
    expect(add('2026-03-05 20:00', 30 * MIN)).toBe('2026-03-06 09:30'); // evening
    expect(add('2026-03-05 18:00', 30 * MIN)).toBe('2026-03-06 09:30'); // exactly at closing
    expect(add('2026-10-03 23:59', 30 * MIN)).toBe('2026-10-08 09:30'); // in the holiday
  });

  it('zero duration: the start when it is working time, else the next working instant', () => {
    expect(add('2026-03-05 10:17', 0)).toBe('2026-03-05 10:17');
    expect(add('2026-03-05 09:00', 0)).toBe('2026-03-05 09:00');
    expect(add('2026-03-05 12:00', 0)).toBe('2026-03-05 13:30');
    expect(add('2026-03-07 10:00', 0)).toBe('2026-03-09 09:00');
    expect(between('2026-03-05 10:17', '2026-03-05 10:17')).toBe(0);
  });

  it('48 working hours: six and a half working days, over weekends and the Spring Festival', () => {
    // Mon Mar 2: 5 days × 7.5 h = 37.5 h, Mon Mar 9 → 45 h, Tue Mar 10 09:00 + 3 h
    expect(add('2026-03-02 09:00', 48 * H)).toBe('2026-03-10 12:00');
    // Thu Feb 12, Fri 13, Sat 14 (worked) = 22.5 h; Feb 15–23 off; Tue 24–Thu 26 → 45 h; Fri 27 + 3 h
    expect(add('2026-02-12 09:00', 48 * H)).toBe('2026-02-27 12:00');
    expect(between('2026-02-12 09:00', '2026-02-27 12:00')).toBe(48 * H);
  });

  it('walks by periods, not minutes: ten years of working time returns at once', () => {
    const started = performance.now();
    const tenYears = 10 * 250 * 7.5 * H;
    const end = addBusinessTime(sh('2026-01-05 09:00'), tenYears, cn);
    expect(end.getUTCFullYear()).toBeGreaterThanOrEqual(2035);
    expect(businessTimeBetween(sh('2026-01-05 09:00'), end, cn)).toBe(tenYears);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses negative, fractional and non-finite durations and invalid dates', () => {
    expect(() => addBusinessTime(sh('2026-03-05 10:00'), -1, cn)).toThrow(RangeError);
    expect(() => addBusinessTime(sh('2026-03-05 10:00'), 0.5, cn)).toThrow(/whole number/);
    expect(() => addBusinessTime(sh('2026-03-05 10:00'), Number.POSITIVE_INFINITY, cn)).toThrow(RangeError);
    expect(() => addBusinessTime(new Date(Number.NaN), H, cn)).toThrow(/start is not a valid date/);
    expect(() => isWorkingTime(new Date('nope'), cn)).toThrow(RangeError);
  });

  it('refuses calendars that mix UTC offsets, and stops on calendars without working time', () => {
    const mixed = new Map([
      [2026, cn.get(2026)!],
      [2027, calendar({ year: 2027, timezone: 'Asia/Tokyo' })],
    ]);
    expect(() => addBusinessTime(sh('2026-03-05 10:00'), H, mixed)).toThrow(/mix UTC offsets/);
    const never: BusinessCalendar = { ...calendar({ year: 2026 }), weekend: [0, 1, 2, 3, 4, 5, 6] };
    expect(() => addBusinessTime(sh('2026-03-05 10:00'), H, new Map([[2026, never]]))).toThrow(/no working time/);
  });
});

describe('other zones and no calendars at all', () => {
  it('reads work hours in the calendar zone', () => {
    const utc = new Map([
      [2026, calendar({ year: 2026, timezone: 'UTC', workHours: [{ start: '09:00', end: '17:00' }] })],
    ]);
    expect(addBusinessTime(new Date('2026-03-06T16:30:00Z'), H, utc).toISOString()).toBe('2026-03-09T09:30:00.000Z');
    const delhi = new Map([
      [2026, calendar({ year: 2026, timezone: '+05:30', workHours: [{ start: '09:00', end: '17:00' }] })],
    ]);
    // 09:00 in Delhi is 03:30 UTC
    expect(isWorkingTime(new Date('2026-03-06T03:30:00Z'), delhi)).toBe(true);
    expect(isWorkingTime(new Date('2026-03-06T03:29:59Z'), delhi)).toBe(false);
  });

  it('with no calendar for any year, uses the standard Shanghai week without holidays', () => {
    const none: BusinessCalendars = new Map();
    expect(add('2026-10-01 10:00', H, none)).toBe('2026-10-01 11:00');
    expect(add('2026-03-06 17:30', H, none)).toBe('2026-03-09 09:30');
  });

  it('calendarForYear returns the file, or a fallback from the nearest year that says so', () => {
    expect(calendarForYear(2026, cn)).toBe(cn.get(2026));
    const fallback = calendarForYear(2027, cn);
    expect(fallback).toMatchObject({
      year: 2027,
      timezone: 'Asia/Shanghai',
      weekend: [6, 0],
      holidays: [],
      workdays: [],
      workHours: cn.get(2026)!.workHours,
    });
    expect(fallback.source).toMatch(/fallback: no calendar for 2027; weekends and work hours of 2026/);
    const two = new Map([
      [2024, calendar({ year: 2024, workHours: [{ start: '08:00', end: '16:00' }] })],
      [2028, calendar({ year: 2028, workHours: [{ start: '10:00', end: '19:00' }] })],
    ]);
    expect(calendarForYear(2026, two).workHours).toEqual([{ start: '08:00', end: '16:00' }]); // tie → earlier
    expect(calendarForYear(2027, two).workHours).toEqual([{ start: '10:00', end: '19:00' }]);
    expect(calendarForYear(2027, new Map()).source).toMatch(/standard week/);
  });
});

describe('businessTimeBetween', () => {
  it('counts working time between instants, for countdowns', () => {
    expect(between('2026-03-06 17:00', '2026-03-09 10:00')).toBe(2 * H); // Fri → Mon
    expect(between('2026-03-05 11:00', '2026-03-05 14:00')).toBe(1.5 * H); // over lunch
    expect(between('2026-03-05 12:10', '2026-03-05 12:50')).toBe(0); // inside lunch
    expect(between('2026-09-30 17:00', '2026-10-08 10:00')).toBe(2 * H);
    expect(between('2026-02-14 09:00', '2026-02-24 09:00')).toBe(7.5 * H); // only Saturday Feb 14 worked
    expect(between('2026-12-31 17:00', '2027-01-01 10:00')).toBe(2 * H);
    expect(between('2026-12-31 17:00', '2027-01-04 10:00', with2027)).toBe(2 * H);
  });

  it('is negative when the deadline has passed (overdue by that much working time)', () => {
    expect(between('2026-03-09 10:00', '2026-03-06 17:00')).toBe(-2 * H);
    expect(Object.is(between('2026-03-07 12:00', '2026-03-07 10:00'), 0)).toBe(true); // +0, not -0
  });
});

describe('addDuration / durationBetween', () => {
  it('adds wall-clock or working time', () => {
    const fri = sh('2026-03-06 17:30');
    expect(local(addDuration(fri, 48 * H, 'wall', cn))).toBe('2026-03-08 17:30');
    // Fri 0.5 h, Mon 9–Fri 13 → 38 h, Mon 16 → 45.5 h, Tue 17 09:00 + 2.5 h
    expect(local(addDuration(fri, 48 * H, 'business', cn))).toBe('2026-03-17 11:30');
    expect(durationBetween(fri, sh('2026-03-09 09:30'), 'wall', cn)).toBe(64 * H);
    expect(durationBetween(fri, sh('2026-03-09 09:30'), 'business', cn)).toBe(H);
    expect(durationBetween(sh('2026-03-09 09:30'), fri, 'wall', cn)).toBe(-64 * H);
    expect(() => addDuration(fri, -1, 'wall', cn)).toThrow(RangeError);
  });
});

/** mulberry32: a small seeded generator, so failures reproduce. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An independent reference for the China 2026 calendar (+ fallback years): the holiday and
 * make-up lists typed again from the State Council notice, stepped minute by minute.
 */
const ref = (() => {
  const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
  const span = (from: string, to: string) => {
    const out: number[] = [];
    for (let n = dayNo(from); n <= dayNo(to); n++) out.push(n);
    return out;
  };
  const off = new Set(
    [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ].flatMap(([a, b]) => span(a, b)),
  );
  const on = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].map(dayNo));
  const workingMinute = (t: number) => {
    const localMs = t + 8 * H;
    const day = Math.floor(localMs / DAY);
    const dow = new Date(day * DAY).getUTCDay();
    const workingDay = on.has(day) || (!off.has(day) && dow !== 0 && dow !== 6);
    const m = Math.floor((localMs - day * DAY) / MIN);
    return workingDay && ((m >= 540 && m < 720) || (m >= 810 && m < 1080));
  };
  return {
    add(start: number, minutes: number): number {
      let t = start;
      if (minutes === 0) {
        while (!workingMinute(t)) t += MIN;
        return t;
      }
      let left = minutes;
      for (; left > 0; t += MIN) if (workingMinute(t)) left--;
      return t;
    },
    between(a: number, b: number): number {
      let n = 0;
      for (let t = a; t < b; t += MIN) if (workingMinute(t)) n++;
      return n * MIN;
    },
  };
})();

describe('properties over random instants (seeded)', () => {
  const from = Date.parse('2025-12-01T00:00:00+08:00');
  const to = Date.parse('2027-02-01T00:00:00+08:00');

  it('agrees with a minute-by-minute reference on minute-aligned starts and durations', () => {
    const rnd = seeded(20260930);
    for (let i = 0; i < 150; i++) {
      const start = from + Math.floor((rnd() * (to - from)) / MIN) * MIN;
      const minutes = i % 10 === 0 ? 0 : Math.floor(rnd() * 3 * 450); // up to 3 working days
      const got = addBusinessTime(new Date(start), minutes * MIN, cn).getTime();
      expect(local(new Date(got)), `${local(new Date(start))} + ${minutes} min`).toBe(
        local(new Date(ref.add(start, minutes))),
      );
      const b = start + Math.floor((rnd() * 6 * DAY) / MIN) * MIN;
      expect(
        businessTimeBetween(new Date(start), new Date(b), cn),
        `${local(new Date(start))} → ${local(new Date(b))}`,
      ).toBe(ref.between(start, b));
    }
  });

  it('round trip: businessTimeBetween(s, addBusinessTime(s, d)) = d, and back to any working instant', () => {
    const rnd = seeded(48);
    for (let i = 0; i < 2000; i++) {
      const s = new Date(from + Math.floor(rnd() * (to - from)));
      const d = i % 50 === 0 ? 0 : Math.floor(rnd() * 200 * H);
      const end = addBusinessTime(s, d, cn);
      const label = `${local(s)} + ${d} ms → ${local(end)}`;
      expect(end.getTime(), label).toBeGreaterThanOrEqual(s.getTime());
      expect(businessTimeBetween(s, end, cn), label).toBe(d);
      if (d > 0) expect(isWorkingTime(new Date(end.getTime() - 1), cn), label).toBe(true);
      // from s to any later working instant b and back: addBusinessTime(s, between(s, b)) = b
      const b = new Date(s.getTime() + Math.floor(rnd() * 20 * DAY));
      if (isWorkingTime(b, cn)) {
        expect(addBusinessTime(s, businessTimeBetween(s, b, cn), cn).getTime(), `${local(s)} → ${local(b)}`).toBe(
          b.getTime(),
        );
      }
    }
  });

  it('is additive and monotonic', () => {
    const rnd = seeded(7);
    for (let i = 0; i < 500; i++) {
      const pick = () => new Date(from + Math.floor(rnd() * (to - from)));
      const [a, b, c] = [pick(), pick(), pick()];
      expect(businessTimeBetween(a, b, cn) + businessTimeBetween(b, c, cn)).toBe(businessTimeBetween(a, c, cn));
      expect(businessTimeBetween(a, b, cn)).toBe(-businessTimeBetween(b, a, cn) || 0);
      const d1 = Math.floor(rnd() * 50 * H);
      const d2 = 1 + Math.floor(rnd() * 50 * H);
      const once = addBusinessTime(a, d1 + d2, cn).getTime();
      expect(addBusinessTime(addBusinessTime(a, d1, cn), d2, cn).getTime()).toBe(once);
      expect(addBusinessTime(a, d1, cn).getTime()).toBeLessThan(once);
    }
  });
});
