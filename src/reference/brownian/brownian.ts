// Plain-TS twin of assembly/brownian/brownian.ts: one step of GBM (x = log price) or ABM (x = price),
// x' = x + drift + vol z with the constants of the parameter block.
import * as L from '../../engine/layout.js';
import type { HestonState } from '../heston/euler.js';

/**
 * season: the environment's volatility multiplier s_k (1: none); GBM's Ito term follows it,
 * drift - (s^2 - 1) sigma^2 dt / 2, as in assembly/rollout/execution-env.ts.
 */
export function brownianStep(p: Float64Array, s: HestonState, z: number, season = 1, gbm = false): void {
  const vol = p[L.P_VOL_SQRT_DT]!;
  const drift = gbm ? p[L.P_DRIFT_DT]! - (season * season - 1.0) * (0.5 * vol * vol) : p[L.P_DRIFT_DT]!;
  s.x = s.x + drift + vol * season * z;
}
