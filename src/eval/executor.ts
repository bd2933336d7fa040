// Where chunks run: in this thread on any backend, or (src/runtime/node-pool.ts) on a worker pool.
import type { KernelBackend } from '../engine/backend.js';
import type { SimulationPlan } from './plan.js';
import { ChunkRunner, recordShape } from './chunk.js';
import { recordLength } from '../engine/moments.js';

/** Runs chunks firstChunk .. firstChunk + nChunks - 1 and returns their records, concatenated in order. */
export interface ShardExecutor {
  readonly threads: number;
  runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array>;
  close(): Promise<void>;
}

/** Concatenated records of a shard, computed with a given runner (shared by the inline and worker executors). */
export function runShardWith(
  runner: ChunkRunner,
  plan: SimulationPlan,
  firstChunk: number,
  nChunks: number,
): Float64Array {
  const length = recordLength(recordShape(plan));
  const out = new Float64Array(nChunks * length);
  for (let i = 0; i < nChunks; i++) runner.runInto(plan, firstChunk + i, out.subarray(i * length, (i + 1) * length));
  return out;
}

export class InlineExecutor implements ShardExecutor {
  readonly threads = 1;
  private readonly runner: ChunkRunner;

  constructor(backend: KernelBackend) {
    this.runner = new ChunkRunner(backend);
  }

  async runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array> {
    // yield first so progress output and cancellation get a turn between shards
    await new Promise((resolve) => setTimeout(resolve, 0));
    return runShardWith(this.runner, plan, firstChunk, nChunks);
  }

  async close(): Promise<void> {}
}
