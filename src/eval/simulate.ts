// Runs a plan shard by shard on an executor and merges chunk records strictly in chunk order (src/eval/shard.ts).
import type { SimulationPlan } from './plan.js';
import type { ShardExecutor } from './executor.js';
import { shardRanges, rangePaths, mergerFor } from './shard.js';

export interface SimulateOptions {
  /** Chunks per shard (a shard is the unit of work sent to a thread). */
  shardChunks?: number;
  onProgress?: (donePaths: number, totalPaths: number) => void;
  signal?: AbortSignal;
}

/** Default shard: 50 chunks (50,000 paths), small enough for smooth progress, big enough to amortise dispatch. */
export const DEFAULT_SHARD_CHUNKS = 50;

/**
 * The merged statistics record of the whole plan. Memory stays bounded: at most 2 x threads shards are in
 * flight and each finished shard is folded into the running record as soon as all before it are in.
 */
export async function simulate(
  plan: SimulationPlan,
  executor: ShardExecutor,
  options: SimulateOptions = {},
): Promise<Float64Array> {
  const ranges = shardRanges(plan, options.shardChunks ?? DEFAULT_SHARD_CHUNKS);
  const shards = ranges.length;
  const inFlight = Math.max(1, 2 * executor.threads);
  const merger = mergerFor(plan, shards);
  let nextToSend = 0,
    donePaths = 0;
  let failure: unknown;

  await new Promise<void>((resolve) => {
    let running = 0;
    const pump = (): void => {
      while (!failure && running < inFlight && nextToSend < shards && !options.signal?.aborted) {
        const { index, firstChunk, chunks } = ranges[nextToSend++]!;
        running++;
        executor
          .runShard(plan, firstChunk, chunks)
          .then(
            (records) => {
              if (merger.add(index, records)) donePaths += rangePaths(plan, firstChunk, chunks);
              options.onProgress?.(donePaths, plan.paths);
            },
            (error: unknown) => {
              failure ??= error;
            },
          )
          .finally(() => {
            running--;
            if (running === 0 && (failure || nextToSend >= shards || options.signal?.aborted)) resolve();
            else pump();
          });
      }
      if (running === 0) resolve();
    };
    pump();
  });
  if (failure) throw failure;
  if (options.signal?.aborted) throw new Error('simulation cancelled');
  return merger.record;
}
