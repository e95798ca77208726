/**
 * Finds features that give the outcome away (issue 9: "a column only known after the outcome,
 * e.g. a field filled by the closing rep, is left out"). A feature that on its own ranks
 * leads almost perfectly (out-of-sample AUC ≥ 0.95 either way) was almost certainly written
 * after the outcome. Each feature is scored by the positive rate of its level/bin (missing is
 * a level) learned on the other folds of the training part: out of fold, so an id-like column
 * cannot score by memorising, and without looking at the test set.
 */
import { columnReader, fitEncoder, width } from './encoder.js';
import type { Example } from './examples.js';
import { rocAuc } from './metrics.js';
import type { ExcludedFeature } from './model.js';
import { SeededRandom } from './seeded-random.js';

export const LEAKAGE_REASON =
  'predicts the outcome almost perfectly on its own: most likely filled in after the outcome';

export function screenLeakage(
  examples: readonly Example[],
  options: { seed?: number; threshold?: number; folds?: number } = {},
): ExcludedFeature[] {
  const threshold = options.threshold ?? 0.95;
  const folds = options.folds ?? 5;
  const random = new SeededRandom(options.seed ?? 1);
  const fold = new Uint8Array(examples.length);
  random.shuffle(Array.from(examples, (_, i) => i)).forEach((example, position) => {
    fold[example] = position % folds;
  });
  const labels = examples.map((e) => e.label);
  const baseRate = labels.reduce<number>((sum, y) => sum + y, 0) / Math.max(1, examples.length);

  const excluded: ExcludedFeature[] = [];
  for (const encoding of fitEncoder(examples).features) {
    // slot = the feature's column, relative to its offset; the last slot is "no column" (a "no" answer)
    const slots = width(encoding) + 1;
    const reader = columnReader(encoding);
    const slot = examples.map((e) => {
      const column = reader.column(e.values[encoding.feature]);
      return column < 0 ? slots - 1 : column - encoding.offset;
    });
    const total = new Float64Array(slots * (folds + 1));
    const positive = new Float64Array(slots * (folds + 1));
    slot.forEach((s, i) => {
      const all = s * (folds + 1) + folds;
      const own = s * (folds + 1) + fold[i];
      total[all]++;
      total[own]++;
      positive[all] += labels[i];
      positive[own] += labels[i];
    });
    const scores = slot.map((s, i) => {
      const all = s * (folds + 1) + folds;
      const own = s * (folds + 1) + fold[i];
      return (positive[all] - positive[own] + baseRate) / (total[all] - total[own] + 1);
    });
    const auc = rocAuc(scores, labels);
    const strength = Math.max(auc, 1 - auc);
    if (strength >= threshold) excluded.push({ feature: encoding.feature, auc: strength, reason: LEAKAGE_REASON });
  }
  return excluded;
}
