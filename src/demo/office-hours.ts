/**
 * Demo times fall in Beijing office hours (09:00–18:30, Monday to Friday, UTC+8): a call the
 * SDR "made" at 03:00 or on a Sunday would look wrong on a timeline and break quiet hours.
 */
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
const OPEN = 9 * HOUR;
const CLOSE = 18 * HOUR + 30 * MINUTE;

/** Is `at` within office hours on a weekday, Beijing time? */
export function isOfficeTime(at: Date): boolean {
  const local = at.getTime() + BEIJING;
  const day = Math.floor(local / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  const time = local - day;
  return weekday !== 0 && weekday !== 6 && time >= OPEN && time < CLOSE;
}

/** `count` moments spread evenly over the office time in [from, to]; evenly over all of it when none is office time. */
export function spreadOverOfficeTime(from: Date, to: Date, count: number): Date[] {
  const step = 10 * MINUTE;
  const all: number[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += step) all.push(t);
  const office = all.filter((t) => isOfficeTime(new Date(t)));
  const slots = office.length >= count ? office : all;
  return Array.from({ length: count }, (_, i) => new Date(slots[Math.floor((i * slots.length) / Math.max(1, count))]));
}

/** The first office moment at or after `at`: later that day, or the next weekday from 09:00 (+ a few minutes). */
export function inOfficeHours(at: Date, random: Random): Date {
  let local = at.getTime() + BEIJING;
  for (let i = 0; i < 8; i++) {
    if (isOfficeTime(new Date(local - BEIJING))) break;
    const day = Math.floor(local / DAY) * DAY;
    const weekday = new Date(day).getUTCDay(); // 0 Sunday … 6 Saturday
    const time = local - day;
    if (weekday !== 0 && weekday !== 6 && time < OPEN) local = day + OPEN + random.int(0, 50) * MINUTE;
    else local = day + DAY + OPEN + random.int(0, 50) * MINUTE;
  }
  return new Date(local - BEIJING);
}

/** `at` plus a random span of whole minutes in [minMinutes, maxMinutes], moved into office hours. */
export function officeAfter(at: Date, minMinutes: number, maxMinutes: number, random: Random): Date {
  return inOfficeHours(new Date(at.getTime() + random.int(minMinutes, maxMinutes) * MINUTE), random);
}
