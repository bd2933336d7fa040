// Plain-TS twin of assembly/heston/euler.ts: one full-truncation Euler step from the parameter block.
import * as L from '../../engine/layout.js';

/** Result of a step; reused to avoid allocation in the twin's inner loop. */
export interface HestonState {
  x: number;
  v: number;
}

/** season: the step's volatility multiplier of the environment's intraday seasonality (1: none, no bit changes). */
export function eulerStep(p: Float64Array, s: HestonState, z1: number, z2: number, season = 1): void {
  const vp = s.v < 0 ? 0 : s.v; // the kernel's pmax: -0 stays -0, as in f64x2.pmax
  const sq = Math.sqrt(vp * p[L.P_DT]!);
  const x = s.x + (p[L.P_MU_DT]! - p[L.P_HALF_DT]! * (season * season) * vp) + sq * season * z1;
  const drift = p[L.P_KAPPA_THETA_DT]! - p[L.P_KAPPA_DT]! * vp;
  const shock = p[L.P_XI]! * sq * (p[L.P_RHO]! * z1 + p[L.P_RHO_BAR]! * z2);
  s.v = s.v + drift + shock;
  s.x = x;
}
