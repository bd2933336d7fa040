// Plain-TS twin of assembly/rollout/static-schedule.ts: A_s = sum n_sk S_k, B_s = sum g_sk S_k, and S_N per path.
import type { Seed } from '../../engine/seed.js';
import { exp } from '../../math/exp.js';
import { PathStepper } from './model-block.js';

export function staticExecution(
  model: number,
  params: Float64Array,
  seed: Seed,
  firstPath: number,
  n: number,
  steps: number,
  nStrategies: number,
  qty: Float64Array,
  weight: Float64Array,
  out: Float64Array,
  stride: number,
): void {
  const path = new PathStepper(model, params, seed);
  const a = new Float64Array(nStrategies),
    b = new Float64Array(nStrategies);
  for (let i = 0; i < n; i++) {
    path.reset(firstPath + i);
    a.fill(0);
    b.fill(0);
    for (let k = 0; k < steps; k++) {
      const price = path.price(exp);
      for (let s = 0; s < nStrategies; s++) {
        a[s] = a[s]! + qty[s * steps + k]! * price;
        b[s] = b[s]! + weight[s * steps + k]! * price;
      }
      path.step(k);
    }
    for (let s = 0; s < nStrategies; s++) {
      out[2 * s * stride + i] = a[s]!;
      out[(2 * s + 1) * stride + i] = b[s]!;
    }
    out[2 * nStrategies * stride + i] = path.price(exp);
  }
}
