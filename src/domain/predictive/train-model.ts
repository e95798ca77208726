/**
 * Trains the predictive lead score on a workspace's own history (SPEC §4.3, issue 9): data in,
 * model out. The newest 30% of leads are held out and never touched until the final,
 * honest evaluation of exactly the model that is stored; everything the training decides
 * (which features leak, the penalty, the calibration) is decided inside the older 70%. Too little history answers with how much
 * more is needed instead of a made-up number.
 */
import { describeTerm, type EncoderSpec, encode, fitEncoder } from './encoder.js';
import type { Example, SparseRow } from './examples.js';
import { holdoutSplit } from './holdout-split.js';
import { screenLeakage } from './leakage-screen.js';
import { fitLogistic, type LogisticFit, linearPredictor, logit, logLikelihood, sigmoid } from './logistic.js';
import { brierScore, calibrationTable, liftTopDecile, rocAuc } from './metrics.js';
import type { ModelMetrics, PredictiveModel, Scorer, TopFeature, TrainingResult } from './model.js';
import { predictProbability } from './predict.js';

export interface TrainOptions {
  seed?: number;
  /** Fewer labelled examples than this → not_enough; default 200. */
  minLabelled?: number;
  /** Fewer positives than this, or fewer negatives (nothing to tell them from) → not_enough; default 30. */
  minPositives?: number;
  /** Stored on the model (e.g. "sql"); the domain does not read it. */
  target?: string;
  /** Penalties tried; the one with the best validation log-loss wins. */
  l2Grid?: readonly number[];
}

const DEFAULT_L2_GRID = [100, 30, 10, 3, 1, 0.3];
const TOP_FEATURES = 15;
const PLATT_MIN_GAIN = 4.61;

export function trainModel(examples: readonly Example[], options: TrainOptions = {}): TrainingResult {
  const seed = options.seed ?? 1;
  const labelled = examples.length;
  const positives = examples.filter((e) => e.label === 1).length;
  const minLabelled = options.minLabelled ?? 200;
  const minPositives = options.minPositives ?? 30;
  const negatives = labelled - positives;
  if (labelled < minLabelled || positives < minPositives || negatives < minPositives) {
    return {
      kind: 'not_enough',
      labelled,
      positives,
      needLabelled: Math.max(0, minLabelled - labelled),
      needPositives: Math.max(0, minPositives - positives),
      needNegatives: Math.max(0, minPositives - negatives),
    };
  }

  const { train, test } = holdoutSplit(examples, { seed });
  const excluded = screenLeakage(train, { seed });
  const encoder = fitEncoder(train, { exclude: excluded.map((e) => e.feature) });

  // Penalty and calibration are chosen on the newest 20% of the training part.
  const inner = holdoutSplit(train, { testFraction: 0.2, seed: seed + 1 });
  const fitPart = encoded(encoder, inner.train);
  const validation = encoded(encoder, inner.test);
  let best: { l2: number; fit: LogisticFit; logits: number[]; loss: number } | undefined;
  let previous: LogisticFit | undefined;
  for (const l2 of options.l2Grid ?? DEFAULT_L2_GRID) {
    // 1e-9: only the validation losses are compared, far coarser than this
    const fit = fitLogistic(fitPart.rows, fitPart.labels, encoder.dims, { l2, start: previous, tolerance: 1e-9 });
    previous = fit;
    const logits = validation.rows.map((row) => linearPredictor(row, fit.intercept, fit.coefficients));
    const loss = -sum(logits.map((z, i) => logLikelihood(z, validation.labels[i])));
    if (best === undefined || loss < best.loss) best = { l2, fit, logits, loss };
  }
  if (best === undefined) throw new RangeError('l2Grid must not be empty');
  const calibration = plattScaling(best.logits, validation.labels, best.loss);

  // Platt scaling describes the weights it was fitted against; refitting on the whole training
  // part would move them (with a rising rate, the intercept would count the rise twice). So a
  // calibrated model keeps the weights fitted on the older 80%; an uncalibrated one is refitted
  // on the whole training part with the chosen penalty.
  let weights = best.fit;
  if (calibration.a === 1 && calibration.b === 0) {
    const whole = encoded(encoder, train);
    weights = fitLogistic(whole.rows, whole.labels, encoder.dims, { l2: best.l2, start: best.fit });
  }
  const scorer: Scorer = { encoder, intercept: weights.intercept, coefficients: weights.coefficients, calibration };
  const metrics = evaluate(scorer, test, { n: labelled, positives, trainN: train.length });
  const model: PredictiveModel = {
    version: 1,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...scorer,
    l2: best.l2,
    metrics,
    topFeatures: topFeatures(scorer, metrics.baseRate),
    excluded,
  };
  return { kind: 'trained', model };
}

function encoded(encoder: EncoderSpec, examples: readonly Example[]): { rows: SparseRow[]; labels: number[] } {
  return { rows: examples.map((e) => encode(encoder, e.values)), labels: examples.map((e) => e.label) };
}

/**
 * Platt scaling, probability = sigmoid(a·logit + b), fitted on the validation logits. Kept only
 * when it clearly earns its two parameters (a likelihood-ratio test at 1%: validation
 * log-likelihood better by more than χ²₂(0.99)/2 = 4.61, so a chance dip in one slice's rate
 * does not shift every score), when it converged (a slice with one outcome has no finite fit)
 * and when it keeps the order of the scores (a > 0); otherwise the identity.
 */
function plattScaling(logits: number[], labels: number[], identityLoss: number): { a: number; b: number } {
  const rows = logits.map((z) => ({ indices: [0], values: [z] }));
  const fit = fitLogistic(rows, labels, 1, { l2: 0, maxIterations: 25 });
  const [a] = fit.coefficients;
  const b = fit.intercept;
  const loss = -sum(logits.map((z, i) => logLikelihood(a * z + b, labels[i])));
  return fit.converged && a > 0 && identityLoss - loss > PLATT_MIN_GAIN ? { a, b } : { a: 1, b: 0 };
}

function evaluate(
  model: Scorer,
  test: readonly Example[],
  counts: { n: number; positives: number; trainN: number },
): ModelMetrics {
  const probabilities = test.map((e) => predictProbability(model, e.values));
  const labels = test.map((e) => e.label);
  const auc = rocAuc(probabilities, labels);
  const lift = liftTopDecile(probabilities, labels);
  return {
    ...counts,
    testN: test.length,
    baseRate: counts.positives / counts.n,
    auc: Number.isNaN(auc) ? null : auc,
    brier: brierScore(probabilities, labels),
    calibration: calibrationTable(probabilities, labels),
    liftTopDecile: Number.isNaN(lift) ? null : lift,
  };
}

/** The terms that move an otherwise average lead's probability the most. */
function topFeatures(model: Scorer, baseRate: number): TopFeature[] {
  const baseLogit = logit(Math.min(Math.max(baseRate, 1e-6), 1 - 1e-6));
  return model.coefficients
    .map((weight, column) => ({
      column,
      weight,
      effect: sigmoid(baseLogit + model.calibration.a * weight) - baseRate,
    }))
    .filter(({ weight }) => weight !== 0)
    .sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect))
    .slice(0, TOP_FEATURES)
    .map(({ column, weight, effect }) => ({ term: describeTerm(model.encoder, column), weight, effect }));
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
