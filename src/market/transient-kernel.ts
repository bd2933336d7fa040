// Decay kernels of transient ("propagator") impact as sums of exponentials, so each step costs O(1) per component.
//
// Exponential (Obizhaeva and Wang 2013): G(t) = exp(-ln2 t / halfLife), one component, exact.
// Power law (Gatheral 2010, "No-dynamic-arbitrage and market impact"): G(t) = (1 + t / t0)^(-alpha). From the
// Laplace representation (1 + t/t0)^(-alpha) = Gamma(alpha)^-1 int_0^inf s^(alpha-1) e^(-s) e^(-s t / t0) ds and the
// substitution s = e^y, the trapezoid rule on a uniform y grid (spectrally accurate for this smooth, doubly
// exponentially decaying integrand; the approach of Beylkin and Monzon 2005) gives components with rates
// e^(y_j) / t0 and positive weights h e^(alpha y_j) exp(-e^(y_j)), normalised so that G(0) = 1 exactly. The grid
// spans the rates that matter on [0, horizon]; the mass below the smallest rate, int_0^smin s^(alpha-1) ds =
// smin^alpha / alpha (large for small alpha), becomes one slow component at its mean rate smin alpha / (alpha + 1).
// The maximum relative error over the horizon is measured and returned.
import { exp, log } from '../math/portable-math.js';

export interface ExponentialComponents {
  /** Weight of each component; they sum to G(0) = 1. */
  weights: Float64Array;
  /** Per-step decay factor exp(-rate dt) of each component. */
  decays: Float64Array;
  /** Max |fit - G| / G over the horizon (0 for the exponential kernel). */
  maxRelativeError: number;
}

/** No transient impact: no components, so kernels skip the state entirely (and observations see a constant 0). */
export function noTransient(): ExponentialComponents {
  return { weights: new Float64Array(0), decays: new Float64Array(0), maxRelativeError: 0 };
}

export function exponentialKernel(halfLifeSteps: number): ExponentialComponents {
  return {
    weights: new Float64Array([1]),
    decays: new Float64Array([exp(-0.6931471805599453 / halfLifeSteps)]),
    maxRelativeError: 0,
  };
}

/** Power-law kernel (1 + t / t0)^(-alpha), t in steps, on [0, horizonSteps], with `components` exponentials. */
export function powerLawKernel(
  alpha: number,
  t0Steps: number,
  horizonSteps: number,
  components = 12,
): ExponentialComponents {
  // rates below t0 / (100 T) barely decay over the horizon, rates above ~40 carry no weight (e^-40)
  const yMin = log(t0Steps / (100 * Math.max(horizonSteps, 1))),
    yMax = log(40);
  const h = (yMax - yMin) / (components - 2);
  const weights = new Float64Array(components),
    rates = new Float64Array(components);
  const sMin = exp(yMin);
  weights[0] = exp(alpha * yMin) / alpha;
  rates[0] = (sMin * alpha) / (alpha + 1) / t0Steps;
  let total = weights[0]!;
  for (let j = 1; j < components; j++) {
    const y = yMin + (j - 0.5) * h; // midpoints: the tail component covers [0, smin]
    const s = exp(y);
    rates[j] = s / t0Steps;
    weights[j] = h * exp(alpha * y - s);
    total += weights[j]!;
  }
  for (let j = 0; j < components; j++) weights[j] = weights[j]! / total;
  let maxRelativeError = 0;
  const samples = Math.max(200, 4 * horizonSteps);
  for (let i = 0; i <= samples; i++) {
    const t = (horizonSteps * i) / samples;
    let fit = 0;
    for (let j = 0; j < components; j++) fit += weights[j]! * exp(-rates[j]! * t);
    maxRelativeError = Math.max(maxRelativeError, Math.abs(fit / exp(-alpha * log(1 + t / t0Steps)) - 1));
  }
  return { weights, decays: rates.map((r) => exp(-r)), maxRelativeError };
}
