// Almgren-Chriss parameters of an arbitrary market, by linearisation at the TWAP trading rate.
//
// Exact in the AC world (arithmetic price, linear impact). Elsewhere: sigma = s0 sigma0 per sqrt(day) (sigma0 the
// initial volatility of returns); permanent gamma = s0 x (log-price shift per share); temporary eta = the secant
// of the per-share temporary cost at the TWAP quantity n_bar, scale n_bar^(beta - 1) tau (times 1/2 beta (1 + beta)
// when matched by curvature, see linearise-general.ts); epsilon = the half
// spread. Transient impact is not part of the AC model and is left out of its parameters.
import type { ResolvedImpact } from '../market/impact.js';
import { powPositive } from '../math/portable-math.js';
import { DAYS_PER_YEAR } from '../market/time.js';
import type { AlmgrenChrissParameters } from './almgren-chriss.js';
import { curvatureFactor, type Linearisation } from './linearise-general.js';

export function linearisedParameters(
  impact: ResolvedImpact,
  s0: number,
  sigma0PerSqrtYear: number,
  shares: number,
  steps: number,
  tauDays: number,
  linearisation: Linearisation = 'secant',
): AlmgrenChrissParameters {
  const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
  const nBar = shares / steps;
  return {
    shares,
    steps,
    tauDays,
    sigmaPerSqrtDay: (s0 * sigma0PerSqrtYear) / Math.sqrt(DAYS_PER_YEAR),
    gamma: impact.permanentAdd + s0 * impact.permanentLog,
    eta:
      curvatureFactor(impact.temporaryBeta, linearisation) *
      mean(impact.temporaryScale) *
      powPositive(nBar, impact.temporaryBeta - 1) *
      tauDays,
    epsilon: mean(impact.spread),
  };
}

/** lambda in 1 / currency from a config's riskAversion (per unit of IS/notional squared) or its per-currency form. */
export function lambdaPerCurrency(
  spec: { riskAversion?: number; riskAversionPerCurrency?: number },
  notional: number,
): number {
  if (spec.riskAversionPerCurrency !== undefined) return spec.riskAversionPerCurrency;
  return (spec.riskAversion ?? 1) / notional;
}
