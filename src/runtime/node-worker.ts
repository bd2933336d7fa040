// Worker-thread entry of the Node pool: one wasm engine per thread, chunks in, records out.
import { workerData } from 'piscina';
import { Engine } from '../engine/wasm/engine.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { ChunkRunner } from '../eval/chunk.js';
import { runShardWith } from '../eval/executor.js';
import type { SimulationPlan } from '../eval/plan.js';

interface WorkerSetup {
  module: WebAssembly.Module;
}

const setup = workerData as WorkerSetup;
const runner: Promise<ChunkRunner> = Engine.create(setup.module).then(
  (engine) => new ChunkRunner(new WasmBackend(engine)),
);

export interface ShardTask {
  plan: SimulationPlan;
  firstChunk: number;
  nChunks: number;
}

export default async function runShard(task: ShardTask): Promise<Float64Array> {
  return runShardWith(await runner, task.plan, task.firstChunk, task.nChunks);
}
