// evaluate(): every strategy of a config on common random numbers, on an executor; the CLI, the API and scripts share it.
import { z } from 'zod';
import type { ShardExecutor } from './executor.js';
import { runEvaluation } from '../eval/evaluate.js';
import { parseEvaluationConfig, type EvaluationConfig } from '../eval/config.js';
import { parsePolicyFile, type PolicyFile } from '../strategies/policy-file.js';
import { parseWith } from '../errors/zod-errors.js';
import { engineExecutor, type FlowExecEngine } from './engine.js';
import { tagEvaluation, type EvaluationReport } from './results.js';

/**
 * Options of {@link evaluate}. Every field is optional; `paths`, `seed` and `precision` override the config's
 * `evaluation` block.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const options: EvaluateOptions = {
 *   paths: 50_000,
 *   onProgress: (done, total) => console.log(`${done}/${total}`),
 *   signal: controller.signal,
 * };
 * ```
 */
export interface EvaluateOptions {
  /** The engine to run on (default: a fresh one from `createEngine()`; required in `flowexec/browser`). */
  engine?: FlowExecEngine;
  /** Monte Carlo paths (default: the config's `evaluation.paths`). */
  paths?: number;
  /** Seed (default: the config's `evaluation.seed`). */
  seed?: number;
  /** The normals' precision (default: the config's `evaluation.precision`, else "f64"); "f32" is faster. */
  precision?: 'f64' | 'f32';
  /** Worker threads (Node only; default 1). Results are bit-identical for any thread count. */
  threads?: number;
  /** Paths per shard (a multiple of 1000; default 50,000): the unit of progress and of work per thread. */
  shardPaths?: number;
  /** Also report each strategy's expected trade and inventory per step (`report.schedules`). */
  schedules?: boolean;
  /**
   * Policies of the config's `{ "type": "policy", "file": F }` strategies, by F: policy files as parsed JSON (see
   * {@link parsePolicyFile}) or made from weights with {@link mlpPolicy}. On Node a policy not given here is read
   * from the file F (relative to `baseDir`).
   */
  policies?: Record<string, unknown> | ReadonlyMap<string, unknown>;
  /** Folder that relative policy file names are read from (Node only; default: the working directory). */
  baseDir?: string;
  /** Called after each shard with the paths done so far and the total (twice the paths with a frontier). */
  onProgress?: (donePaths: number, totalPaths: number) => void;
  /** Stops the run between shards; the promise then rejects with an Error ("simulation cancelled"). */
  signal?: AbortSignal;
  /**
   * Where the shards run instead of `engine` / `threads`: a {@link ShardExecutor} (the CLI's worker pool, Redis
   * queue and fan-out to other instances are ones). The caller owns it: `evaluate` does not close it.
   */
  executor?: ShardExecutor;
  /** @internal The clock of the run's timings in ms (tests and the API fix it). */
  now?: () => number;
}

const int = z.number({ error: 'must be a number' }).int('must be an integer');
const evaluateOptionsSchema = z.looseObject({
  paths: int.min(1, 'must be >= 1').max(4_000_000_000, 'must be <= 4e9').optional(),
  seed: int.min(0, 'must be >= 0').max(Number.MAX_SAFE_INTEGER, 'must be below 2^53').optional(),
  precision: z.enum(['f64', 'f32'], { error: 'must be "f64" or "f32"' }).optional(),
  threads: int.min(1, 'must be >= 1').max(256, 'must be <= 256').optional(),
  shardPaths: int
    .min(1000, 'must be >= 1000')
    .refine((n) => n % 1000 === 0, 'must be a multiple of 1000 (one chunk)')
    .optional(),
  schedules: z.boolean({ error: 'must be true or false' }).optional(),
});

/** The options' policies validated, by name (each named `policies.<name>` in errors). */
export function policyMap(policies: EvaluateOptions['policies']): Map<string, PolicyFile> {
  const entries = policies instanceof Map ? [...policies.entries()] : Object.entries(policies ?? {});
  return new Map(entries.map(([key, value]) => [key, parsePolicyFile(value, `policies.${key}`)]));
}

/** Options checked; throws InputError naming `options.<field>`. */
export function checkEvaluateOptions(options: EvaluateOptions): void {
  parseWith(evaluateOptionsSchema, options, 'options');
}

/**
 * evaluate without Node: the config validated, its strategies run on `options.executor` (else `options.engine` in
 * this thread), policies from `options.policies` only. `flowexec/browser` exports it as is, the API's routes and
 * jobs call it with their executor, and the Node entry's `evaluate` calls it after choosing an executor and reading
 * policy files: one code path.
 */
export async function evaluate(
  config: EvaluationConfig | Record<string, unknown>,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  checkEvaluateOptions(options);
  const executor = options.executor ?? engineExecutor(options, 'flowexec/browser');
  const parsed = parseEvaluationConfig(config);
  if (options.precision) parsed.evaluation.precision = options.precision;
  const result = await runEvaluation(parsed, executor, {
    paths: options.paths,
    seed: options.seed,
    policies: policyMap(options.policies),
    shardChunks: options.shardPaths && options.shardPaths / 1000,
    schedules: options.schedules,
    onProgress: options.onProgress,
    signal: options.signal,
    now: options.now,
  });
  return tagEvaluation(result);
}
