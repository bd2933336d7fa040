// Permanent impact: every share already traded moves the price for good (Almgren and Chriss 2000). Log models scale
// the unimpacted price S by f = exp(-sigma permLog cum) (sigma the side, +1 sell, cum the shares traded so far); the
// arithmetic model shifts it by permAdd cum per share instead. Accuracy: the engine's exp (a few ulp).
import { expF64x2 } from '../math/exp';

/** f = exp(-sigma permLog cum) on two lanes (negSidePermLog = -sigma permLog); callers use 1 when permLog = 0. */
// @ts-ignore: decorator
@inline export function permanentFactor(negSidePermLog: v128, cum: v128): v128 {
  return expF64x2(f64x2.mul(negSidePermLog, cum));
}

/** The additive shift per share, permAdd cum (0 for the log models, whose permAdd is 0). */
// @ts-ignore: decorator
@inline export function permanentShift(permAdd: v128, cum: v128): v128 {
  return f64x2.mul(permAdd, cum);
}

/** Permanent cost of a trade of n shares (sideN = sigma n) at price S: sigma n S (1 - f) + n shift. */
// @ts-ignore: decorator
@inline export function permanentCost(sideN: v128, price: v128, factor: v128, n: v128, shift: v128): v128 {
  return f64x2.add(f64x2.mul(f64x2.mul(sideN, price), f64x2.sub(f64x2.splat(1.0), factor)), f64x2.mul(n, shift));
}
