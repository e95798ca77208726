/**
 * The median of durations, as PostgreSQL's percentile_cont(0.5) computes it: the middle value, or
 * the two middle values interpolated (lo + (hi − lo) × ½). Found by selection, not by sorting
 * (a year's hours are hundreds of thousands of values); reorders `values` in place. Null when
 * there are none.
 */
export function medianOf(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const lower = (n - 1) >> 1;
  selectInPlace(values, lower);
  const lo = values[lower] as number;
  if (n % 2 === 1) return lo;
  let hi = values[lower + 1] as number;
  for (let i = lower + 2; i < n; i++) if ((values[i] as number) < hi) hi = values[i] as number;
  return lo + (hi - lo) * 0.5;
}

/**
 * Reorders `values` so that the k-th smallest is at index k, the smaller ones before it and the
 * larger ones after (quickselect, median-of-three pivots; a range that keeps splitting badly is
 * sorted instead, so it never degrades to quadratic time).
 */
function selectInPlace(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (right > left) {
    if (--rounds < 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const a = values[left] as number;
    const b = values[(left + right) >>> 1] as number;
    const c = values[right] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Several lists of values as one (a total over every slice). */
export function concatValues(lists: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all;
}
