// Plain-TS twin of assembly/rollout/sample-paths.ts: prices S_0 .. S_steps of each path, row-major.
import type { Seed } from '../../engine/seed.js';
import { exp } from '../../math/exp.js';
import { PathStepper } from './model-block.js';

export function samplePaths(
  model: number,
  params: Float64Array,
  seed: Seed,
  firstPath: number,
  n: number,
  steps: number,
  out: Float64Array,
): void {
  const path = new PathStepper(model, params, seed);
  for (let i = 0; i < n; i++) {
    path.reset(firstPath + i);
    for (let k = 0; k < steps; k++) {
      out[i * (steps + 1) + k] = path.price(exp);
      path.step(k);
    }
    out[i * (steps + 1) + steps] = path.price(exp);
  }
}
