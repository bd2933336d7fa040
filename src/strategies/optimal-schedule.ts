// The static schedule that minimises expected cost (+ risk aversion x variance) under the full impact model:
// concave temporary, permanent, spread and transient (exponential or power-law) impact together, where
// Almgren-Chriss has a closed form only for linear impact without transience.
//
// Objective: E[IS](n) from the exact static cost model (market/static-costs.ts, zero drift) plus
// lambda sigma^2 tau sum x_k^2 (Almgren-Chriss variance, sigma in currency per sqrt(day)), over the simplex
// {n >= 0, sum n = X}. Method: accelerated projected gradient (FISTA, Beck and Teboulle 2009) with backtracking,
// Euclidean projection onto the simplex (Duchi et al. 2008), gradient by central differences (exact for the
// quadratic costs of linear impact). Converged when the projected-gradient step changes the objective by
// less than 1e-12 relative, or after maxIterations.
import type { ResolvedImpact } from '../market/impact.js';
import { staticCosts } from '../market/static-costs.js';

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
}

/** E[cost] + lambda Var of a schedule, currency. */
export function scheduleObjective(o: ScheduleObjective, qty: Float64Array): number {
  const c = staticCosts(o.impact, qty, o.stepVolume, o.s0, o.side);
  let value = c.temporaryCost + c.spreadCost + c.transientCost + c.additivePermanentCost + c.expectedPermanentCost;
  if (o.lambdaPerCurrency > 0) {
    let held = o.shares, squares = 0;
    for (let k = 0; k < qty.length - 1; k++) { held -= qty[k]!; squares += held * held; }
    value += o.lambdaPerCurrency * o.sigmaPerSqrtDay * o.sigmaPerSqrtDay * o.tauDays * squares;
  }
  return value;
}

/** Euclidean projection of y onto {n >= 0, sum n = total}. */
export function projectOntoSimplex(y: Float64Array, total: number): Float64Array {
  const sorted = Float64Array.from(y).sort().reverse();
  let cumulative = 0, threshold = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]!;
    const t = (cumulative - total) / (i + 1);
    if (i === sorted.length - 1 || sorted[i + 1]! <= t) { threshold = t; break; }
  }
  return y.map((v) => Math.max(v - threshold, 0));
}

function gradient(o: ScheduleObjective, n: Float64Array, h: number): Float64Array {
  const g = new Float64Array(n.length);
  const probe = Float64Array.from(n);
  for (let k = 0; k < n.length; k++) {
    // one-sided at the boundary: a negative trade has no cost (concave impact of n < 0 is NaN)
    const step = Math.min(h, Math.max(n[k]!, h * 1e-3));
    const below = Math.max(n[k]! - step, 0);
    probe[k] = n[k]! + step;
    const up = scheduleObjective(o, probe);
    probe[k] = below;
    const down = scheduleObjective(o, probe);
    probe[k] = n[k]!;
    g[k] = (up - down) / (n[k]! + step - below);
  }
  return g;
}

export interface OptimalSchedule {
  qty: Float64Array;
  objective: number;
  iterations: number;
}

export function optimalSchedule(o: ScheduleObjective, start: Float64Array, maxIterations = 3000): OptimalSchedule {
  const h = 1e-7 * o.shares;
  let x = projectOntoSimplex(start, o.shares), y = x, t = 1;
  let fx = scheduleObjective(o, x);
  let lipschitz = 1e-12;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const g = gradient(o, y, h);
    const fy = scheduleObjective(o, y);
    let next: Float64Array, fNext: number;
    // backtracking on the step 1 / L until the quadratic upper bound holds
    for (let doublings = 0; ; doublings++) {
      next = projectOntoSimplex(y.map((v, k) => v - g[k]! / lipschitz), o.shares);
      fNext = scheduleObjective(o, next);
      let linear = 0, squared = 0;
      for (let k = 0; k < next.length; k++) { const d = next[k]! - y[k]!; linear += g[k]! * d; squared += d * d; }
      if (fNext <= fy + linear + (lipschitz / 2) * squared + 1e-15 * Math.abs(fy)) break;
      if (doublings > 200) { next = x; fNext = fx; break; } // no descent left at any step size: stationary
      lipschitz *= 2;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const restart = fNext > fx; // monotone restart (O'Donoghue and Candes 2015)
    // the extrapolated point is projected back: the cost of a negative trade is undefined (NaN for concave impact)
    y = restart ? x : projectOntoSimplex(next.map((v, k) => v + ((t - 1) / tNext) * (v - x[k]!)), o.shares);
    if (!restart) {
      const change = Math.abs(fx - fNext);
      x = next;
      if (change <= 1e-12 * Math.abs(fNext) && iterations > 10) { fx = fNext; break; }
      fx = fNext;
    }
    t = restart ? 1 : tNext;
    lipschitz /= 1.5;
  }
  return { qty: x, objective: fx, iterations };
}
