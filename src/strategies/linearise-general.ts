// The quadratic (Almgren-Chriss) model of an arbitrary market, step by step: which rate it is linearised at (the
// clock) and how (the secant or the curvature of the temporary cost).
//
// Temporary cost of n shares at step k is T_k(n) = scale_k n^(1 + beta) (currency). Its quadratic model a_k n^2:
//   secant     a_k = scale_k nbar_k^(beta - 1)                        (T_k and a_k n^2 agree at nbar_k)
//   curvature  a_k = 1/2 beta (1 + beta) scale_k nbar_k^(beta - 1)    (same second derivative at nbar_k)
// (curvature matching is the second-order expansion of the cost the optimiser minimises: at beta = 0.6 it is 0.48 of
// the secant, which overstates the cost of trading faster). The rate nbar_k is
//   calendar   TWAP's, X / N, with the mean scale over the day (the curve is ignored: lambda = 0 gives TWAP)
//   volume     VWAP's, X V_k / sum V, with each step's scale (the schedule follows the curve: lambda = 0 and gamma = 0 give VWAP)
// Permanent impact enters as -gamma / 2 per n_k^2 (sum_k n_k gamma sum_{j<k} n_j = gamma (X^2 - sum n^2) / 2), so
// a_k = that - gamma / 2 must be > 0. b_i = lambda sigma^2 tau w_i with sigma = s0 sigma0 per sqrt(day).
import type { ResolvedImpact } from '../market/impact.js';
import { powPositive } from '../math/portable-math.js';
import { DAYS_PER_YEAR } from '../market/time.js';

export type Clock = 'calendar' | 'volume';
export type Linearisation = 'secant' | 'curvature';

export interface QuadraticModel {
  /** Quadratic cost per step (currency / share^2), permanent included; each > 0 for a valid model. */
  a: Float64Array;
  /** Risk weight of holding after each of the first N - 1 steps (currency^-1 ... times lambda: 1 / share^2). */
  b: Float64Array;
  /** AC's gamma (currency per share per share) and sigma (currency per sqrt(day)). */
  gamma: number;
  sigmaPerSqrtDay: number;
}

export interface LinearisationInputs {
  impact: ResolvedImpact;
  s0: number;
  sigma0PerSqrtYear: number;
  shares: number;
  stepVolume: Float64Array;
  tauDays: number;
  lambdaPerCurrency: number;
  clock: Clock;
  linearisation: Linearisation;
  varianceWeights?: Float64Array;
}

export function curvatureFactor(beta: number, linearisation: Linearisation): number {
  return linearisation === 'curvature' ? (beta * (1 + beta)) / 2 : 1;
}

export function quadraticModel(i: LinearisationInputs): QuadraticModel {
  const { impact, shares, stepVolume } = i;
  const N = stepVolume.length;
  const beta = impact.temporaryBeta;
  const factor = curvatureFactor(beta, i.linearisation);
  const gamma = impact.permanentAdd + i.s0 * impact.permanentLog;
  const totalVolume = stepVolume.reduce((x, y) => x + y, 0);
  const meanScale = impact.temporaryScale.reduce((x, y) => x + y, 0) / N;
  const a = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    const nBar = i.clock === 'volume' ? (shares * stepVolume[k]!) / totalVolume : shares / N;
    const scale = i.clock === 'volume' ? impact.temporaryScale[k]! : meanScale;
    a[k] = factor * scale * powPositive(nBar, beta - 1) - gamma / 2;
  }
  const sigmaPerSqrtDay = (i.s0 * i.sigma0PerSqrtYear) / Math.sqrt(DAYS_PER_YEAR);
  const b = Float64Array.from(
    { length: Math.max(N - 1, 0) },
    (_, k) =>
      i.lambdaPerCurrency *
      sigmaPerSqrtDay *
      sigmaPerSqrtDay *
      i.tauDays *
      (i.varianceWeights ? i.varianceWeights[k]! : 1),
  );
  return { a, b, gamma, sigmaPerSqrtDay };
}
