// The kernel contract on the wasm engine: copies arguments into the engine's memory, calls, copies results out.
import type { Engine } from './engine.js';
import type { KernelBackend } from '../backend.js';
import type { Seed } from '../seed.js';
import { padPaths } from '../layout.js';
import type { EnvSpec, PolicyRef } from '../env-spec.js';
import { ROLLOUT_COLUMNS, ENV_PATH_BLOCK } from '../env-layout.js';
import { allocEnv } from './wasm-env.js';

/** The first n values of each column of a wasm result (columns `from` apart) into out (columns `stride` apart). */
function copyColumns(result: Float64Array, from: number, n: number, out: Float64Array, stride: number): void {
  for (let c = 0; c * from < result.length; c++) out.set(result.subarray(c * from, c * from + n), c * stride);
}

export class WasmBackend implements KernelBackend {
  readonly name = 'wasm' as const;
  constructor(readonly engine: Engine) {}

  /** Runs f with a scoped arena: everything allocated inside is released after. */
  private scoped<T>(f: () => T): T {
    const mark = this.engine.mark();
    try {
      return f();
    } finally {
      this.engine.release(mark);
    }
  }

  private put(values: Float64Array): number {
    const ptr = this.engine.alloc(values.length * 8);
    this.engine.f64(ptr, values.length).set(values);
    return ptr;
  }

  terminalValues(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    out: Float64Array,
  ): void {
    this.scoped(() => {
      const e = this.engine;
      const paramsPtr = this.put(params);
      const scratch = e.alloc(e.exports.rolloutScratchBytes(0));
      const outPtr = e.alloc(padPaths(n) * 8);
      e.exports.terminalValues(model, paramsPtr, seed.lo, seed.hi, firstPath, n, steps, scratch, outPtr);
      out.set(e.f64(outPtr, n));
    });
  }

  staticExecution(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    nStrategies: number,
    qty: Float64Array,
    weight: Float64Array,
    out: Float64Array,
    stride: number,
  ): void {
    this.scoped(() => {
      const e = this.engine;
      const paramsPtr = this.put(params);
      const qtyPtr = this.put(qty);
      const weightPtr = this.put(weight);
      const scratch = e.alloc(e.exports.rolloutScratchBytes(nStrategies));
      const wasmStride = padPaths(n);
      const outPtr = e.alloc((2 * nStrategies + 1) * wasmStride * 8);
      e.exports.staticExecution(
        model,
        paramsPtr,
        seed.lo,
        seed.hi,
        firstPath,
        n,
        steps,
        nStrategies,
        qtyPtr,
        weightPtr,
        scratch,
        outPtr,
        wasmStride,
      );
      copyColumns(e.f64(outPtr, (2 * nStrategies + 1) * wasmStride), wasmStride, n, out, stride);
    });
  }

  closedLoopRollout(
    spec: EnvSpec,
    firstPath: number,
    n: number,
    policy: PolicyRef,
    out: Float64Array,
    stride: number,
  ): void {
    this.scoped(() => {
      const e = this.engine;
      const paths = Math.ceil(n / ENV_PATH_BLOCK) * ENV_PATH_BLOCK;
      const env = allocEnv(e, spec, paths, firstPath);
      const policyPtr = this.put(policy.params);
      const outPtr = e.alloc(ROLLOUT_COLUMNS * paths * 8);
      e.exports.closedLoopRollout(env, policy.kind, policyPtr, outPtr, paths);
      copyColumns(e.f64(outPtr, ROLLOUT_COLUMNS * paths), paths, n, out, stride);
    });
  }

  samplePaths(
    model: number,
    params: Float64Array,
    seed: Seed,
    firstPath: number,
    n: number,
    steps: number,
    out: Float64Array,
  ): void {
    this.scoped(() => {
      const e = this.engine;
      const paramsPtr = this.put(params);
      const scratch = e.alloc(e.exports.rolloutScratchBytes(0));
      const outPtr = e.alloc(n * (steps + 1) * 8);
      e.exports.samplePaths(model, paramsPtr, seed.lo, seed.hi, firstPath, n, steps, scratch, outPtr);
      out.set(e.f64(outPtr, n * (steps + 1)));
    });
  }

  momentsReduce(
    values: Float64Array,
    n: number,
    stride: number,
    nCols: number,
    nPaired: number,
    hist: Float64Array | null,
    bins: number,
    record: Float64Array,
  ): void {
    this.scoped(() => {
      const e = this.engine;
      const valuesPtr = this.put(values.subarray(0, nCols * stride));
      const histPtr = hist ? this.put(hist) : 0;
      const recordPtr = e.alloc(record.length * 8);
      e.exports.momentsReduce(valuesPtr, n, stride, nCols, nPaired, histPtr, bins, recordPtr);
      record.set(e.f64(recordPtr, record.length));
    });
  }
}
