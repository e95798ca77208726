/**
 * L2-regularised logistic regression, fitted by Newton–Raphson (IRLS): the baseline learner of
 * issue 9. Rows are sparse (one-hot leads have one active column per feature), so the dense
 * Hessian costs n·nnz² to build and a Cholesky solve of (dims+1)² per step; a few hundred
 * columns and 100,000 rows take well under a second per step. The intercept is not penalised.
 * A step that does not improve the penalised log-likelihood is halved until it does.
 */
import { choleskySolve } from './cholesky.js';
import type { SparseRow } from './examples.js';

export interface LogisticOptions {
  /** Penalty λ in Σ log-likelihood − λ/2·‖w‖². */
  l2: number;
  maxIterations?: number;
  /** Stop when the Newton decrement (the gain still to come) is below tolerance × (1 + |objective|). */
  tolerance?: number;
  /** Start from this fit instead of zero (e.g. the neighbour on an l2 grid). */
  start?: { intercept: number; coefficients: readonly number[] };
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** log P(label | z) = label·z − log(1 + e^z), computed without overflow. */
export function logLikelihood(z: number, label: number): number {
  return label * z - (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
}

/** z = intercept + Σ value·coefficient over the row's active columns. */
export function linearPredictor(row: SparseRow, intercept: number, coefficients: ArrayLike<number>): number {
  const { indices, values } = row;
  let z = intercept;
  for (let k = 0; k < indices.length; k++) z += coefficients[indices[k]] * (values === undefined ? 1 : values[k]);
  return z;
}

export function fitLogistic(
  rows: readonly SparseRow[],
  labels: ArrayLike<number>,
  dims: number,
  options: LogisticOptions,
): LogisticFit {
  const { l2 } = options;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-12;
  const size = dims + 1;
  // beta[0] is the intercept, beta[1 + j] the coefficient of column j.
  let beta = new Float64Array(size);
  if (options.start === undefined) {
    // a cold start from the overall rate saves a Newton step
    let mean = 0;
    for (let i = 0; i < rows.length; i++) mean += labels[i];
    mean = (mean + 0.5) / (rows.length + 1);
    beta[0] = logit(mean);
  } else {
    beta[0] = options.start.intercept;
    beta.set(options.start.coefficients, 1);
  }
  const z = new Float64Array(rows.length);
  let objective = evaluate(beta, z);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const { gradient, hessian } = derivatives(beta, z);
    const step = solvePositiveDefinite(hessian, gradient, size);
    let decrement = 0;
    for (let j = 0; j < size; j++) decrement += gradient[j] * step[j];
    converged = decrement / 2 <= tolerance * (1 + Math.abs(objective));

    const candidate = new Float64Array(size);
    const trial = new Float64Array(rows.length);
    let accepted = false;
    for (let t = 1; t > 1e-10 && !accepted; t /= 2) {
      for (let j = 0; j < size; j++) candidate[j] = beta[j] + t * step[j];
      const value = evaluate(candidate, trial);
      if (value >= objective) {
        beta = candidate;
        z.set(trial);
        objective = value;
        accepted = true;
      }
    }
    if (!accepted) break; // no step improves any more: as close as floating point gets
  }
  return { intercept: beta[0], coefficients: Array.from(beta.subarray(1)), iterations, converged };

  /** Fills z for `b` and returns the penalised log-likelihood. */
  function evaluate(b: Float64Array, into: Float64Array): number {
    const coefficients = b.subarray(1);
    let sum = 0;
    for (let i = 0; i < rows.length; i++) {
      into[i] = linearPredictor(rows[i], b[0], coefficients);
      sum += logLikelihood(into[i], labels[i]);
    }
    let penalty = 0;
    for (let j = 1; j < size; j++) penalty += b[j] * b[j];
    return sum - (l2 / 2) * penalty;
  }

  /** Gradient of the penalised log-likelihood and minus its Hessian (lower triangle). */
  function derivatives(b: Float64Array, zs: Float64Array) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (let i = 0; i < rows.length; i++) {
      const p = sigmoid(zs[i]);
      const residual = labels[i] - p;
      const w = p * (1 - p);
      const { indices, values } = rows[i];
      gradient[0] += residual;
      hessian[0] += w;
      if (values === undefined) {
        // one-hot row: every value is 1 (the common case, kept free of multiplications by 1)
        for (let a = 0; a < indices.length; a++) {
          const ca = indices[a] + 1;
          const rowA = ca * size;
          gradient[ca] += residual;
          hessian[rowA] += w;
          hessian[rowA + ca] += w;
          for (let c = 0; c < a; c++) {
            const cb = indices[c] + 1;
            hessian[ca > cb ? rowA + cb : cb * size + ca] += w;
          }
        }
        continue;
      }
      for (let a = 0; a < indices.length; a++) {
        const ca = indices[a] + 1;
        const va = values[a];
        const wa = w * va;
        gradient[ca] += residual * va;
        const rowA = ca * size;
        hessian[rowA] += wa;
        hessian[rowA + ca] += wa * va;
        for (let c = 0; c < a; c++) {
          const cb = indices[c] + 1;
          hessian[ca > cb ? rowA + cb : cb * size + ca] += wa * values[c];
        }
      }
    }
    for (let j = 1; j < size; j++) {
      gradient[j] -= l2 * b[j];
      hessian[j * size + j] += l2;
    }
    return { gradient, hessian };
  }
}

/** Solves H·x = g, adding a growing ridge when H is singular (e.g. an empty column with l2 = 0). */
function solvePositiveDefinite(hessian: Float64Array, gradient: Float64Array, size: number): Float64Array {
  let scale = 0;
  for (let j = 0; j < size; j++) scale = Math.max(scale, hessian[j * size + j]);
  for (let ridge = 0; ; ridge = ridge === 0 ? 1e-10 * (scale || 1) : ridge * 10) {
    const ridged = ridge === 0 ? hessian : Float64Array.from(hessian);
    if (ridge > 0) for (let j = 0; j < size; j++) ridged[j * size + j] += ridge;
    const x = choleskySolve(ridged, gradient, size);
    if (x !== undefined) return x;
  }
}
