import { describe, expect, it } from 'vitest';
import { isTimeZone, localDay, localMinuteOfDay, nextLocalMinute, parseClockTime } from './local-time.js';

describe('local time (claim days, quiet hours)', () => {
  it('finds the Shanghai day around an instant', () => {
    expect(localDay(new Date('2026-03-02T01:00:00Z'), 'Asia/Shanghai')).toEqual({
      start: new Date('2026-03-01T16:00:00Z'),
      end: new Date('2026-03-02T16:00:00Z'),
    });
    // 23:59 and 00:00 Shanghai fall on different days.
    expect(localDay(new Date('2026-03-02T15:59:00Z'), 'Asia/Shanghai').end).toEqual(new Date('2026-03-02T16:00:00Z'));
    expect(localDay(new Date('2026-03-02T16:00:00Z'), 'Asia/Shanghai').start).toEqual(new Date('2026-03-02T16:00:00Z'));
    // Month and year ends.
    expect(localDay(new Date('2026-12-31T17:00:00Z'), 'Asia/Shanghai').start).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('handles a zone with daylight saving: a 23-hour day', () => {
    const day = localDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(day.start).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(day.end).toEqual(new Date('2026-03-29T22:00:00Z'));
  });

  it('reads the local clock and finds the next time it shows HH:MM', () => {
    expect(localMinuteOfDay(new Date('2026-05-12T13:00:00Z'), 'Asia/Shanghai')).toBe(21 * 60);
    expect(nextLocalMinute(new Date('2026-05-12T13:00:00Z'), 'Asia/Shanghai', 8 * 60)).toEqual(
      new Date('2026-05-13T00:00:00Z'),
    );
    expect(nextLocalMinute(new Date('2026-05-12T23:00:00Z'), 'Asia/Shanghai', 8 * 60)).toEqual(
      new Date('2026-05-13T00:00:00Z'),
    );
    expect(nextLocalMinute(new Date('2026-05-13T00:00:00Z'), 'Asia/Shanghai', 8 * 60)).toEqual(
      new Date('2026-05-14T00:00:00Z'),
    );
  });

  it('parses HH:MM and knows IANA zones', () => {
    expect(parseClockTime('21:00')).toBe(1260);
    expect(parseClockTime('08:05')).toBe(485);
    for (const bad of ['24:00', '8:00', '21:60', '2100', '']) expect(parseClockTime(bad)).toBeUndefined();
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
