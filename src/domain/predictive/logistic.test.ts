import { describe, expect, it } from 'vitest';
import { choleskySolve } from './cholesky.js';
import type { SparseRow } from './examples.js';
import { fitLogistic, linearPredictor, logit, sigmoid } from './logistic.js';
import { SeededRandom } from './seeded-random.js';

/** `count` copies of a row with the given label. */
function repeat(row: SparseRow, label: number, count: number): { rows: SparseRow[]; labels: number[] } {
  return { rows: Array.from({ length: count }, () => row), labels: Array.from({ length: count }, () => label) };
}
function concat(...parts: { rows: SparseRow[]; labels: number[] }[]) {
  return { rows: parts.flatMap((p) => p.rows), labels: parts.flatMap((p) => p.labels) };
}

describe('choleskySolve', () => {
  it('solves a symmetric positive-definite system', () => {
    // A = [[4,2,-2],[2,10,2],[-2,2,5]], x = [1,-1,2] → b = A·x = [-2,-4,6]
    const a = Float64Array.from([4, 2, -2, 2, 10, 2, -2, 2, 5]);
    const x = choleskySolve(a, Float64Array.from([-2, -4, 6]), 3)!;
    expect(Array.from(x).map((v) => Number(v.toFixed(12)))).toEqual([1, -1, 2]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toBeUndefined();
  });
});

describe('fitLogistic (L2 logistic regression by Newton–Raphson)', () => {
  it('with no columns, fits the intercept to logit(mean)', () => {
    const data = concat(repeat({ indices: [] }, 1, 30), repeat({ indices: [] }, 0, 70));
    const fit = fitLogistic(data.rows, data.labels, 0, { l2: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(logit(0.3), 10);
  });

  it('with one binary column and no penalty, finds the log odds ratio exactly', () => {
    // exposed: 30 yes / 20 no; unexposed: 10 yes / 40 no → odds ratio (30/20)/(10/40) = 6
    const data = concat(
      repeat({ indices: [0] }, 1, 30),
      repeat({ indices: [0] }, 0, 20),
      repeat({ indices: [] }, 1, 10),
      repeat({ indices: [] }, 0, 40),
    );
    const fit = fitLogistic(data.rows, data.labels, 1, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(6), 10);
    expect(fit.intercept).toBeCloseTo(Math.log(10 / 40), 10);
  });

  it('with a full one-hot category and a negligible penalty, reproduces each level’s observed rate', () => {
    const rates = [0.2, 0.5, 0.8];
    const data = concat(
      ...rates.flatMap((rate, level) => [
        repeat({ indices: [level] }, 1, Math.round(rate * 50)),
        repeat({ indices: [level] }, 0, Math.round((1 - rate) * 50)),
      ]),
    );
    const fit = fitLogistic(data.rows, data.labels, 3, { l2: 1e-9 });
    expect(fit.converged).toBe(true);
    rates.forEach((rate, level) => {
      expect(sigmoid(linearPredictor({ indices: [level] }, fit.intercept, fit.coefficients))).toBeCloseTo(rate, 6);
    });
  });

  describe('on random sparse data with real values', () => {
    const random = new SeededRandom(7);
    const dims = 12;
    const truth = Array.from({ length: dims }, () => random.next() * 4 - 2);
    const rows: SparseRow[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const indices = [...new Set(Array.from({ length: 4 }, () => Math.floor(random.next() * dims)))];
      const values = indices.map(() => random.next() * 2 - 1);
      const row = { indices, values };
      rows.push(row);
      labels.push(random.next() < sigmoid(linearPredictor(row, -0.5, truth)) ? 1 : 0);
    }

    it('stops where the penalised gradient is zero (the optimality condition)', () => {
      const l2 = 2;
      const fit = fitLogistic(rows, labels, dims, { l2 });
      expect(fit.converged).toBe(true);
      const gradient = new Float64Array(dims + 1);
      rows.forEach((row, i) => {
        const residual = labels[i] - sigmoid(linearPredictor(row, fit.intercept, fit.coefficients));
        gradient[0] += residual;
        for (let k = 0; k < row.indices.length; k++) gradient[row.indices[k] + 1] += residual * row.values![k];
      });
      for (let j = 0; j < dims; j++) gradient[j + 1] -= l2 * fit.coefficients[j];
      for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
      // and it learned something close to the truth
      for (const [j, c] of fit.coefficients.entries()) expect(Math.abs(c - truth[j])).toBeLessThan(0.5);
    });

    it('shrinks the coefficients more under a bigger penalty', () => {
      const norms = [0.1, 10, 1000].map((l2) => Math.hypot(...fitLogistic(rows, labels, dims, { l2 }).coefficients));
      expect(norms[0]).toBeGreaterThan(norms[1]);
      expect(norms[1]).toBeGreaterThan(norms[2]);
    });

    it('ends at the same fit from a warm start', () => {
      const cold = fitLogistic(rows, labels, dims, { l2: 3 });
      const warm = fitLogistic(rows, labels, dims, { l2: 3, start: fitLogistic(rows, labels, dims, { l2: 30 }) });
      for (const [j, c] of warm.coefficients.entries()) expect(c).toBeCloseTo(cold.coefficients[j], 8);
    });
  });

  it('survives a column nobody has and no penalty (a singular Hessian)', () => {
    const data = concat(repeat({ indices: [0] }, 1, 5), repeat({ indices: [0] }, 0, 5), repeat({ indices: [] }, 0, 10));
    const fit = fitLogistic(data.rows, data.labels, 2, { l2: 0, maxIterations: 25 });
    expect(fit.coefficients.every(Number.isFinite)).toBe(true);
    expect(fit.coefficients[1]).toBeCloseTo(0, 6);
  });
});
