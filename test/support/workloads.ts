// Loading the canonical workloads in tests, and running plans in this thread on either backend.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkload, type Workload } from '../../src/market/workload.js';
import { WORKLOADS_DIR } from '../../src/runtime/paths.js';
import { InlineExecutor } from '../../src/eval/executor.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { ReferenceBackend } from '../../src/reference/backend.js';
import { createNodeEngine } from '../../src/runtime/node.js';

export function canonical(name: 'heston-paths' | 'heston-execution'): Workload {
  return parseWorkload(JSON.parse(readFileSync(join(WORKLOADS_DIR, `${name}.json`), 'utf8')));
}

export async function wasmExecutor(): Promise<InlineExecutor> {
  return new InlineExecutor(new WasmBackend(await createNodeEngine()));
}

export function referenceExecutor(): InlineExecutor {
  return new InlineExecutor(new ReferenceBackend());
}
