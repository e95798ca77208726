/**
 * How good a lead-scoring model is on leads it has not seen (issue 9 "honest evaluation"):
 * ranking (ROC AUC), accuracy of the probabilities (Brier score, calibration table) and what
 * working the best-scored leads first buys (lift in the top decile).
 */

/** The probability that a random positive scores above a random negative (ties count half); NaN without both. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedOrder(scores);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const rank = (start + end) / 2 + 1; // average rank of the tied run, 1-based
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared difference between the probability and the 0/1 outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / probabilities.length;
}

export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Share of the bin's leads that reached the target. */
  observed: number;
  n: number;
}

/** Equal-count bins by predicted probability, lowest first; empty bins are left out. */
export function calibrationTable(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const order = sortedOrder(probabilities);
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * order.length) / bins);
    const to = Math.floor(((b + 1) * order.length) / bins);
    if (to === from) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += probabilities[order[k]];
      observed += labels[order[k]];
    }
    table.push({ predicted: predicted / (to - from), observed: observed / (to - from), n: to - from });
  }
  return table;
}

/** Positive rate among the top 10% by probability ÷ the overall positive rate; NaN without positives. */
export function liftTopDecile(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = sortedOrder(probabilities);
  const top = Math.ceil(order.length / 10);
  let topPositives = 0;
  let positives = 0;
  for (let k = 0; k < order.length; k++) {
    positives += labels[order[k]];
    if (k >= order.length - top) topPositives += labels[order[k]];
  }
  return positives === 0 ? Number.NaN : topPositives / top / (positives / order.length);
}

function sortedOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[a] - scores[b] || a - b);
}
