// Plain-TS twin of assembly/impact/permanent.ts: the permanent impact factor, shift and cost, same operation order.
import { exp } from '../../math/exp.js';

/** f = exp(-sigma permLog cum) (negSidePermLog = -sigma permLog); callers use 1 when permLog = 0. */
export function permanentFactor(negSidePermLog: number, cum: number): number {
  return exp(negSidePermLog * cum);
}

/** The additive shift per share, permAdd cum. */
export function permanentShift(permAdd: number, cum: number): number {
  return permAdd * cum;
}

/** Permanent cost of a trade of n shares (sideN = sigma n) at price S: sigma n S (1 - f) + n shift. */
export function permanentCost(sideN: number, price: number, factor: number, n: number, shift: number): number {
  return sideN * price * (1.0 - factor) + n * shift;
}
