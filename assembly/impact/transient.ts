// Transient ("propagator") impact (Obizhaeva and Wang 2013; Gatheral 2010): the decay kernel G is a sum of J
// exponentials (src/market/transient-kernel.ts), so the impact state is J components D_j per path and a step costs
// O(J): a trade's impulse transScale_k n^betaT enters each component with weight w_j, and every component decays by
// d_j per step. The trade at step k pays D = sum_j D_j per share, before its own impulse. Accuracy: exact arithmetic
// on the components; the impulse as temporary.ts's power (a few ulp).
import { powX2 } from './temporary';

/** D of lane pair `pair` (paths 2 pair, 2 pair + 1) of J component arrays (the first at d0, stride bytes apart). */
// @ts-ignore: decorator
@inline export function transientSum(d0: usize, stride: usize, components: i32, pair: i32): v128 {
  let d = f64x2.splat(0.0);
  for (let j = 0; j < components; j++) d = f64x2.add(d, v128.load(d0 + <usize>j * stride + (<usize>pair << 4)));
  return d;
}

/** The impulse of a trade of n shares at a step of scale transScale: transScale n^betaT. */
// @ts-ignore: decorator
@inline export function transientImpulse(n: v128, transScale: v128, beta: f64): v128 {
  return f64x2.mul(transScale, powX2(n, beta));
}

/** D_j = (D_j + w_j impulse) d_j for every component of lane pair `pair` (f64 w_j at weights, d_j at decays). */
// @ts-ignore: decorator
@inline export function transientDecay(d0: usize, stride: usize, components: i32, pair: i32, weights: usize,
  decays: usize, impulse: v128): void {
  for (let j = 0; j < components; j++) {
    const dj = d0 + <usize>j * stride + (<usize>pair << 4);
    v128.store(dj, f64x2.mul(f64x2.add(v128.load(dj), f64x2.mul(v128.load64_splat(weights + (<usize>j << 3)), impulse)),
      v128.load64_splat(decays + (<usize>j << 3))));
  }
}
