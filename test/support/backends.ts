// The backends every contract test runs against: the wasm engine and the plain-TS twin.
import { createNodeEngine } from '../../src/runtime/node.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { ReferenceBackend } from '../../src/reference/backend.js';
import type { KernelBackend } from '../../src/engine/backend.js';

export async function allBackends(): Promise<KernelBackend[]> {
  return [new WasmBackend(await createNodeEngine()), new ReferenceBackend()];
}

/** Index of the first element whose bits differ (NaN equals NaN), or -1. */
export function firstBitDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
