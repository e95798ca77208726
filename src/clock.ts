/**
 * Time is injected: domain code and services ask a Clock, never Date.now(), so SLA rules can be
 * tested to the minute (LEADLOOP_CLOCK=manual, POST /admin/clock).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  #at: number;
  constructor(start: Date) {
    this.#at = start.getTime();
  }
  now(): Date {
    return new Date(this.#at);
  }
  set(at: Date): void {
    this.#at = at.getTime();
  }
  advance(ms: number): void {
    this.#at += ms;
  }
}

const spanUnits: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "49h", "3d", "15m", "1d12h" → milliseconds; undefined when the text is not a span. */
export function parseSpan(text: string): number | undefined {
  const parts = /^(?:\d+[smhdw])+$/.test(text) ? text.match(/\d+[smhdw]/g) : null;
  if (!parts) return undefined;
  return parts.reduce((ms, part) => ms + Number(part.slice(0, -1)) * (spanUnits[part.slice(-1)] ?? 0), 0);
}
