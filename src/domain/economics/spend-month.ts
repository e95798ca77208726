/**
 * Spend is entered per calendar month, written yyyy-mm. A report period covers every month it
 * overlaps (UTC, as report periods are read): the whole month's spend counts even when the
 * period holds only part of it (spend is not prorated by day).
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isSpendMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && Number(m[1]) >= 1970;
}

export const monthOf = (at: Date): string =>
  `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;

/** The first and last month a half-open period [from, until) overlaps. */
export function monthsOverlapping(period: { from: Date; until: Date }): { first: string; last: string } {
  return { first: monthOf(period.from), last: monthOf(new Date(period.until.getTime() - 1)) };
}
