// Full price paths of a plan for plotting: a small, bounded request (every other run streams statistics only).
import type { KernelBackend } from '../engine/backend.js';
import { seedWords } from '../engine/seed.js';
import { InputError } from '../errors/input-error.js';
import type { SimulationPlan } from './plan.js';

export const MAX_SAMPLE_PATHS = 1000;
/** At most this many prices in one request (16 MB of doubles). */
export const MAX_SAMPLE_VALUES = 2_000_000;

export interface SampledPaths {
  paths: number;
  steps: number;
  /** Years between consecutive prices. */
  dtYears: number;
  /** Row-major [path][steps + 1]: S_0 .. S_steps, unimpacted, the same draws as the plan's first paths. */
  prices: Float64Array;
}

export function samplePricePaths(backend: KernelBackend, plan: SimulationPlan, n: number): SampledPaths {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_PATHS)
    throw new InputError(`sample paths must be an integer in [1, ${MAX_SAMPLE_PATHS}], got ${n}`, 'samplePaths');
  if (n * (plan.steps + 1) > MAX_SAMPLE_VALUES) {
    throw new InputError(
      `sample paths: ${n} paths x ${plan.steps + 1} prices exceeds ${MAX_SAMPLE_VALUES.toLocaleString('en-US')} values; ask for fewer paths`,
      'samplePaths',
    );
  }
  const prices = new Float64Array(n * (plan.steps + 1));
  backend.samplePaths(plan.modelId, plan.params, seedWords(plan.seed), 0, n, plan.steps, prices);
  return { paths: n, steps: plan.steps, dtYears: plan.horizonYears / plan.steps, prices };
}
