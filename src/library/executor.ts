// The public face of a shard executor: where the shards of simulate and evaluate run (inline, pool, queue, fan-out).
import type { SimulationPlan } from '../eval/plan.js';

/**
 * Where the shards of a {@link simulate} or {@link evaluate} run go. A run splits its paths into chunks of 1000,
 * asks the executor for shards of consecutive chunks (as many at once as it has `threads`) and merges the returned
 * records in chunk order, so every executor gives the same bits. By default a run uses its engine in this thread
 * (Node: a worker pool for `threads > 1`); the CLI's `--queue` (Redis workers) and `--fan-out` (other FlowExec
 * servers) are executors too. The plan is opaque and structured-clonable. An executor given in the options is the
 * caller's: runs never close it.
 *
 * @example
 * ```ts
 * // wrap an executor to log its shards
 * const logged = (inner: ShardExecutor): ShardExecutor => ({
 *   threads: inner.threads,
 *   runShard: (plan, firstChunk, nChunks) => {
 *     console.log(`chunks ${firstChunk}..${firstChunk + nChunks - 1}`);
 *     return inner.runShard(plan, firstChunk, nChunks);
 *   },
 *   close: () => inner.close(),
 * });
 * ```
 */
export interface ShardExecutor {
  /** Shards it runs at once (reported as the result's `threads`). */
  readonly threads: number;
  /**
   * Runs chunks firstChunk .. firstChunk + nChunks - 1 of the plan; their records concatenated in chunk order.
   *
   * @example
   * ```ts
   * const records = await executor.runShard(plan, 0, 50); // the first 50,000 paths
   * ```
   */
  runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array>;
  /**
   * Releases its workers or connections (runs never call it on an executor they were given).
   *
   * @example
   * ```ts
   * try {
   *   await evaluate(config, { executor });
   * } finally {
   *   await executor.close();
   * }
   * ```
   */
  close(): Promise<void>;
}
