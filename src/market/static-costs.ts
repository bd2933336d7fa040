// The deterministic side of a static schedule: per-step weights for the kernel and the exact cost parts.
//
// For a static schedule every impact is a deterministic function of the schedule, so with side sigma = +1 (sell)
// or -1 (buy) the price paid or received at step k is S_k f_k -+ d_k, with S_k the unimpacted price,
//   f_k = exp(-sigma c_k), c_k = permanentLog sum_{j<k} n_j           (log-price models; f = 1 for ABM)
//   d_k = temporary_k + spread_k + D_k (+ permanentAdd sum_{j<k} n_j for ABM)
// and D_k the transient state. The kernel accumulates A = sum n_k S_k and B = sum n_k f_k S_k per path;
// everything else is here, exactly (to rounding).
import { exp, powPositive } from '../math/portable-math.js';
import type { ResolvedImpact } from './impact.js';

export interface StaticCosts {
  qty: Float64Array;
  /** n_k f_k. */
  weight: Float64Array;
  /** sum n_k temporary_k, sum n_k spread_k, sum n_k D_k, currency. */
  temporaryCost: number;
  spreadCost: number;
  transientCost: number;
  /** ABM: sum n_k permanentAdd sum_{j<k} n_j (deterministic there), currency; 0 for log models. */
  additivePermanentCost: number;
  /** Log models: sum n_k s0 sigma (1 - f_k), the permanent cost's expectation when E[S_k] = s0; currency. */
  expectedPermanentCost: number;
  /** Permanent-impact factor and additive shift at the horizon, for marking unfilled shares. */
  terminalFactor: number;
  terminalShift: number;
  executedShares: number;
  maxParticipation: number;
}

export function staticCosts(
  impact: ResolvedImpact,
  qty: Float64Array,
  stepVolume: Float64Array,
  s0: number,
  side: 1 | -1,
): StaticCosts {
  const steps = qty.length;
  const weight = new Float64Array(steps);
  const components = impact.kernel.weights.length;
  const transient = new Float64Array(components);
  let cumulative = 0,
    temporaryCost = 0,
    spreadCost = 0,
    transientCost = 0,
    additivePermanentCost = 0;
  let expectedPermanentCost = 0,
    maxParticipation = 0;
  for (let k = 0; k < steps; k++) {
    const n = qty[k]!;
    const f = exp(-side * impact.permanentLog * cumulative);
    weight[k] = n * f;
    let d = 0;
    for (let j = 0; j < components; j++) d += transient[j]!;
    temporaryCost += n * impact.temporaryScale[k]! * powPositive(n, impact.temporaryBeta);
    spreadCost += n * impact.spread[k]!;
    const impulse = impact.transientScale[k]! * powPositive(n, impact.transientBeta);
    transientCost += n * (d + impact.transientSelf * impulse);
    additivePermanentCost += n * impact.permanentAdd * cumulative;
    expectedPermanentCost += n * s0 * side * (1 - f);
    maxParticipation = Math.max(maxParticipation, n / stepVolume[k]!);
    for (let j = 0; j < components; j++) {
      transient[j] = (transient[j]! + impact.kernel.weights[j]! * impulse) * impact.kernel.decays[j]!;
    }
    cumulative += n;
  }
  return {
    qty,
    weight,
    temporaryCost,
    spreadCost,
    transientCost,
    additivePermanentCost,
    expectedPermanentCost,
    terminalFactor: exp(-side * impact.permanentLog * cumulative),
    terminalShift: -side * impact.permanentAdd * cumulative,
    executedShares: cumulative,
    maxParticipation,
  };
}
