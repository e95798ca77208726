/**
 * Small formatting helpers for routing explanations (Chinese first, English key words), shared
 * so every line reads the same: rep names, numbers, credit and dates.
 */
import { regionByCode } from '../normalise/region.js';
import type { RegionName, RepCandidate } from './routing-types.js';

/** 10.3333 → "10.33", 10 → "10". */
export const num = (n: number): string => String(Number(n.toFixed(2)));

/** 1/3 → "1/3" (the default partial credit reads as a fraction), 1 → "1", 0.5 → "0.5". */
export function formatCredit(credit: number): string {
  const thirds = credit * 3;
  if (!Number.isInteger(credit) && Math.abs(thirds - Math.round(thirds)) < 1e-9) return `${Math.round(thirds)}/3`;
  return num(credit);
}

const formattedTimes = new Map<number, string>();

/** "2026-03-02 09:00 UTC" — explanations are stored, so they name absolute times. */
export function formatTime(at: Date): string {
  const ms = at.getTime();
  let text = formattedTimes.get(ms);
  if (text === undefined) {
    text = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    // Suspensions and activity dates repeat; a stream of distinct ones must not grow this.
    if (formattedTimes.size >= 1_000) formattedTimes.clear();
    formattedTimes.set(ms, text);
  }
  return text;
}

export const repLabel = (rep: Pick<RepCandidate, 'name' | 'id'> | undefined, id: string): string =>
  rep?.name?.trim() ? rep.name : id;

/** "上海市 (31)", or the code alone when the taxonomy does not know it. */
export function regionLabel(code: string): string {
  const region = regionByCode(code);
  return region ? `${region.name} (${code})` : code;
}

const regionNames = new Map<string, RegionName>();

/** The region in both languages for a line's params: {code, zh: "上海市", en: "Shanghai"}, the code when unknown. */
export function regionName(code: string): RegionName {
  let name = regionNames.get(code);
  if (name === undefined) {
    const region = regionByCode(code);
    name = Object.freeze({ code, zh: region?.name ?? code, en: region?.nameEn ?? code });
    if (regionNames.size >= 5_000) regionNames.clear();
    regionNames.set(code, name);
  }
  return name;
}
