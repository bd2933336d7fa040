// Heston full-truncation Euler on log price (Lord, Koekkoek, van Dijk 2010, "A comparison of biased
// simulation schemes for stochastic volatility models", eq. 9 with f1 = f2 = f3 = max(., 0)), exactly the
// scheme of bench/workloads/heston-paths.json:
//   vp = max(v, 0); x' = x + (mu - vp/2) dt + sqrt(vp dt) z1
//   v' = v + kappa (theta - vp) dt + xi sqrt(vp dt) (rho z1 + sqrt(1 - rho^2) z2)
// Weak order 1 (bias of the 252-step call price +0.0042, ../shared/references). The model never owns a
// random generator: z1, z2 (normals 2k and 2k + 1 of the path's stream 0) come from the caller.
import { P_DT, P_MU_DT, P_HALF_DT, P_KAPPA_THETA_DT, P_KAPPA_DT, P_XI, P_RHO, P_RHO_BAR, paramX2 } from '../market-params';

// @ts-ignore: decorator
@inline export function logPriceStep(x: v128, vp: v128, sq: v128, z1: v128, muDt: v128, halfDt: v128): v128 {
  return f64x2.add(f64x2.add(x, f64x2.sub(muDt, f64x2.mul(halfDt, vp))), f64x2.mul(sq, z1));
}

// @ts-ignore: decorator
@inline export function varianceStep(v: v128, vp: v128, sq: v128, z1: v128, z2: v128,
  kappaThetaDt: v128, kappaDt: v128, xi: v128, rho: v128, rhoBar: v128): v128 {
  const drift = f64x2.sub(kappaThetaDt, f64x2.mul(kappaDt, vp));
  const shock = f64x2.mul(f64x2.mul(xi, sq), f64x2.add(f64x2.mul(rho, z1), f64x2.mul(rhoBar, z2)));
  return f64x2.add(f64x2.add(v, drift), shock);
}

/**
 * Advances eight paths n steps. State at statePtr: x of paths (0,1) (2,3) (4,5) (6,7), then v likewise
 * (8 x 16 bytes). Normals of paths 0-3 at normalsA and 4-7 at normalsB, 64 bytes per step (rng/normal.ts
 * layout). When xOutPtr != 0 the log price before each step goes there, 64 bytes per step.
 * Four independent f64x2 chains: the v recursion has a sqrt (15 cycles) on its critical path.
 */
export function eulerAdvanceBlock(paramsPtr: usize, statePtr: usize, normalsA: usize, normalsB: usize,
  n: i32, xOutPtr: usize): void {
  const dt = paramX2(paramsPtr, P_DT), muDt = paramX2(paramsPtr, P_MU_DT), halfDt = paramX2(paramsPtr, P_HALF_DT);
  const kappaThetaDt = paramX2(paramsPtr, P_KAPPA_THETA_DT), kappaDt = paramX2(paramsPtr, P_KAPPA_DT);
  const xi = paramX2(paramsPtr, P_XI), rho = paramX2(paramsPtr, P_RHO), rhoBar = paramX2(paramsPtr, P_RHO_BAR);
  const zero = f64x2.splat(0.0);
  let xa = v128.load(statePtr), xb = v128.load(statePtr, 16), xc = v128.load(statePtr, 32), xd = v128.load(statePtr, 48);
  let va = v128.load(statePtr, 64), vb = v128.load(statePtr, 80), vc = v128.load(statePtr, 96), vd = v128.load(statePtr, 112);
  for (let k = 0; k < n; k++) {
    if (xOutPtr) {
      const xo = xOutPtr + (<usize>k << 6);
      v128.store(xo, xa);
      v128.store(xo, xb, 16);
      v128.store(xo, xc, 32);
      v128.store(xo, xd, 48);
    }
    const zA = normalsA + (<usize>k << 6), zB = normalsB + (<usize>k << 6);
    const z1a = v128.load(zA), z1b = v128.load(zA, 16), z2a = v128.load(zA, 32), z2b = v128.load(zA, 48);
    const z1c = v128.load(zB), z1d = v128.load(zB, 16), z2c = v128.load(zB, 32), z2d = v128.load(zB, 48);
    // full truncation v+ = v < 0 ? 0 : v (pmax: one instruction, where max's NaN and -0 rules cost seven on x64)
    const vpa = f64x2.pmax(va, zero), vpb = f64x2.pmax(vb, zero), vpc = f64x2.pmax(vc, zero), vpd = f64x2.pmax(vd, zero);
    const sqa = f64x2.sqrt(f64x2.mul(vpa, dt)), sqb = f64x2.sqrt(f64x2.mul(vpb, dt));
    const sqc = f64x2.sqrt(f64x2.mul(vpc, dt)), sqd = f64x2.sqrt(f64x2.mul(vpd, dt));
    xa = logPriceStep(xa, vpa, sqa, z1a, muDt, halfDt);
    xb = logPriceStep(xb, vpb, sqb, z1b, muDt, halfDt);
    xc = logPriceStep(xc, vpc, sqc, z1c, muDt, halfDt);
    xd = logPriceStep(xd, vpd, sqd, z1d, muDt, halfDt);
    va = varianceStep(va, vpa, sqa, z1a, z2a, kappaThetaDt, kappaDt, xi, rho, rhoBar);
    vb = varianceStep(vb, vpb, sqb, z1b, z2b, kappaThetaDt, kappaDt, xi, rho, rhoBar);
    vc = varianceStep(vc, vpc, sqc, z1c, z2c, kappaThetaDt, kappaDt, xi, rho, rhoBar);
    vd = varianceStep(vd, vpd, sqd, z1d, z2d, kappaThetaDt, kappaDt, xi, rho, rhoBar);
  }
  v128.store(statePtr, xa); v128.store(statePtr, xb, 16); v128.store(statePtr, xc, 32); v128.store(statePtr, xd, 48);
  v128.store(statePtr, va, 64); v128.store(statePtr, vb, 80); v128.store(statePtr, vc, 96); v128.store(statePtr, vd, 112);
}
