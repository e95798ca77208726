/**
 * The period a report covers (`from`, `to` of GET /reports/*). A date alone means the whole day
 * (UTC): `from=2026-03-01&to=2026-03-31` is March, both ends included. A time is taken as given.
 * Internally the period is half-open, [from, until), so a day's last millisecond is in it and the
 * next day's first is not. Without `from` the report starts at the epoch (all of history); without
 * `to` it ends now.
 */
import type { FieldError, FieldWords } from '../errors.js';

export interface ReportPeriod {
  from: Date;
  /** The last instant included, as the caller reads it back. */
  to: Date;
  /** The first instant after the period: queries use `at < until`. */
  until: Date;
}

const DAY_MS = 86_400_000;
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
// An ISO-8601 time with a zone (Z or ±hh:mm); seconds and fractions optional.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

type Parsed = { start: Date; dayOnly: boolean } | { error: FieldWords };

const FIRST = Date.UTC(1970, 0, 1);
const LAST = Date.UTC(10000, 0, 1);
const LAST_INSTANT = LAST - 1;
const outOfRange: FieldWords = { message: 'must be between 1970 and 9999', messageZh: '须在 1970 到 9999 年之间' };

function parseMoment(text: string): Parsed {
  const parsed = parseText(text);
  if ('error' in parsed) return parsed;
  const t = parsed.start.getTime();
  return t < FIRST || t >= LAST ? { error: outOfRange } : parsed;
}

function parseText(text: string): Parsed {
  const day = dateOnly.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (y < 1970) return { error: outOfRange };
    const start = new Date(Date.UTC(y, m - 1, d));
    if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1 || start.getUTCDate() !== d) {
      return { error: { message: `${text} is not a calendar date`, messageZh: `${text} 不是真实存在的日期` } };
    }
    return { start, dayOnly: true };
  }
  if (dateTime.test(text)) {
    const start = new Date(text);
    if (!Number.isNaN(start.getTime())) return { start, dayOnly: false };
  }
  return {
    error: {
      message: 'must be a date (2026-03-31) or an ISO-8601 time with a zone (2026-03-31T16:00:00Z)',
      messageZh: '须为日期（2026-03-31）或带时区的 ISO-8601 时间（2026-03-31T16:00:00Z）',
    },
  };
}

/** The period, or the field errors (`query.from`, `query.to`) naming what is wrong. */
export function parseReportPeriod(
  input: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { period: ReportPeriod; errors: [] } | { period: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let from = new Date(0);
  let until = new Date(now.getTime() + 1);
  if (input.from !== undefined) {
    const p = parseMoment(input.from);
    if ('error' in p) errors.push({ field: 'query.from', ...p.error });
    else from = p.start;
  }
  if (input.to !== undefined) {
    const p = parseMoment(input.to);
    if ('error' in p) errors.push({ field: 'query.to', ...p.error });
    else until = new Date(p.start.getTime() + (p.dayOnly ? DAY_MS : 1));
  }
  if (errors.length === 0 && from.getTime() >= until.getTime()) {
    errors.push({
      field: 'query.from',
      message: `must not be after to (${input.to ?? 'now'})`,
      messageZh: `不能晚于 to（${input.to ?? '现在'}）`,
    });
  }
  if (errors.length > 0) return { period: null, errors };
  // Through 9999-12-31 ends at the last millisecond of year 9999: a date the databases still take.
  if (until.getTime() > LAST_INSTANT)
    return { period: { from, to: new Date(LAST_INSTANT), until: new Date(LAST_INSTANT) }, errors: [] };
  return { period: { from, to: new Date(until.getTime() - 1), until }, errors: [] };
}
