// Almgren-Chriss on a non-uniform grid: per-step temporary coefficients (the volume clock) and per-interval
// variance weights, solved exactly as the tridiagonal system of the discrete first-order conditions.
//
// Minimise F(h) = sum_{k=0}^{N-1} a_k (h_k - h_{k+1})^2 + sum_{i=1}^{N-1} b_i h_i^2, h_0 = X, h_N = 0
// (a_k: quadratic cost of trading n_k = h_k - h_{k+1} at step k, eta~_k / tau in Almgren and Chriss (2000) eq. 7;
// b_i = lambda sigma^2 tau w_i: the variance of holding h_i over interval i, eq. 8). The conditions dF/dh_i = 0,
//   -a_{i-1} h_{i-1} + (a_{i-1} + a_i + b_i) h_i - a_i h_{i+1} = 0,   i = 1 .. N-1,
// are a symmetric, strictly diagonally dominant tridiagonal system (a, b > 0): the Thomas algorithm is stable and
// exact to rounding. With uniform a and b it is the AC recurrence whose solution is the sinh closed form (eq. 18);
// with a_k proportional to 1 / V_k (a linearisation at VWAP's rate) and lambda = 0 it gives VWAP.

/** Trades n_0 .. n_{N-1} minimising F; a (length N) > 0, b (length N - 1, b[i - 1] for h_i) >= 0. */
export function quadraticSchedule(shares: number, a: Float64Array, b: Float64Array): Float64Array {
  const N = a.length;
  const h = new Float64Array(N + 1);
  h[0] = shares;
  const m = N - 1; // unknowns h_1 .. h_{N-1}
  if (m > 0) {
    const c = new Float64Array(m),
      d = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const diag = a[i]! + a[i + 1]! + b[i]!;
      const lower = i > 0 ? -a[i]! : 0;
      const rhs = i === 0 ? a[0]! * shares : 0;
      const denom = diag - lower * (i > 0 ? c[i - 1]! : 0);
      c[i] = -a[i + 1]! / denom;
      d[i] = (rhs - lower * (i > 0 ? d[i - 1]! : 0)) / denom;
    }
    h[m] = d[m - 1]!;
    for (let i = m - 2; i >= 0; i--) h[i + 1] = d[i]! - c[i]! * h[i + 2]!;
  }
  return Float64Array.from({ length: N }, (_, k) => h[k]! - h[k + 1]!);
}
