/**
 * Employee counts as spreadsheets and Chinese CRM exports write them: "350", "1,200", "350人",
 * and bands — "100-499人", "100～499", "1000人以上", "500+". A band counts as its lower bound
 * (the size the company is at least); the text as written is kept by the caller.
 * Undefined when the text is no count at all ("很多").
 */
import { toHalfWidth } from '../normalise/width.js';

export function parseEmployeeCount(text: string): { count: number; band: boolean } | undefined {
  const t = toHalfWidth(text)
    .replace(/[,，\s]/g, '')
    .replace(/人$/, '');
  if (/^\d+$/.test(t)) return { count: Number(t), band: false };
  const range = /^(\d+)(?:-|~|～|—|–|至|到)(\d+)人?$/.exec(t);
  if (range && Number(range[1]) <= Number(range[2])) return { count: Number(range[1]), band: true };
  const atLeast = /^(\d+)人?(?:\+|以上|及以上|或以上)$/.exec(t) ?? /^(?:>|≥|大于|超过)(\d+)人?$/.exec(t);
  if (atLeast) return { count: Number(atLeast[1]), band: true };
  return undefined;
}
