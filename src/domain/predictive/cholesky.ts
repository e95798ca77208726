/**
 * Solves A·x = b for a symmetric positive-definite A (the penalised Hessian of the logistic
 * fit) by Cholesky factorisation A = L·Lᵀ. A is a dense row-major n×n Float64Array; only its
 * lower triangle is read. Returns undefined when A is not positive definite.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    const diagonal = a[rowJ + j] - dot(l, rowJ, rowJ, j);
    if (!(diagonal > 0)) return undefined;
    const pivot = Math.sqrt(diagonal);
    l[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      l[rowI + j] = (a[rowI + j] - dot(l, rowI, rowJ, j)) / pivot;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= l[row + k] * x[k];
    x[i] = sum / l[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

/** Σ m[x + k]·m[y + k] for k < length, with four running sums (several times faster than one). */
function dot(m: Float64Array, x: number, y: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += m[x + k] * m[y + k];
    s1 += m[x + k + 1] * m[y + k + 1];
    s2 += m[x + k + 2] * m[y + k + 2];
    s3 += m[x + k + 3] * m[y + k + 3];
  }
  for (; k < length; k++) s0 += m[x + k] * m[y + k];
  return s0 + s1 + s2 + s3;
}
