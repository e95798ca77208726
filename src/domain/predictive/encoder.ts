/**
 * Turns a lead's raw feature values into the columns the model weighs (issue 9): categories
 * one-hot with rare levels pooled into "other", numbers in quantile bins, yes/no as a `yes`
 * column, and missing values as a column of their own, because a blank often says something.
 * Every column is a 0/1 indicator, so each weight reads as "leads with this term" and the
 * service can put it in words from its Term. The spec is plain JSON (stored with the model).
 */
import type { FeatureValue, FeatureValues, SparseRow } from './examples.js';
import { isMissing, readLevel, readNumber, readYesNo } from './feature-values.js';

/** Columns: one per level, then `other`, then `missing`. */
export interface CategoricalEncoding {
  feature: string;
  type: 'categorical';
  offset: number;
  levels: string[];
}
/** Columns: bin 0 (≤ cuts[0]), bin k (cuts[k-1] < v ≤ cuts[k]), last bin (> last cut), then `missing`. */
export interface NumericEncoding {
  feature: string;
  type: 'numeric';
  offset: number;
  cuts: number[];
}
/** Columns: `yes`, then `missing` ("no" is the reference and has no column). */
export interface YesNoEncoding {
  feature: string;
  type: 'yesno';
  offset: number;
}
export type FeatureEncoding = CategoricalEncoding | NumericEncoding | YesNoEncoding;

export interface EncoderSpec {
  dims: number;
  features: FeatureEncoding[];
}

/** What one column means; a bin covers low < value ≤ high (null: unbounded). */
export type Term =
  | { feature: string; kind: 'level'; level: string }
  | { feature: string; kind: 'other' }
  | { feature: string; kind: 'missing' }
  | { feature: string; kind: 'bin'; low: number | null; high: number | null }
  | { feature: string; kind: 'yes' };

export interface EncoderOptions {
  /** Levels seen fewer times pool into "other"; default max(10, 0.5% of the examples). */
  minLevelCount?: number;
  /** At most this many levels get a column of their own (the most frequent); default 40. */
  maxLevels?: number;
  /** At most this many quantile bins per number; default 5. */
  maxBins?: number;
  /** Features left out (e.g. those the leakage screen caught). */
  exclude?: Iterable<string>;
}

export function fitEncoder(examples: readonly { values: FeatureValues }[], options: EncoderOptions = {}): EncoderSpec {
  const minLevelCount = options.minLevelCount ?? Math.max(10, Math.ceil(examples.length * 0.005));
  const excluded = new Set(options.exclude ?? []);
  // one pass over the examples, gathering each feature's present values
  const presentValues = new Map<string, Exclude<FeatureValue, null | undefined>[]>();
  for (const { values } of examples) {
    for (const name of Object.keys(values)) {
      if (excluded.has(name)) continue;
      let present = presentValues.get(name);
      if (present === undefined) {
        present = [];
        presentValues.set(name, present);
      }
      const value = values[name];
      if (!isMissing(value)) present.push(value);
    }
  }

  const features: FeatureEncoding[] = [];
  let dims = 0;
  for (const feature of [...presentValues.keys()].sort()) {
    const present = presentValues.get(feature) ?? [];
    const hasMissing = present.length < examples.length;
    const encoding = fitFeature(feature, dims, present, hasMissing, {
      minLevelCount,
      maxLevels: options.maxLevels ?? 40,
      maxBins: options.maxBins ?? 5,
    });
    if (encoding === undefined) continue;
    features.push(encoding);
    dims += width(encoding);
  }
  return { dims, features };
}

function fitFeature(
  feature: string,
  offset: number,
  present: Exclude<FeatureValue, null | undefined>[],
  hasMissing: boolean,
  limits: { minLevelCount: number; maxLevels: number; maxBins: number },
): FeatureEncoding | undefined {
  if (present.length === 0) return undefined;
  const missingStates = hasMissing ? 1 : 0;

  if (present.every((value) => readYesNo(value) !== undefined)) {
    const states = new Set(present.map(readYesNo)).size + missingStates;
    return states >= 2 ? { feature, type: 'yesno', offset } : undefined;
  }

  if (present.every((value) => readNumber(value) !== undefined)) {
    const cuts = quantileCuts(present.map(readNumber) as number[], limits.maxBins);
    return cuts.length + 1 + missingStates >= 2 ? { feature, type: 'numeric', offset, cuts } : undefined;
  }

  const counts = new Map<string, number>();
  for (const value of present) {
    const level = readLevel(value);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const levels = [...counts]
    .filter(([, count]) => count >= limits.minLevelCount)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limits.maxLevels)
    .map(([level]) => level);
  const pooled = levels.length < counts.size ? 1 : 0;
  return levels.length + pooled + missingStates >= 2 ? { feature, type: 'categorical', offset, levels } : undefined;
}

/** Upper edges of up to `bins` equal-count bins, de-duplicated; none at or above the maximum. */
function quantileCuts(numbers: number[], bins: number): number[] {
  const sorted = Float64Array.from(numbers).sort();
  const max = sorted[sorted.length - 1];
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.max(0, Math.ceil((k / bins) * sorted.length) - 1)];
    if (edge < max && (cuts.length === 0 || edge > cuts[cuts.length - 1])) cuts.push(edge);
  }
  return cuts;
}

/** How many columns a feature takes. */
export function width(encoding: FeatureEncoding): number {
  switch (encoding.type) {
    case 'categorical':
      return encoding.levels.length + 2;
    case 'numeric':
      return encoding.cuts.length + 2;
    case 'yesno':
      return 2;
  }
}

/** Reads one feature's raw value into its column: -1 for none (a "no" answer). */
export interface ColumnReader {
  feature: string;
  column(value: FeatureValue): number;
}

export function columnReader(encoding: FeatureEncoding): ColumnReader {
  const { feature, offset } = encoding;
  switch (encoding.type) {
    case 'categorical': {
      const columns = new Map(encoding.levels.map((level, i) => [level, offset + i]));
      const other = offset + encoding.levels.length;
      return { feature, column: (value) => (isMissing(value) ? other + 1 : (columns.get(readLevel(value)) ?? other)) };
    }
    case 'numeric': {
      const { cuts } = encoding;
      return {
        feature,
        column: (value) => {
          const n = readNumber(value);
          if (n === undefined) return offset + cuts.length + 1;
          let bin = 0;
          while (bin < cuts.length && n > cuts[bin]) bin++;
          return offset + bin;
        },
      };
    }
    case 'yesno':
      return {
        feature,
        column: (value) => {
          const answer = readYesNo(value);
          return answer === undefined ? offset + 1 : answer ? offset : -1;
        },
      };
  }
}

const readerCache = new WeakMap<EncoderSpec, ColumnReader[]>();

/** The spec's readers, built once per spec object: the hot path of encoding and scoring. */
export function columnReaders(spec: EncoderSpec): ColumnReader[] {
  let readers = readerCache.get(spec);
  if (readers === undefined) {
    readers = spec.features.map(columnReader);
    readerCache.set(spec, readers);
  }
  return readers;
}

/** The lead's active columns (every value 1). */
export function encode(spec: EncoderSpec, values: FeatureValues): SparseRow & { indices: number[] } {
  const indices: number[] = [];
  for (const reader of columnReaders(spec)) {
    const column = reader.column(values[reader.feature]);
    if (column >= 0) indices.push(column);
  }
  return { indices };
}

export function describeTerm(spec: EncoderSpec, column: number): Term {
  const encoding = spec.features.find((e) => column >= e.offset && column < e.offset + width(e));
  if (encoding === undefined) throw new RangeError(`column ${column} is outside the encoder's ${spec.dims} columns`);
  const { feature } = encoding;
  const at = column - encoding.offset;
  switch (encoding.type) {
    case 'categorical':
      if (at < encoding.levels.length) return { feature, kind: 'level', level: encoding.levels[at] };
      return at === encoding.levels.length ? { feature, kind: 'other' } : { feature, kind: 'missing' };
    case 'numeric': {
      const { cuts } = encoding;
      if (at > cuts.length) return { feature, kind: 'missing' };
      return { feature, kind: 'bin', low: at === 0 ? null : cuts[at - 1], high: at === cuts.length ? null : cuts[at] };
    }
    case 'yesno':
      return at === 0 ? { feature, kind: 'yes' } : { feature, kind: 'missing' };
  }
}
