// Plain-TS twin of assembly/rollout/terminal.ts: terminal states, one path at a time.
import type { Seed } from '../../engine/seed.js';
import { PathStepper } from './model-block.js';

export function terminalValues(
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
    for (let k = 0; k < steps; k++) path.step(k);
    out[i] = path.state.x;
  }
}
