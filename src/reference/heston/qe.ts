// Plain-TS twin of assembly/heston/qe.ts: one Andersen QE step with martingale correction, same operation order.
import * as L from '../../engine/layout.js';
import { log } from '../../math/log.js';
import type { HestonState } from './euler.js';

export function qeStep(p: Float64Array, s: HestonState, zv: number, z: number, uv: number): void {
  const x = s.x,
    v = s.v;
  const theta = p[L.P_THETA]!;
  const m = theta + (v - theta) * p[L.P_E]!;
  const s2 = v * p[L.P_S2_V]! + p[L.P_S2_0]!;
  const psi = s2 / (m * m);
  const A = p[L.P_A]!;
  const k0 = p[L.P_K0]!;
  let vNext: number, drift: number;
  if (psi <= p[L.P_PSI_C]!) {
    const twoOverPsi = 2.0 / psi;
    const b2 = twoOverPsi - 1.0 + Math.sqrt(twoOverPsi) * Math.sqrt(twoOverPsi - 1.0);
    const a = m / (1.0 + b2);
    const bz = Math.sqrt(b2) + zv;
    vNext = a * (bz * bz);
    const oneMinus2Aa = 1.0 - 2.0 * A * a;
    const k0Quad = -(A * b2 * a) / oneMinus2Aa + 0.5 * log(oneMinus2Aa);
    drift = oneMinus2Aa > 0.0 ? k0Quad - p[L.P_K1_HALF_K3]! * v : k0;
  } else {
    const pr = (psi - 1.0) / (psi + 1.0);
    const oneMinusP = 1.0 - pr;
    const beta = oneMinusP / m;
    vNext = uv <= pr ? 0.0 : log(oneMinusP / (1.0 - uv)) / beta;
    const k0Exp = -log(pr + (beta * oneMinusP) / (beta - A));
    drift = beta > A ? k0Exp - p[L.P_K1_HALF_K3]! * v : k0;
  }
  const diffusion = Math.sqrt(p[L.P_K3]! * v + p[L.P_K4]! * vNext);
  const linear = p[L.P_K1]! * v + p[L.P_K2]! * vNext;
  s.x = x + p[L.P_MU_DT]! + drift + linear + diffusion * z;
  s.v = vNext;
}
