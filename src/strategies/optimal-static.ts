// The `optimal-static` strategy: the schedule optimiser run on the market as configured (concave, transient,
// volume curve, participation cap), minimising the evaluation's score for static schedules.
//
// Objective stated (currency; bps after dividing by the arrival notional N = X s0):
//   E[IS](n) + lambda Var[IS](n),  lambda = riskAversion / N  (riskAversion: the strategy's, else the evaluation's)
// E[IS] is exact for a static schedule at zero drift (market/static-costs.ts); Var[IS] is the Almgren-Chriss timing
// variance sigma^2 tau sum w_k x_k^2 with sigma = s0 sigma0 per sqrt(day) at the arrival volatility (exact for ABM,
// the leading term for GBM and Heston). This is the score `flowexec evaluate` ranks by, so for linear impact on a flat
// curve without a cap the optimum is the Almgren-Chriss closed form (test/strategies/optimal-static.test.ts).
import type { ResolvedImpact } from '../market/impact.js';
import { DAYS_PER_YEAR } from '../market/time.js';
import { optimalSchedule, type OptimalSchedule, type ScheduleObjective } from './optimal-schedule.js';
import { vwapSchedule } from './classic.js';

export interface OptimalStaticInputs {
  impact: ResolvedImpact;
  stepVolume: Float64Array;
  s0: number;
  side: 1 | -1;
  shares: number;
  stepDays: number;
  /** Arrival volatility of returns per sqrt(year). */
  sigma0PerSqrtYear: number;
  participationCap: number;
  lambdaPerCurrency: number;
  varianceWeights?: Float64Array;
}

export function optimalStaticObjective(i: OptimalStaticInputs): ScheduleObjective {
  return {
    impact: i.impact,
    stepVolume: i.stepVolume,
    s0: i.s0,
    side: i.side,
    shares: i.shares,
    lambdaPerCurrency: i.lambdaPerCurrency,
    sigmaPerSqrtDay: (i.s0 * i.sigma0PerSqrtYear) / Math.sqrt(DAYS_PER_YEAR),
    tauDays: i.stepDays,
    varianceWeights: i.varianceWeights,
    capShares: i.participationCap < 1 ? i.stepVolume.map((v) => i.participationCap * v) : undefined,
  };
}

/** The optimal static schedule (shares per step), started from VWAP. */
export function optimalStaticSchedule(i: OptimalStaticInputs): OptimalSchedule {
  return optimalSchedule(optimalStaticObjective(i), vwapSchedule(i.shares, i.stepVolume));
}
