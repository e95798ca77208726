import { describe, expect, it } from 'vitest';
import { parseReportPeriod } from './report-period.js';

const now = new Date('2026-05-10T08:00:00Z');

describe('report period (from, to)', () => {
  it('a date alone is the whole UTC day, both ends included', () => {
    const r = parseReportPeriod({ from: '2026-03-01', to: '2026-03-31' }, now);
    expect(r.errors).toEqual([]);
    expect(r.period).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-31T23:59:59.999Z'),
      until: new Date('2026-04-01T00:00:00Z'),
    });
    const oneDay = parseReportPeriod({ from: '2026-03-01', to: '2026-03-01' }, now);
    expect(oneDay.period?.until).toEqual(new Date('2026-03-02T00:00:00Z'));
  });

  it('a time is taken as given (with its zone); the end instant is included', () => {
    const r = parseReportPeriod({ from: '2026-03-01T08:00:00+08:00', to: '2026-03-02T00:00:00Z' }, now);
    expect(r.period?.from).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(r.period?.until).toEqual(new Date('2026-03-02T00:00:00.001Z'));
  });

  it('defaults: from the epoch, to now', () => {
    const r = parseReportPeriod({}, now);
    expect(r.period?.from).toEqual(new Date(0));
    expect(r.period?.to).toEqual(now);
  });

  it('from after to → an error naming from; bad dates name their field', () => {
    expect(parseReportPeriod({ from: '2026-04-01', to: '2026-03-31' }, now).errors).toEqual([
      { field: 'query.from', message: expect.stringContaining('after to'), messageZh: '不能晚于 to（2026-03-31）' },
    ]);
    expect(parseReportPeriod({ from: '2026-06-01' }, now).errors[0].field).toBe('query.from');
    expect(parseReportPeriod({ from: '2026-02-30' }, now).errors[0]).toMatchObject({ field: 'query.from' });
    expect(parseReportPeriod({ to: 'yesterday' }, now).errors[0]).toMatchObject({ field: 'query.to' });
    expect(parseReportPeriod({ to: '2026-03-01T10:00:00' }, now).errors[0]).toMatchObject({ field: 'query.to' });
    for (const from of ['0001-01-01', '1969-12-31', '0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z']) {
      expect(parseReportPeriod({ from }, now).errors).toEqual([
        { field: 'query.from', message: 'must be between 1970 and 9999', messageZh: '须在 1970 到 9999 年之间' },
      ]);
    }
    expect(parseReportPeriod({ from: '1970-01-01', to: '9999-12-31' }, now).period).toEqual({
      from: new Date(0),
      to: new Date('9999-12-31T23:59:59.999Z'),
      until: new Date('9999-12-31T23:59:59.999Z'),
    });
    const both = parseReportPeriod({ from: 'x', to: 'y' }, now).errors.map((e) => e.field);
    expect(both).toEqual(['query.from', 'query.to']);
  });
});
