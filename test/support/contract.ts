// The contract runner every kernel test uses: the same call on the wasm engine and on the plain-TS twin, bit for bit.
import * as assert from 'uvu/assert';
import { allBackends, firstBitDifference } from './backends.js';
import type { KernelBackend } from '../../src/engine/backend.js';

export const [wasm, reference] = (await allBackends()) as [KernelBackend, KernelBackend];

/** Asserts that a and b hold the same bits (NaN equals NaN), naming the first difference. */
export function assertSameBits(a: Float64Array, b: Float64Array, what: string): void {
  const i = firstBitDifference(a, b);
  assert.is(i, -1, `${what}: first difference at ${i}: wasm ${a[i]} reference ${b[i]}`);
}

/** Runs f on the wasm engine and on the twin, asserts their outputs are bit-identical, and returns the wasm output. */
export function runContract(what: string, f: (backend: KernelBackend) => Float64Array): Float64Array {
  const a = f(wasm),
    b = f(reference);
  assertSameBits(a, b, what);
  return a;
}
