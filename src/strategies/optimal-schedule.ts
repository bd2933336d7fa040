// The static schedule that minimises expected cost + risk aversion x variance under the full impact model:
// concave temporary, permanent, spread and transient (exponential or power-law) impact together, on the volume
// curve, under the participation cap, where Almgren-Chriss has a closed form only for linear impact.
//
// Objective (currency), for a schedule n_0 .. n_{N-1} with holdings x_k = X - sum_{j<=k} n_j:
//   J(n) = E[cost](n) + lambda sigma^2 tau sum_{k<N-1} w_k x_k^2
// E[cost] is the exact static cost model of market/static-costs.ts at zero drift (temporary, spread, transient with
// its self-impact term, permanent); the second term is the Almgren-Chriss variance of the timing risk (sigma in
// currency per sqrt(day), w_k the variance multiplier of interval k, 1 without intraday seasonality). Minimised over
// {0 <= n_k <= cap V_k, sum n = X} (the cap binds; when it cannot hold X every step trades its cap).
// Method: accelerated projected gradient (FISTA, Beck and Teboulle 2009) with backtracking and monotone restarts
// (O'Donoghue and Candes 2015), the momentum point projected back onto the feasible set, the Euclidean projection onto the capped simplex by bisection on its threshold,
// and the exact gradient (forward and backward recursions over the kernel's exponential components, O(N J) per
// evaluation; checked against central differences in test/strategies/optimal-schedule.test.ts). The problem is
// convex for beta >= 0 and linear transient impact with a positive-definite kernel; with concave transient impulse
// it may not be, and FISTA returns a stationary point. Converged when an accepted step changes J by < 1e-12
// relative, or after maxIterations.
import type { ResolvedImpact } from '../market/impact.js';
import { staticCosts } from '../market/static-costs.js';
import { exp, powPositive } from '../math/portable-math.js';

export interface ScheduleObjective {
  impact: ResolvedImpact;
  stepVolume: Float64Array;
  s0: number;
  side: 1 | -1;
  shares: number;
  /** lambda (1 / currency) and the AC variance inputs; lambda 0 minimises expected cost only. */
  lambdaPerCurrency: number;
  sigmaPerSqrtDay: number;
  tauDays: number;
  /** Variance multiplier of each interval (intraday seasonality); default 1. */
  varianceWeights?: Float64Array;
  /** Most shares step k may trade (participation cap x step volume); default unbounded. */
  capShares?: Float64Array;
}

function riskWeight(o: ScheduleObjective, k: number): number {
  return (
    o.lambdaPerCurrency *
    o.sigmaPerSqrtDay *
    o.sigmaPerSqrtDay *
    o.tauDays *
    (o.varianceWeights ? o.varianceWeights[k]! : 1)
  );
}

/** E[cost] + lambda Var of a schedule, currency. */
export function scheduleObjective(o: ScheduleObjective, qty: Float64Array): number {
  const c = staticCosts(o.impact, qty, o.stepVolume, o.s0, o.side);
  let value = c.temporaryCost + c.spreadCost + c.transientCost + c.additivePermanentCost + c.expectedPermanentCost;
  if (o.lambdaPerCurrency > 0) {
    let held = o.shares;
    for (let k = 0; k < qty.length - 1; k++) {
      held -= qty[k]!;
      value += riskWeight(o, k) * held * held;
    }
  }
  return value;
}

/**
 * The exact gradient of scheduleObjective. Quantities below a floor (1e-12 X) are read at the floor where the
 * derivative of a concave power is infinite at 0 (the transient impulse with beta < 1).
 */
export function scheduleGradient(o: ScheduleObjective, n: Float64Array): Float64Array {
  const { impact, s0, side } = o;
  const N = n.length,
    J = impact.kernel.weights.length;
  const g = new Float64Array(N);
  const floor = 1e-12 * o.shares;
  const tb = impact.transientBeta,
    self = impact.transientSelf;
  // forward: cumulative c_k, transient state D_k, permanent factor f_k
  const c = new Float64Array(N),
    f = new Float64Array(N),
    D = new Float64Array(N),
    impulse = new Float64Array(N);
  const state = new Float64Array(J);
  let cumulative = 0;
  for (let k = 0; k < N; k++) {
    c[k] = cumulative;
    f[k] = exp(-side * impact.permanentLog * cumulative);
    let d = 0;
    for (let j = 0; j < J; j++) d += state[j]!;
    D[k] = d;
    impulse[k] = impact.transientScale[k]! * powPositive(n[k]!, tb);
    for (let j = 0; j < J; j++)
      state[j] = (state[j]! + impact.kernel.weights[j]! * impulse[k]!) * impact.kernel.decays[j]!;
    cumulative += n[k]!;
  }
  // backward: R_m = sum_{k>m} n_k G(k - m) per component, P_m = sum_{k>m} n_k f_k, Q_m = sum_{k>m} n_k
  const r = new Float64Array(J);
  let P = 0,
    Q = 0,
    heldSum = 0;
  let held = o.shares - cumulative; // x_{N-1}
  for (let m = N - 1; m >= 0; m--) {
    let R = 0;
    for (let j = 0; j < J; j++) R += impact.kernel.weights[j]! * r[j]!;
    const nm = n[m]!,
      nFloor = Math.max(nm, floor);
    const dImpulse =
      tb === 1 ? impact.transientScale[m]! : tb * impact.transientScale[m]! * powPositive(nFloor, tb - 1);
    let gm =
      (1 + impact.temporaryBeta) * impact.temporaryScale[m]! * powPositive(nm, impact.temporaryBeta) +
      impact.spread[m]! +
      D[m]! +
      dImpulse * (R + self * nm) +
      self * impulse[m]! +
      impact.permanentAdd * (c[m]! + Q) +
      s0 * side * (1 - f[m]!) +
      s0 * impact.permanentLog * P;
    // risk: d/dn_m sum_{k<N-1} w_k x_k^2 = -2 sum_{k=m}^{N-2} w_k x_k
    if (m < N - 1) heldSum += riskWeight(o, m) * held; // held = x_m here
    if (o.lambdaPerCurrency > 0) gm -= 2 * heldSum;
    g[m] = gm;
    held += nm; // x_{m-1}
    for (let j = 0; j < J; j++) r[j] = impact.kernel.decays[j]! * (nm + r[j]!);
    P += nm * f[m]!;
    Q += nm;
  }
  return g;
}

/** Euclidean projection of y onto {0 <= n_k <= upper_k, sum n = total} (onto the simplex without upper). */
export function projectOntoCappedSimplex(y: Float64Array, total: number, upper?: Float64Array): Float64Array {
  const clip = (theta: number) => y.map((v, k) => Math.min(Math.max(v - theta, 0), upper ? upper[k]! : Infinity));
  if (upper && upper.reduce((a, b) => a + b, 0) <= total) return Float64Array.from(upper);
  // sum clip(theta) decreases in theta: bisection between a theta giving >= total and one giving 0
  let hi = Math.max(...y);
  let lo = Math.min(...y) - total;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (clip(mid).reduce((a, b) => a + b, 0) > total) lo = mid;
    else hi = mid;
  }
  const x = clip((lo + hi) / 2);
  // the bisection leaves a residual of a few ulps of the threshold: put it on the largest free coordinate
  const residual = total - x.reduce((a, b) => a + b, 0);
  let free = -1;
  for (let k = 0; k < x.length; k++)
    if (x[k]! + residual >= 0 && (!upper || x[k]! + residual <= upper[k]!) && (free < 0 || x[k]! > x[free]!)) free = k;
  if (free >= 0) x[free] = x[free]! + residual;
  return x;
}

/** Euclidean projection of y onto {n >= 0, sum n = total}. */
export function projectOntoSimplex(y: Float64Array, total: number): Float64Array {
  return projectOntoCappedSimplex(y, total);
}

export interface OptimalSchedule {
  qty: Float64Array;
  objective: number;
  iterations: number;
}

export function optimalSchedule(o: ScheduleObjective, start: Float64Array, maxIterations = 5000): OptimalSchedule {
  const project = (v: Float64Array) => projectOntoCappedSimplex(v, o.shares, o.capShares);
  let x = project(start),
    y = x,
    t = 1;
  let fx = scheduleObjective(o, x);
  let lipschitz = 1e-12;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const g = scheduleGradient(o, y);
    const fy = scheduleObjective(o, y);
    let next: Float64Array, fNext: number;
    // backtracking on the step 1 / L until the quadratic upper bound holds
    for (;;) {
      next = project(y.map((v, k) => v - g[k]! / lipschitz));
      fNext = scheduleObjective(o, next);
      let linear = 0,
        squared = 0;
      for (let k = 0; k < next.length; k++) {
        const d = next[k]! - y[k]!;
        linear += g[k]! * d;
        squared += d * d;
      }
      if (fNext <= fy + linear + (lipschitz / 2) * squared + 1e-15 * Math.abs(fy) || lipschitz > 1e300) break;
      lipschitz *= 2;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const restart = fNext > fx;
    // the extrapolated point is projected back: the concave powers are not defined for negative quantities
    y = restart ? x : project(next.map((v, k) => v + ((t - 1) / tNext) * (v - x[k]!)));
    if (!restart) {
      const change = Math.abs(fx - fNext);
      x = next;
      if (change <= 1e-12 * Math.abs(fNext) && iterations > 10) {
        fx = fNext;
        break;
      }
      fx = fNext;
    }
    t = restart ? 1 : tNext;
    lipschitz /= 1.5;
  }
  return { qty: x, objective: fx, iterations };
}
