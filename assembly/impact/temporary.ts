// Temporary impact, the concave power law (Almgren, Thum, Hauptmann and Li 2005): n shares traded at step k pay
// tempScale_k n^beta per share; TypeScript folds eta, s0 and the step volume into tempScale_k (src/market/impact.ts).
// Accuracy: that of the engine's exp and log (a few ulp); beta = 1 is exact (n itself).
import { expF64x2 } from '../math/exp';
import { logF64x2 } from '../math/log';

/** x^beta on two lanes, x >= 0 (0^beta = 0): the engine's exp and log, so the TS twin matches. */
// @ts-ignore: decorator
@inline export function powX2(x: v128, beta: f64): v128 {
  return beta == 1.0 ? x : expF64x2(f64x2.mul(f64x2.splat(beta), logF64x2(x)));
}

/** Temporary cost per share of trading n shares (two lanes) at a step of scale tempScale: tempScale n^beta. */
// @ts-ignore: decorator
@inline export function temporaryPerShare(n: v128, tempScale: v128, beta: f64): v128 {
  return f64x2.mul(tempScale, powX2(n, beta));
}
