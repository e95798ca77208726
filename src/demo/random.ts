/**
 * The draws the demo generator needs, on the model's seeded PRNG (mulberry32), so one seed always
 * gives the same workspace. Never Math.random() in src/demo/.
 */
import { SeededRandom } from '../domain/predictive/seeded-random.js';

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random extends SeededRandom {
  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: Weighted<T>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A child generator for an independent stream (keeps one part's draws from shifting another's). */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }
}
