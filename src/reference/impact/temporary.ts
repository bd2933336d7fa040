// Plain-TS twin of assembly/impact/temporary.ts: the concave temporary impact per share, tempScale_k n^beta.
import { exp } from '../../math/exp.js';
import { log } from '../../math/log.js';

/** x^beta for x >= 0 with the engine's exp and log (x itself when beta = 1), as the kernel's powX2. */
export function pow(x: number, beta: number): number {
  return beta === 1.0 ? x : exp(beta * log(x));
}

/** Temporary cost per share of trading n shares at a step of scale tempScale: tempScale n^beta. */
export function temporaryPerShare(n: number, tempScale: number, beta: number): number {
  return tempScale * pow(n, beta);
}
