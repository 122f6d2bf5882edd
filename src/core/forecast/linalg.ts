/** Small dense linear algebra for the forecast models. */

/**
 * The spectral radius of a square non-negative matrix A (Perron–Frobenius: a real eigenvalue). By
 * power iteration on B = A + I done by repeated squaring: for the all-ones vector, the least and
 * greatest row sums of B^m bound ρ(B)^m (Collatz–Wielandt), and their m-th roots meet as m = 2^k
 * grows, even where plain power iteration crawls (periodic matrices like [[0, 1], [1, 0]], or
 * defective ones like [[0, 0], [1, 0]], whose error falls as log(m)/m). The shift by I keeps every
 * row sum positive; ρ(A) = ρ(B) − 1. Each squaring is O(n³); at most 64 of them.
 */
export function spectralRadius(matrix: readonly (readonly number[])[], tolerance = 1e-14): number {
  const n = matrix.length;
  for (const row of matrix) {
    if (row.length !== n) throw new RangeError('spectralRadius: the matrix must be square');
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError('spectralRadius: the entries must be finite and non-negative');
  }
  if (n === 0) return 0;
  let b = matrix.map((row, i) => row.map((v, j) => v + (i === j ? 1 : 0)));
  // B^m = e^logScale · b.
  let logScale = 0;
  let m = 1;
  let low = 0;
  let high = 0;
  for (let k = 0; k < 64; k++) {
    const sums = b.map((row) => row.reduce((s, v) => s + v, 0));
    low = Math.exp((logScale + Math.log(Math.min(...sums))) / m);
    high = Math.exp((logScale + Math.log(Math.max(...sums))) / m);
    if (high - low <= tolerance * high) break;
    const squared = b.map((row) => b[0]!.map((_, j) => row.reduce((s, v, l) => s + v * b[l]![j]!, 0)));
    const largest = Math.max(...squared.flat());
    b = squared.map((row) => row.map((v) => v / largest));
    logScale = 2 * logScale + Math.log(largest);
    m *= 2;
  }
  // Reducible matrices (a row and column of zeros: a party without events) never close the gap: the
  // least row sum follows another block. The greatest, ‖B^m‖∞^(1/m), tends to ρ(B) all the same.
  return Math.max(0, (high - low <= tolerance * high ? (low + high) / 2 : high) - 1);
}
