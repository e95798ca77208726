/**
 * The trained predictive model as it is stored (jsonb) and used: the encoder, the weights, the
 * calibration, and its honest evaluation on the newest leads it did not learn from.
 */
import type { EncoderSpec, Term } from './encoder.js';
import type { CalibrationBin } from './metrics.js';

export interface ModelMetrics {
  /** All labelled examples, and how many of them reached the target. */
  n: number;
  positives: number;
  trainN: number;
  testN: number;
  /** positives / n. */
  baseRate: number;
  /** On the test set; null when the test set lacks positives or negatives. */
  auc: number | null;
  brier: number;
  calibration: CalibrationBin[];
  /** null when the test set has no positives. */
  liftTopDecile: number | null;
}

/** A column the model weighs most: `weight` in log-odds, `effect` the change in probability for an otherwise average lead. */
export interface TopFeature {
  term: Term;
  weight: number;
  effect: number;
}

/** A raw feature left out because it gives the outcome away (known only after it). */
export interface ExcludedFeature {
  feature: string;
  /** Its out-of-sample AUC on its own, in its stronger direction. */
  auc: number;
  reason: string;
}

export interface PredictiveModel {
  version: 1;
  target?: string;
  encoder: EncoderSpec;
  intercept: number;
  coefficients: number[];
  /** Platt scaling: probability = sigmoid(a · logit + b); {a: 1, b: 0} when it did not help. */
  calibration: { a: number; b: number };
  l2: number;
  metrics: ModelMetrics;
  topFeatures: TopFeature[];
  excluded: ExcludedFeature[];
}

/** What scoring a lead needs of a model. */
export type Scorer = Pick<PredictiveModel, 'encoder' | 'intercept' | 'coefficients' | 'calibration'>;

export type TrainingResult =
  | {
      kind: 'not_enough';
      labelled: number;
      positives: number;
      needLabelled: number;
      needPositives: number;
      /** Leads that did not reach the target: a model needs both kinds. */
      needNegatives: number;
    }
  | { kind: 'trained'; model: PredictiveModel };
