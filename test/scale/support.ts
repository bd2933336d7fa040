// What the scale-out tests share: the runs they distribute (an evaluation with a frontier, a workload run in many
// shards), the same runs done locally in this thread, and the comparison that ignores only timings.
import { readFileSync } from 'node:fs';
import type { ShardExecutor } from '../../src/eval/executor.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { runWorkload } from '../../src/eval/run-workload.js';
import { canonical, wasmExecutor } from '../support/workloads.js';

const EXAMPLE = new URL('../../examples/almgren-chriss.json', import.meta.url).pathname;

/** The Almgren-Chriss example: 5 strategies and a 7-point frontier, 200,000 paths: 4 main and 4 frontier shards. */
export const evaluationConfig = () => parseEvaluationConfig(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
export const EVALUATION_PATHS = 200_000;

export function evaluate(executor: ShardExecutor, onProgress?: (done: number, total: number) => void) {
  return runEvaluation(evaluationConfig(), executor, { paths: EVALUATION_PATHS, onProgress });
}

/** heston-paths, 252 steps, in shards of `shardChunks` thousand paths. */
export function workloadRun(
  executor: ShardExecutor,
  paths: number,
  shardChunks: number,
  onProgress?: (done: number, total: number) => void,
) {
  return runWorkload(canonical('heston-paths'), { paths, seed: 7, scheme: 'euler', shardChunks, onProgress }, executor);
}

/** A result without its timings and executor size: what must be bit-identical (JSON numbers round-trip exactly). */
export function statistics(result: object): string {
  const { wallSeconds: _w, pathStepsPerSec: _p, threads: _t, provenance, ...rest } = result as Record<string, unknown>;
  // provenance records how the run was executed (its thread count among them), not what it computed
  const { threads: _pt, ...same } = (provenance ?? {}) as Record<string, unknown>;
  return JSON.stringify(provenance === undefined ? rest : { ...rest, provenance: same });
}

let local: { evaluation?: string; workloads: Map<string, string> } = { workloads: new Map() };

export async function localEvaluation(): Promise<string> {
  local.evaluation ??= statistics(await evaluate(await wasmExecutor()));
  return local.evaluation;
}

export async function localWorkload(paths: number, shardChunks: number): Promise<string> {
  const key = `${paths}/${shardChunks}`;
  if (!local.workloads.has(key))
    local.workloads.set(key, statistics(await workloadRun(await wasmExecutor(), paths, shardChunks)));
  return local.workloads.get(key)!;
}
