/**
 * The period of GET /reports/incentives: a month (2026-03, monthly behaviour awards), a quarter
 * (2026-Q1, the quarterly bonus) or a year (2026, the annual revenue share), as the first and last
 * day (UTC) the SDR report is read over.
 */
import type { FieldError } from '../errors.js';

export type IncentivePeriod =
  | { kind: 'month'; label: string; from: string; to: string }
  | { kind: 'quarter'; label: string; from: string; to: string }
  | { kind: 'year'; label: string; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1–12

export function parseIncentivePeriod(text: string): { period: IncentivePeriod } | { error: FieldError } {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  const quarter = /^(\d{4})-Q(\d)$/.exec(text);
  const whole = /^(\d{4})$/.exec(text);
  const year = Number((month ?? quarter ?? whole)?.[1]);
  if (month || quarter || whole) {
    if (year < 1970)
      return {
        error: {
          field: 'query.period',
          message: 'must be between 1970 and 9999',
          messageZh: '须在 1970 到 9999 年之间',
        },
      };
  }
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12)
      return {
        error: { field: 'query.period', message: `${text}: month must be 01–12`, messageZh: `${text}：月份须为 01–12` },
      };
    return {
      period: { kind: 'month', label: text, from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m)}-${lastDay(year, m)}` },
    };
  }
  if (quarter) {
    const q = Number(quarter[2]);
    if (q < 1 || q > 4)
      return {
        error: {
          field: 'query.period',
          message: `${text}: quarter must be Q1–Q4`,
          messageZh: `${text}：季度须为 Q1–Q4`,
        },
      };
    const first = 3 * q - 2;
    const last = 3 * q;
    return {
      period: {
        kind: 'quarter',
        label: text,
        from: `${year}-${pad(first)}-01`,
        to: `${year}-${pad(last)}-${lastDay(year, last)}`,
      },
    };
  }
  if (whole) return { period: { kind: 'year', label: text, from: `${year}-01-01`, to: `${year}-12-31` } };
  return {
    error: {
      field: 'query.period',
      message: 'must be a month (2026-03), a quarter (2026-Q1) or a year (2026)',
      messageZh: '须为月份（2026-03）、季度（2026-Q1）或年份（2026）',
    },
  };
}
