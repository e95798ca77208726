/**
 * Scores a lead with a trained model (SPEC §4.3 predictive score) and says why: each active
 * term's effect is how much the probability would drop (or rise) without it. Scoring reads
 * the raw values straight into the weights, with no per-lead allocation, for bulk rescoring.
 */
import { columnReaders, describeTerm, type Term } from './encoder.js';
import type { FeatureValues } from './examples.js';
import { sigmoid } from './logistic.js';
import type { Scorer } from './model.js';

/** The calibrated probability that the lead reaches the model's target. */
export function predictProbability(model: Scorer, values: FeatureValues): number {
  const { coefficients } = model;
  let z = model.intercept;
  for (const reader of columnReaders(model.encoder)) {
    const column = reader.column(values[reader.feature]);
    if (column >= 0) z += coefficients[column];
  }
  return calibrated(model, z);
}

export interface Explanation {
  probability: number;
  /** The biggest |effect| first; effect = probability − probability without that term. */
  factors: { term: Term; effect: number }[];
}

export function explainPrediction(model: Scorer, values: FeatureValues, top = 5): Explanation {
  const { coefficients, encoder } = model;
  const columns: number[] = [];
  let z = model.intercept;
  for (const reader of columnReaders(encoder)) {
    const column = reader.column(values[reader.feature]);
    if (column < 0) continue;
    columns.push(column);
    z += coefficients[column];
  }
  const probability = calibrated(model, z);
  const factors = columns
    .map((column) => ({ column, effect: probability - calibrated(model, z - coefficients[column]) }))
    .filter(({ effect }) => effect !== 0)
    .sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect))
    .slice(0, top)
    .map(({ column, effect }) => ({ term: describeTerm(encoder, column), effect }));
  return { probability, factors };
}

function calibrated(model: Scorer, z: number): number {
  return sigmoid(model.calibration.a * z + model.calibration.b);
}
