// Heston parameters from a series of realised-variance windows, by the method of moments on integrated variance.
//
// Model: dS/S = sqrt(v) dW1, dv = kappa (theta - v) dt + xi sqrt(v) dW2, d<W1, W2> = rho dt (Heston 1993).
// For non-overlapping windows of length D, integrated variance IV_j has (Barndorff-Nielsen and Shephard 2002,
// JRSS B 64, 253-280, section 3; used for estimation by Bollerslev and Zhou 2002, J. Econometrics 109, 33-65):
//   E[IV_j] = theta D
//   Cov(IV_j, IV_{j+k}) = omega2 exp(-kappa D (k - 1)) (1 - exp(-kappa D))^2 / kappa^2,   k >= 1,
// with omega2 = theta xi^2 / (2 kappa) the stationary variance of v. Realised variance RV_j = IV_j + e_j with e_j
// uncorrelated across windows (no microstructure noise, zero drift), so the autocovariances at lags >= 1 of RV are
// those of IV: fitting A delta^(k-1) to them (k = 1..K) gives delta = exp(-kappa D) free of the measurement error, then
// omega2 and xi. For the leverage: M_j = int over window j of xi sqrt(v) dW2 enters every later window's variance, so
//   Cov(R_j, v_{j+1} - v_{j-1}) = rho xi theta D      (R_j the window's log return, v = RV / D; to O(kappa D)),
// a moment free of the measurement error in v as well. Accuracy: consistent as the number of windows grows;
// kappa is identified only when the data span several 1/kappa (state it with the bootstrap CI).

export interface HestonEstimate {
  v0: number;
  kappa: number;
  theta: number;
  xi: number;
  rho: number;
}

export interface MomentOptions {
  windowYears: number;
  /** Largest lag (windows) of the autocovariance fit. */
  maxLag: number;
  /** Windows at the end whose mean variance is v0. */
  v0Windows: number;
}

/** Bounds that keep every estimate admissible (finite, in the config's domain); an estimate at a bound is flagged. */
export const BOUNDS = {
  kappa: [0.05, 5000] as const,
  xi: [1e-4, 10] as const,
  rho: [-0.99, 0.99] as const,
  variance: [1e-8, 100] as const,
};

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));

function meanFinite(x: Float64Array): number {
  let s = 0,
    n = 0;
  for (const v of x)
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  return n > 0 ? s / n : NaN;
}

/** Autocovariance at lag k over pairs where both windows are present (NaN marks a missing window or a seam). */
function autocovariance(x: Float64Array, mean: number, k: number): number {
  let s = 0,
    n = 0;
  for (let i = 0; i + k < x.length; i++) {
    const a = x[i]!,
      b = x[i + k]!;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      s += (a - mean) * (b - mean);
      n++;
    }
  }
  return n > 1 ? s / n : NaN;
}

/** Least-squares fit of gamma_k = A delta^(k-1) over a log grid of kappa: the best (A, kappa), A >= 0. */
function fitDecay(gamma: number[], windowYears: number): { A: number; kappa: number } {
  let best: { A: number; kappa: number; sse: number } = { A: 0, kappa: BOUNDS.kappa[1], sse: Infinity };
  const [lo, hi] = BOUNDS.kappa;
  const points = 400;
  for (let g = 0; g <= points; g++) {
    const kappa = lo * Math.pow(hi / lo, g / points);
    const delta = Math.exp(-kappa * windowYears);
    let num = 0,
      den = 0,
      p = 1;
    for (let k = 0; k < gamma.length; k++) {
      if (Number.isFinite(gamma[k]!)) {
        num += gamma[k]! * p;
        den += p * p;
      }
      p *= delta;
    }
    const A = den > 0 ? Math.max(0, num / den) : 0;
    let sse = 0;
    p = 1;
    for (let k = 0; k < gamma.length; k++) {
      if (Number.isFinite(gamma[k]!)) sse += (gamma[k]! - A * p) ** 2;
      p *= delta;
    }
    if (sse < best.sse) best = { A, kappa, sse };
  }
  return best;
}

export function estimateHeston(variance: Float64Array, logReturn: Float64Array, o: MomentOptions): HestonEstimate {
  const D = o.windowYears;
  const theta = clamp(meanFinite(variance), BOUNDS.variance);
  const gamma: number[] = [];
  for (let k = 1; k <= o.maxLag; k++) gamma.push(autocovariance(variance, theta, k));
  const { A, kappa } = fitDecay(gamma, D);
  const delta = Math.exp(-kappa * D);
  const omega2 = A > 0 ? (A * (kappa * D) ** 2) / (1 - delta) ** 2 : 0;
  const xi = clamp(Math.sqrt((2 * kappa * omega2) / theta), BOUNDS.xi);
  // leverage: Cov(R_j, v_{j+1} - v_{j-1}) / (xi theta D)
  let sr = 0,
    n = 0;
  const pairs: Array<[number, number]> = [];
  for (let j = 1; j + 1 < variance.length; j++) {
    const r = logReturn[j]!,
      dv = variance[j + 1]! - variance[j - 1]!;
    if (Number.isFinite(r) && Number.isFinite(dv)) {
      pairs.push([r, dv]);
      sr += r;
      n++;
    }
  }
  let cov = 0,
    mdv = 0;
  for (const [, dv] of pairs) mdv += dv / n;
  for (const [r, dv] of pairs) cov += (r - sr / n) * (dv - mdv);
  cov /= Math.max(1, n - 1);
  const rho = clamp(n > 2 ? cov / (xi * theta * D) : 0, BOUNDS.rho);
  // v0: the mean of the last windows (the current level)
  const tail = variance.subarray(Math.max(0, variance.length - o.v0Windows));
  const v0 = clamp(Number.isFinite(meanFinite(tail)) ? meanFinite(tail) : theta, BOUNDS.variance);
  return { v0, kappa, theta, xi, rho };
}
