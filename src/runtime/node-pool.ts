// A pool of Node worker threads (piscina), each with its own wasm engine, as a ShardExecutor.
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import { InlineExecutor, type ShardExecutor } from '../eval/executor.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import type { SimulationPlan } from '../eval/plan.js';
import type { ShardTask } from './node-worker.js';
import { createNodeEngine, flowexecModule } from './node.js';

/** The worker file next to this one: .ts under tsx (workers inherit its --import), .js once compiled. */
function workerFile(): string {
  const self = import.meta.url;
  return self.replace(/node-pool\.(ts|js)$/, (_, ext: string) => `node-worker.${ext}`);
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `threads` workers, or this thread's own engine when one is asked for. */
export async function executorFor(threads: number): Promise<ShardExecutor> {
  return threads === 1 ? new InlineExecutor(new WasmBackend(await createNodeEngine())) : new NodePoolExecutor(threads);
}

export class NodePoolExecutor implements ShardExecutor {
  private readonly pool: Piscina<ShardTask, Float64Array>;

  constructor(readonly threads: number) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      workerData: { module: flowexecModule() },
    });
    // a worker that fails to start rejects its task; without a listener the pool's 'error' event would crash us
    this.pool.on('error', () => {});
  }

  runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array> {
    return this.pool.run({ plan, firstChunk, nChunks });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
