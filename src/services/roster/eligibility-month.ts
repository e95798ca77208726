/**
 * Which month's eligibility list is in force at an instant (SPEC §5.2 step 4). Lists are set
 * per calendar month by sales ops in China, so the month is read in the Asia/Shanghai calendar
 * (UTC+8 all year, no daylight saving): 2026-03-31T16:30Z is already April in Shanghai, and the
 * April list applies from Shanghai midnight.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "yyyy-mm" of `at` in Asia/Shanghai. */
export function eligibilityMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}
