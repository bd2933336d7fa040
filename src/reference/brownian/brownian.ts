// Plain-TS twin of assembly/brownian/brownian.ts: one step of GBM (x = log price) or ABM (x = price),
// x' = x + drift + vol z with the constants of the parameter block.
import * as L from '../../engine/layout.js';
import type { HestonState } from '../heston/euler.js';

export function brownianStep(p: Float64Array, s: HestonState, z: number): void {
  s.x = s.x + p[L.P_DRIFT_DT]! + p[L.P_VOL_SQRT_DT]! * z;
}
