// Worker-thread entry of the Node pool: one wasm engine per thread, chunks in, records out.
import { workerData } from 'piscina';
import { Engine } from '../engine/engine.js';
import { WasmBackend } from '../engine/wasm-backend.js';
import { ReferenceBackend } from '../reference/backend.js';
import { ChunkRunner } from '../eval/chunk.js';
import { runShardWith } from '../eval/executor.js';
import type { SimulationPlan } from '../eval/plan.js';

interface WorkerSetup {
  module: WebAssembly.Module;
  backend: 'wasm' | 'reference';
}

const setup = workerData as WorkerSetup;
const runner: Promise<ChunkRunner> = setup.backend === 'reference'
  ? Promise.resolve(new ChunkRunner(new ReferenceBackend()))
  : Engine.create(setup.module).then((engine) => new ChunkRunner(new WasmBackend(engine)));

export interface ShardTask {
  plan: SimulationPlan;
  firstChunk: number;
  nChunks: number;
}

export default async function runShard(task: ShardTask): Promise<Float64Array> {
  return runShardWith(await runner, task.plan, task.firstChunk, task.nChunks);
}
