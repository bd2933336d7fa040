// Deterministic costs of a static sell schedule under the canonical impact model (bench/workloads/heston-execution.json).
//
// Per step k with quantity n_k, step volume V_k, daily volume ADV, sigma0 = sqrt(v0):
//   temporary  eta s0 (n_k / V_k)^beta                 (concave for beta < 1; Almgren et al. 2005 "square-root law")
//   permanent  the log price falls by gamma sigma0 n_k / ADV, so c_k = gamma sigma0 sum_{j<k} n_j / ADV
//   transient  D_{k+1} = (D_k + amplitude s0 sigma0 n_k / V_k) exp(-ln2 / halfLifeSteps)   (Obizhaeva-Wang 2013)
// The impacted price at step k is S_k exp(-c_k) - D_k - temporary_k, S_k the unimpacted price.
// All arithmetic uses the engine's own exp/log (pow = exp(beta log y), relative error <= (1 + |beta log y|) ulp),
// so the coefficients are the same bits on every JavaScript engine.
import { exp } from '../reference/math/exp.js';
import { log } from '../reference/math/log.js';

export interface CanonicalImpact {
  temporary: { eta: number; beta: number };
  permanent: { gamma: number };
  transient: { amplitude: number; halfLifeSteps: number };
}

export interface StaticCosts {
  /** n_k, shares per step. */
  qty: Float64Array;
  /** n_k exp(-c_k): the weight of the unimpacted price in the proceeds. */
  weight: Float64Array;
  /** sum_k n_k temporary_k, currency. */
  temporaryCost: number;
  /** sum_k n_k D_k, currency. */
  transientCost: number;
  /** E[sum_k n_k S_k (1 - exp(-c_k))] when E[S_k] = s0 (zero drift), currency. */
  expectedPermanentCost: number;
}

/** y^beta for y >= 0, beta > 0, by the engine's exp and log. */
export function powPositive(y: number, beta: number): number {
  return y === 0 ? 0 : exp(beta * log(y));
}

export function staticCosts(impact: CanonicalImpact, s0: number, sigma0: number, qty: Float64Array,
  stepVolume: Float64Array, dailyVolume: number): StaticCosts {
  const steps = qty.length;
  const weight = new Float64Array(steps);
  const decay = exp(-0.6931471805599453 / impact.transient.halfLifeSteps);
  let transient = 0, cumulative = 0, temporaryCost = 0, transientCost = 0, expectedPermanentCost = 0;
  for (let k = 0; k < steps; k++) {
    const n = qty[k]!;
    const participation = n / stepVolume[k]!;
    const c = impact.permanent.gamma * sigma0 * cumulative / dailyVolume;
    const f = exp(-c);
    weight[k] = n * f;
    temporaryCost += n * impact.temporary.eta * s0 * powPositive(participation, impact.temporary.beta);
    transientCost += n * transient;
    expectedPermanentCost += n * s0 * (1 - f);
    cumulative += n;
    transient = (transient + impact.transient.amplitude * s0 * sigma0 * participation) * decay;
  }
  return { qty, weight, temporaryCost, transientCost, expectedPermanentCost };
}
