// Runs an f32 array kernel of the wasm engine on f32 inputs (tests of the f32 math, whose inputs are not f64 arrays).
import type { Engine } from '../../src/engine/wasm/engine.js';

/** kernel(inPtr, ...outPtrs, n) on xs (length a multiple of 4); copies of the `outputs` f32 outputs. */
export function runF32Kernel(
  engine: Engine,
  kernel: (...args: number[]) => void,
  xs: Float32Array,
  outputs: number,
): Float32Array[] {
  const inPtr = engine.alloc(4 * xs.length);
  const outPtrs = Array.from({ length: outputs }, () => engine.alloc(4 * xs.length));
  new Float32Array(engine.exports.memory.buffer, inPtr, xs.length).set(xs);
  kernel(inPtr, ...outPtrs, xs.length);
  return outPtrs.map((ptr) => new Float32Array(engine.exports.memory.buffer, ptr, xs.length).slice());
}

/** |got - exact| in units of the f32 ulp at exact (exact a nonzero double within f32's normal range). */
export function ulpsF32(got: number, exact: number): number {
  const ulp = 2 ** (Math.max(Math.floor(Math.log2(Math.abs(exact))), -126) - 23);
  return Math.abs(got - exact) / ulp;
}
