// Decay kernels of transient ("propagator") impact as sums of exponentials, so each step costs O(1) per component.
//
// Exponential (Obizhaeva and Wang 2013): G(t) = exp(-ln2 t / halfLife), one component, exact.
// Power law (Gatheral 2010, "No-dynamic-arbitrage and market impact"): G(t) = (1 + t / t0)^(-alpha), written as
//   (1 + t/t0)^(-alpha) = (1 / Gamma(alpha)) int_0^inf s^(alpha-1) e^(-s) e^(-s t / t0) ds
// and discretised by Gauss-Laguerre-like quadrature on a geometric grid of rates (Bochud and Challet 2007 use the
// same idea): K rates r_j = (t0-scaled) geometric from 1/(50 T) to 10, weights by least squares on a fine grid of
// [0, T], non-negative. The maximum relative error over [0, T] is measured and reported with the fit.
import { exp } from '../reference/math/exp.js';
import { log } from '../reference/math/log.js';

export interface ExponentialComponents {
  /** Weight of each component in G(0) = sum of weights (1 for an exact fit). */
  weights: Float64Array;
  /** Per-step decay factor exp(-rate dt) of each component. */
  decays: Float64Array;
  /** Max |fit - G| / G over the horizon grid (0 for the exponential kernel). */
  maxRelativeError: number;
}

export function exponentialKernel(halfLifeSteps: number): ExponentialComponents {
  return { weights: new Float64Array([1]), decays: new Float64Array([exp(-0.6931471805599453 / halfLifeSteps)]), maxRelativeError: 0 };
}

/** Solves the symmetric positive-definite system A x = b (n small) by Cholesky; A is overwritten. */
function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    d = Math.sqrt(Math.max(d, 1e-300));
    a[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / d;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * n + k]! * y[k]!;
    y[i] = s / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= a[k * n + i]! * y[k]!;
    y[i] = s / a[i * n + i]!;
  }
  return y;
}

/**
 * Power-law kernel (1 + t / t0)^(-alpha), t in steps, fitted on [0, horizonSteps] with `components`
 * exponentials (non-negative least squares by active set on the relative error; a few iterations suffice).
 */
export function powerLawKernel(alpha: number, t0Steps: number, horizonSteps: number, components = 8): ExponentialComponents {
  const target = (t: number) => exp(-alpha * log(1 + t / t0Steps));
  const samples = Math.max(200, 4 * horizonSteps);
  const grid = Float64Array.from({ length: samples + 1 }, (_, i) => (horizonSteps * i) / samples);
  const rateLo = 1 / (20 * Math.max(horizonSteps, t0Steps)), rateHi = 4 / Math.min(t0Steps, 1);
  let rates = Float64Array.from({ length: components }, (_, j) => rateLo * exp(log(rateHi / rateLo) * (j / (components - 1))));
  let weights = new Float64Array(components);
  const active = new Set(rates.keys());
  for (let iteration = 0; iteration < components; iteration++) {
    const idx = [...active];
    const n = idx.length;
    const ata = new Float64Array(n * n), atb = new Float64Array(n);
    for (const t of grid) {
      const g = target(t);
      const row = idx.map((j) => exp(-rates[j]! * t) / g);
      for (let i = 0; i < n; i++) {
        atb[i] = atb[i]! + row[i]!;
        for (let k = 0; k < n; k++) ata[i * n + k] = ata[i * n + k]! + row[i]! * row[k]!;
      }
    }
    for (let i = 0; i < n; i++) ata[i * n + i] = ata[i * n + i]! + 1e-12;
    const w = choleskySolve(ata, atb, n);
    weights = new Float64Array(components);
    idx.forEach((j, i) => { weights[j] = w[i]!; });
    const negative = idx.filter((j) => weights[j]! < 0);
    if (negative.length === 0) break;
    for (const j of negative) active.delete(j);
  }
  let maxRelativeError = 0;
  for (const t of grid) {
    let fit = 0;
    for (let j = 0; j < components; j++) fit += weights[j]! * exp(-rates[j]! * t);
    maxRelativeError = Math.max(maxRelativeError, Math.abs(fit / target(t) - 1));
  }
  const keep = [...weights.keys()].filter((j) => weights[j]! > 0);
  rates = Float64Array.from(keep, (j) => rates[j]!);
  return {
    weights: Float64Array.from(keep, (j) => weights[j]!),
    decays: Float64Array.from(rates, (r) => exp(-r)),
    maxRelativeError,
  };
}
