/**
 * Dates as people and Chinese CRMs write them in spreadsheets: ISO-8601 with a zone, or a date
 * (and time) without one — 2026-02-20, 2026/2/20 10:30, 2026年2月20日 — read in China time
 * (UTC+8), which is what such exports mean. Excel date cells reach us as yyyy-mm-dd or
 * yyyy-mm-ddTHH:mm:ss (see import-file/cell-text.ts) and are read the same way.
 */

const CHINA_OFFSET = '+08:00';
const LOCAL_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}(?:\.\d+)?))?\s*秒?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A calendar day (no time written: `day` is yyyy-mm-dd) or an instant; `at` is the instant (a day: its start in China). */
export type DateText = { day: string; at: Date } | { day: null; at: Date };

const pad = (n: number) => String(n).padStart(2, '0');

/** The date a cell means, or null when it is not a date we can read (2月30日 is not rolled over). */
export function parseDateText(text: string): DateText | null {
  const t = text.trim();
  if (WITH_ZONE.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : { day: null, at: new Date(ms) };
  }
  const m = LOCAL_TIME.exec(t);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number);
  const second = Math.floor(Number(m[6] ?? '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const ms = Date.parse(`${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${CHINA_OFFSET}`);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + 8 * 3_600_000);
  if (local.getUTCMonth() + 1 !== month || local.getUTCDate() !== day) return null;
  return m[4] === undefined ? { day: date, at: new Date(ms) } : { day: null, at: new Date(ms) };
}
