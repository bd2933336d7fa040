// Runs a plan shard by shard on an executor and merges chunk records strictly in chunk order.
import { emptyRecord, mergeInto, recordLength } from '../engine/moments.js';
import type { SimulationPlan } from './plan.js';
import { CHUNK_PATHS } from './plan.js';
import { chunkCount, recordShape } from './chunk.js';
import type { ShardExecutor } from './executor.js';

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
export async function simulate(plan: SimulationPlan, executor: ShardExecutor, options: SimulateOptions = {}): Promise<Float64Array> {
  const shape = recordShape(plan);
  const length = recordLength(shape);
  const chunks = chunkCount(plan);
  const shardChunks = Math.max(1, Math.floor(options.shardChunks ?? DEFAULT_SHARD_CHUNKS));
  const shards = Math.ceil(chunks / shardChunks);
  const inFlight = Math.max(1, 2 * executor.threads);
  const merged = emptyRecord(shape);
  const finished = new Map<number, Float64Array>();
  let nextToMerge = 0, nextToSend = 0, donePaths = 0;
  let failure: unknown;

  await new Promise<void>((resolve) => {
    let running = 0;
    const pump = (): void => {
      while (!failure && running < inFlight && nextToSend < shards && !options.signal?.aborted) {
        const shard = nextToSend++;
        const first = shard * shardChunks;
        const count = Math.min(shardChunks, chunks - first);
        running++;
        executor.runShard(plan, first, count).then((records) => {
          finished.set(shard, records);
          donePaths += Math.min(plan.paths, (first + count) * CHUNK_PATHS) - first * CHUNK_PATHS;
          while (finished.has(nextToMerge)) {
            const shardRecords = finished.get(nextToMerge)!;
            finished.delete(nextToMerge++);
            for (let at = 0; at < shardRecords.length; at += length) {
              mergeInto(shape, merged, shardRecords.subarray(at, at + length));
            }
          }
          options.onProgress?.(donePaths, plan.paths);
        }, (error: unknown) => { failure ??= error; }).finally(() => {
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
  return merged;
}
