/**
 * The time-based hold-out of issue 9: the newest leads (by capture date) are the test set,
 * because a model is used on leads that come after the ones it learned from. Leads captured
 * at the same moment as the boundary are split at random (seeded), stratified by label, so
 * history with a single capture date (an import) still gets a fair test set.
 */
import type { Example } from './examples.js';
import { SeededRandom } from './seeded-random.js';

export interface HoldoutSplit<T> {
  train: T[];
  test: T[];
}

export function holdoutSplit<T extends Pick<Example, 'capturedAt' | 'label'>>(
  examples: readonly T[],
  options: { testFraction?: number; seed?: number } = {},
): HoldoutSplit<T> {
  const testSize = Math.round(examples.length * (options.testFraction ?? 0.3));
  const random = new SeededRandom(options.seed ?? 1);
  const byTime = [...examples].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  if (testSize === 0) return { train: byTime, test: [] };

  const boundary = byTime[byTime.length - testSize].capturedAt.getTime();
  const older = byTime.filter((e) => e.capturedAt.getTime() < boundary);
  const tied = byTime.filter((e) => e.capturedAt.getTime() === boundary);
  const newer = byTime.filter((e) => e.capturedAt.getTime() > boundary);
  const fromTied = pickStratified(tied, testSize - newer.length, random);
  return { train: [...older, ...fromTied.rest], test: [...fromTied.picked, ...newer] };
}

/** `count` of `items` at random, positives and negatives in the group's proportion. */
function pickStratified<T extends Pick<Example, 'label'>>(items: T[], count: number, random: SeededRandom) {
  const positives = random.shuffle(items.filter((e) => e.label === 1));
  const negatives = random.shuffle(items.filter((e) => e.label === 0));
  const wantedPositives = Math.min(
    positives.length,
    Math.max(count - negatives.length, Math.round((count * positives.length) / items.length)),
  );
  const wantedNegatives = count - wantedPositives;
  return {
    picked: [...positives.slice(0, wantedPositives), ...negatives.slice(0, wantedNegatives)],
    rest: [...positives.slice(wantedPositives), ...negatives.slice(wantedNegatives)],
  };
}
