// Brownian price models on the engine's draws: geometric (x = log price, exact in distribution:
// x' = x + (mu - sigma^2/2) dt + sigma sqrt(dt) z) and arithmetic (x = price, Bachelier / Almgren-Chriss 2000:
// x' = x + mu dt + sigma sqrt(dt) z). Both are x' = x + drift + vol z with constants from the parameter block.
// Step k takes normal k of the path's stream 0 (rng/normal.ts), which sits at 32 k in a normals block.
import { P_DRIFT_DT, P_VOL_SQRT_DT, paramX2 } from '../market-params';

/**
 * Advances eight paths n steps (state and xOutPtr as eulerAdvanceBlock: x of paths (0,1) .. (6,7) at statePtr);
 * normals of paths 0-3 at normalsA and 4-7 at normalsB.
 */
export function brownianAdvanceBlock(paramsPtr: usize, statePtr: usize, normalsA: usize, normalsB: usize,
  n: i32, xOutPtr: usize): void {
  const drift = paramX2(paramsPtr, P_DRIFT_DT), vol = paramX2(paramsPtr, P_VOL_SQRT_DT);
  let xa = v128.load(statePtr), xb = v128.load(statePtr, 16), xc = v128.load(statePtr, 32), xd = v128.load(statePtr, 48);
  for (let k = 0; k < n; k++) {
    if (xOutPtr) {
      const xo = xOutPtr + (<usize>k << 6);
      v128.store(xo, xa); v128.store(xo, xb, 16); v128.store(xo, xc, 32); v128.store(xo, xd, 48);
    }
    const zA = normalsA + (<usize>k << 5), zB = normalsB + (<usize>k << 5);
    xa = f64x2.add(f64x2.add(xa, drift), f64x2.mul(vol, v128.load(zA)));
    xb = f64x2.add(f64x2.add(xb, drift), f64x2.mul(vol, v128.load(zA, 16)));
    xc = f64x2.add(f64x2.add(xc, drift), f64x2.mul(vol, v128.load(zB)));
    xd = f64x2.add(f64x2.add(xd, drift), f64x2.mul(vol, v128.load(zB, 16)));
  }
  v128.store(statePtr, xa); v128.store(statePtr, xb, 16); v128.store(statePtr, xc, 32); v128.store(statePtr, xd, 48);
}
