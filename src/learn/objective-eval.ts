// The objective (minus the episode return plus the terminal cost of what is left, bps) of policies on common paths: per-path samples for paired statistics.
import type { KernelBackend } from '../engine/backend.js';
import type { EnvSpec, PolicyRef } from '../engine/env-spec.js';
import type { TerminalCost } from '../eval/closed-loop.js';
import { seedWords } from '../engine/seed.js';
import { ROLLOUT_COLUMNS } from '../engine/env-layout.js';
import { CHUNK_PATHS } from '../eval/plan.js';
import { Z95 } from '../eval/summary.js';
import { twoSidedPValue } from '../math/normal-cdf.js';

/** Objective of each of `paths` paths (from path 0 of `seed`) under a deterministic policy, bps. */
export function objectiveSamples(
  backend: KernelBackend,
  spec: EnvSpec,
  policy: PolicyRef,
  paths: number,
  seed: number,
  terminalCostBps?: TerminalCost,
): Float64Array {
  const s = { ...spec, seed: seedWords(seed) };
  const out = new Float64Array(paths);
  const columns = new Float64Array(ROLLOUT_COLUMNS * CHUNK_PATHS);
  for (let first = 0; first < paths; first += CHUNK_PATHS) {
    const n = Math.min(CHUNK_PATHS, paths - first);
    backend.closedLoopRollout(s, first, n, policy, columns, CHUNK_PATHS);
    for (let i = 0; i < n; i++) {
      const at = (c: number) => columns[c * CHUNK_PATHS + i]!;
      out[first + i] = -at(9) + (terminalCostBps ? terminalCostBps(at(5), at(10), at(8)) : 0);
    }
  }
  return out;
}

export interface SampleSummary {
  mean: number;
  stderr: number;
  ci95: [number, number];
}

export function summarise(x: Float64Array): SampleSummary {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let m2 = 0;
  for (const v of x) m2 += (v - mean) * (v - mean);
  const stderr = Math.sqrt(m2 / (n - 1) / n);
  return { mean, stderr, ci95: [mean - Z95 * stderr, mean + Z95 * stderr] };
}

/** mean(a - b) on common paths with its CI and p-value. */
export function pairedSummary(a: Float64Array, b: Float64Array): SampleSummary & { pValue: number } {
  const d = a.map((v, i) => v - b[i]!);
  const s = summarise(d);
  return { ...s, pValue: twoSidedPValue(s.mean, s.stderr) };
}
