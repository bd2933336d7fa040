// Plain-TS twin of assembly/impact/transient.ts: the propagator's J exponential components of one path.
import { pow } from './temporary.js';

/** D = sum_j D_j, summed in component order. */
export function transientSum(components: Float64Array): number {
  let d = 0.0;
  for (let j = 0; j < components.length; j++) d += components[j]!;
  return d;
}

/** The impulse of a trade of n shares at a step of scale transScale: transScale n^betaT. */
export function transientImpulse(n: number, transScale: number, beta: number): number {
  return transScale * pow(n, beta);
}

/** D_j = (D_j + w_j impulse) d_j for every component. */
export function transientDecay(
  components: Float64Array,
  weights: Float64Array,
  decays: Float64Array,
  impulse: number,
): void {
  for (let j = 0; j < components.length; j++) components[j] = (components[j]! + weights[j]! * impulse) * decays[j]!;
}
