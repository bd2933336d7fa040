// simulate(): one workload (canonical by name, or a workload object) by Monte Carlo on an executor; the CLI and API share it.
import { z } from 'zod';
import type { ShardExecutor } from './executor.js';
import { runWorkload } from '../eval/run-workload.js';
import { DEFAULT_SEED } from '../eval/config.js';
import { parseWorkload, type Workload } from '../market/workload.js';
import { BUNDLED_WORKLOADS } from '../workloads/bundled.js';
import { CANONICAL_WORKLOAD_NAMES, type CanonicalWorkloadName } from '../workloads/names.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';
import { engineExecutor, type FlowExecEngine } from './engine.js';
import { tagSimulation, type SimulationResult } from './results.js';

/**
 * Options of {@link simulate}. Every field is optional; numbers are checked and a bad one throws an
 * {@link InputError} naming it (`options.paths: must be an integer`).
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { paths: 100_000, seed: 7, scheme: 'qe', steps: 50 };
 * ```
 */
export interface SimulateOptions {
  /** The engine to run on (default: a fresh one from `createEngine()`; required in `flowexec/browser`). */
  engine?: FlowExecEngine;
  /** Monte Carlo paths (default: the workload's). */
  paths?: number;
  /** Time steps (default: the workload's). */
  steps?: number;
  /** Seed of the counter-based generator (default 20240601). Same seed, same bits, on every runtime. */
  seed?: number;
  /** Heston scheme: full-truncation Euler (default) or Andersen's QE. */
  scheme?: 'euler' | 'qe';
  /** The normals' precision: "f64" (default, the workload's if it sets one) or "f32" (faster; engine/model-params.ts). */
  precision?: 'f64' | 'f32';
  /** Worker threads (Node only; default 1). Results are bit-identical for any thread count. */
  threads?: number;
  /** Paths per shard (a multiple of 1000; default 50,000), the unit of progress and of work per thread. */
  shardPaths?: number;
  /** Called after each shard with the paths done so far and the total. */
  onProgress?: (donePaths: number, totalPaths: number) => void;
  /** Stops the run between shards; the promise then rejects. */
  signal?: AbortSignal;
  /**
   * Where the shards run instead of `engine` / `threads`: a {@link ShardExecutor} (the CLI's worker pool, Redis
   * queue and fan-out to other instances are ones). The caller owns it: `simulate` does not close it.
   */
  executor?: ShardExecutor;
  /** @internal The clock of the run's timings in ms (tests and the API fix it). */
  now?: () => number;
}

const int = z.number({ error: 'must be a number' }).int('must be an integer');
const simulateOptionsSchema = z.looseObject({
  paths: int.min(1, 'must be >= 1').max(4294967295, 'must be below 2^32').optional(),
  steps: int.min(1, 'must be >= 1').max(1_000_000, 'must be at most 1e6').optional(),
  seed: int.min(0, 'must be >= 0').max(Number.MAX_SAFE_INTEGER, 'must be below 2^53').optional(),
  scheme: z.enum(['euler', 'qe'], { error: 'must be "euler" or "qe"' }).optional(),
  precision: z.enum(['f64', 'f32'], { error: 'must be "f64" or "f32"' }).optional(),
  threads: int.min(1, 'must be >= 1').max(256, 'must be <= 256').optional(),
  shardPaths: int
    .min(1000, 'must be >= 1000')
    .refine((n) => n % 1000 === 0, 'must be a multiple of 1000 (one chunk)')
    .optional(),
});

/** The canonical workload of a name, or a workload object validated. */
export function resolveWorkload(workload: CanonicalWorkloadName | Workload | unknown): Workload {
  if (typeof workload === 'string') {
    if (!(CANONICAL_WORKLOAD_NAMES as readonly string[]).includes(workload)) {
      throw new InputError(
        `workload: unknown workload "${workload}" (canonical: ${CANONICAL_WORKLOAD_NAMES.join(', ')})`,
        'workload',
      );
    }
    return parseWorkload(BUNDLED_WORKLOADS[workload as CanonicalWorkloadName]);
  }
  if (
    workload &&
    typeof workload === 'object' &&
    'kind' in workload &&
    (workload as { kind: unknown }).kind !== undefined
  ) {
    const { kind: _kind, ...rest } = workload as Workload;
    return parseWorkload(rest);
  }
  return parseWorkload(workload);
}

/** Options checked; throws InputError naming `options.<field>`. */
export function checkSimulateOptions(options: SimulateOptions): void {
  parseWith(simulateOptionsSchema, options, 'options');
}

/**
 * simulate without Node: the workload run on `options.executor` (else `options.engine` in this thread).
 * `flowexec/browser` exports it as is, the API's route calls it with its executor, and the Node entry's `simulate`
 * calls it after choosing an executor: one code path.
 */
export async function simulate(
  workload: CanonicalWorkloadName | Workload | Record<string, unknown>,
  options: SimulateOptions = {},
): Promise<SimulationResult> {
  checkSimulateOptions(options);
  const executor = options.executor ?? engineExecutor(options, 'flowexec/browser');
  const w = resolveWorkload(workload);
  const scheme = options.scheme ?? 'euler';
  if (scheme === 'qe' && w.heston.xi === 0)
    throw new InputError('options.scheme: "qe" needs heston.xi > 0 (use "euler")', 'options.scheme');
  const result = await runWorkload(
    w,
    {
      paths: options.paths,
      steps: options.steps,
      seed: options.seed ?? DEFAULT_SEED,
      scheme,
      precision: options.precision,
      shardChunks: options.shardPaths && options.shardPaths / 1000,
      onProgress: options.onProgress,
      signal: options.signal,
      now: options.now,
    },
    executor,
  );
  return tagSimulation(result);
}
