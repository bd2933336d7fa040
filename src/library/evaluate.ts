// evaluate(): every strategy of a config on common random numbers, on an executor; the CLI, the API and scripts share it.
import { z } from 'zod';
import type { ShardExecutor } from '../eval/executor.js';
import { runEvaluation } from '../eval/evaluate.js';
import { parseEvaluationConfig, type EvaluationConfig } from '../eval/config.js';
import { parsePolicyFile, type PolicyFile } from '../strategies/policy-file.js';
import { parseWith } from '../errors/zod-errors.js';
import type { FlowExecEngine } from './engine.js';
import { tagEvaluation, type EvaluationReport } from './results.js';

/**
 * Options of {@link evaluate}. Every field is optional; `paths` and `seed` override the config's `evaluation` block.
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
  /** Worker threads (Node only; default 1). Results are bit-identical for any thread count. */
  threads?: number;
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
}

const int = z.number({ error: 'must be a number' }).int('must be an integer');
const evaluateOptionsSchema = z.looseObject({
  paths: int.min(1, 'must be >= 1').max(4_000_000_000, 'must be <= 4e9').optional(),
  seed: int.min(0, 'must be >= 0').max(Number.MAX_SAFE_INTEGER, 'must be below 2^53').optional(),
  threads: int.min(1, 'must be >= 1').max(256, 'must be <= 256').optional(),
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
 * evaluate's body on a given executor, with the policies already loaded (the public entries choose the executor and
 * load policy files; the API passes its own executor and refuses file policies).
 */
export async function evaluateOn(
  executor: ShardExecutor,
  config: EvaluationConfig | unknown,
  options: EvaluateOptions & { now?: () => number } = {},
  loaded?: ReadonlyMap<string, PolicyFile>,
): Promise<EvaluationReport> {
  checkEvaluateOptions(options);
  const parsed = parseEvaluationConfig(config);
  const policies = loaded ?? policyMap(options.policies);
  const result = await runEvaluation(parsed, executor, {
    paths: options.paths,
    seed: options.seed,
    policies,
    onProgress: options.onProgress,
    signal: options.signal,
    now: options.now,
  });
  return tagEvaluation(result);
}
