/**
 * Solves A·x = b for a symmetric positive-definite A (the penalised Hessian of the logistic
 * fit) by Cholesky factorisation A = L·Lᵀ. A is a dense row-major n×n Float64Array; only its
 * lower triangle is read. Returns undefined when A is not positive definite.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let diagonal = a[rowJ + j];
    for (let k = 0; k < j; k++) diagonal -= l[rowJ + k] * l[rowJ + k];
    if (!(diagonal > 0)) return undefined;
    const pivot = Math.sqrt(diagonal);
    l[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = sum / pivot;
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
