// The harness the 2^20-point math tests share: fixed inputs (edge cases in both f64x2 lanes, then Philox-drawn families), wasm array kernels, bit-for-bit and ulp checks.
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Engine } from '../../src/engine/wasm/engine.js';
import { philox4x32 } from '../../src/reference/rng/philox.js';
import { sameBits } from './float-bits.js';
import { ulpError, type Exact } from './double-double.js';

export const POINTS = 1 << 20;

/** Point i of a test's random part from its Philox words w0..w2 and a 53-bit uniform `unit` in [0, 1) drawn from them. */
export type PointFamily = (i: number, w0: number, w1: number, w2: number, unit: number) => number;

/** POINTS inputs: every edge case twice, once in each f64x2 lane, then randomPoint(i) under the Philox key, the same on every run. */
export function fixedPoints(edges: number[], key: number, randomPoint: PointFamily): Float64Array {
  const xs = new Float64Array(POINTS);
  const padded = edges.length % 2 === 0 ? [...edges, 0.25, ...edges] : [...edges, ...edges];
  xs.set(padded);
  const words = new Uint32Array(4);
  for (let i = padded.length; i < POINTS; i++) {
    philox4x32(i, 0, 0, 0, key, 0, words);
    const w0 = words[0]!,
      w1 = words[1]!,
      w2 = words[2]!;
    xs[i] = randomPoint(i, w0, w1, w2, ((w0 >>> 5) * 67108864 + (w1 >>> 6)) / 9007199254740992);
  }
  return xs;
}

/** A wasm array kernel kernel(inPtr, ...outPtrs, n): f64 in, `outputs` f64 arrays out. */
export type ArrayKernel = (...args: number[]) => void;

/** Runs array kernels on up to `capacity` inputs in buffers allocated once; returns copies of the outputs. */
export function kernelRunner(engine: Engine, capacity: number, outputs: number) {
  const inPtr = engine.alloc(8 * capacity);
  const outPtrs = Array.from({ length: outputs }, () => engine.alloc(8 * capacity));
  return (kernel: ArrayKernel, input: Float64Array): Float64Array[] => {
    engine.f64(inPtr, input.length).set(input);
    kernel(inPtr, ...outPtrs, input.length);
    return outPtrs.map((ptr) => engine.f64(ptr, input.length).slice());
  };
}

/** Asserts got equals want bit for bit (any NaN equal to any NaN), naming the first point that differs. */
export function assertSameBits(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  input: ArrayLike<number>,
  what: string,
): void {
  for (let i = 0; i < want.length; i++) {
    if (!sameBits(got[i]!, want[i]!)) {
      assert.unreachable(`${what} at x = ${input[i]} gives ${got[i]}, the twin ${want[i]} (point ${i})`);
    }
  }
}

/** The largest ulp error of got[i] against exact(xs[i]), and the input where it occurs. */
export function worstUlp(
  xs: Float64Array,
  got: Float64Array,
  exact: (x: number) => Exact,
): { ulp: number; at: number } {
  let ulp = 0,
    at = NaN;
  for (let i = 0; i < xs.length; i++) {
    const e = exact(xs[i]!);
    const err = ulpError(got[i]!, e.hi, e.lo, e.exp2);
    if (err > ulp) {
      ulp = err;
      at = xs[i]!;
    }
  }
  return { ulp, at };
}

export interface UnaryKernel {
  /** The function's name in messages: exp, log. */
  name: string;
  xs: Float64Array;
  /** The TS twin's values on xs. */
  twin: Float64Array;
  exact: (x: number) => Exact;
  maxUlp: number;
  /** The wasm f64x2 array kernel (odd tail in scalar form) and the all-scalar one, by export name. */
  pairs: [name: string, kernel: ArrayKernel];
  scalar: [name: string, kernel: ArrayKernel];
}

/**
 * The four tests every one-input, one-output math kernel takes: the twin's ulp error against the double-double
 * reference, and the wasm f64x2 form, the scalar form and the f64x2 form's odd tail bit for bit against the twin.
 * Returns the runner, for the function's own tests.
 */
export function unaryKernelTests(
  test: Test,
  engine: Engine,
  k: UnaryKernel,
): (kernel: ArrayKernel, input: Float64Array) => Float64Array {
  const runKernel = kernelRunner(engine, POINTS, 1);
  const wasm = (kernel: ArrayKernel, input: Float64Array): Float64Array => runKernel(kernel, input)[0]!;
  const { xs, twin } = k;
  const [pairsName, pairs] = k.pairs,
    [scalarName, scalar] = k.scalar;
  test('the TS twin is within MAX_ULP of the double-double reference on 2^20 points', () => {
    const { ulp: worst, at: worstX } = worstUlp(xs, twin, k.exact);
    console.log(`${k.name}: max ${worst.toFixed(4)} ulp over ${POINTS} points (at x = ${worstX})`);
    assert.ok(worst <= k.maxUlp, `max ${worst} ulp at x = ${worstX} exceeds ${k.maxUlp}`);
  });
  test(`the wasm f64x2 form (${pairsName}) equals the TS twin bit for bit on every point`, () => {
    assertSameBits(wasm(pairs, xs), twin, xs, pairsName);
  });
  test(`the wasm scalar form (${scalarName}) equals the TS twin bit for bit on every point`, () => {
    assertSameBits(wasm(scalar, xs), twin, xs, scalarName);
  });
  test(`the odd tail of ${pairsName} (scalar form after the pairs) equals the TS twin`, () => {
    const odd = xs.subarray(0, 1001);
    assertSameBits(wasm(pairs, odd), twin.subarray(0, 1001), odd, `${pairsName}, n = 1001`);
  });
  return wasm;
}
