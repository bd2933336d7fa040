// The f32 parameter block of assembly/policy/mlp.ts, built from a network's weights (one layout, both backends).
import { log, sigmoidF32 } from '../math/portable-math.js';

export interface MlpWeights {
  /** Action mapping: fraction = actionScale sigmoid(mu + c) / (steps left), c = -ln(actionScale - 1); 0: sigmoid(mu). */
  actionScale: number;
  inputs: number;
  hidden: [number, number];
  obsMean: Float32Array | number[];
  obsStd: Float32Array | number[];
  /** Row-major [out][in] weights and biases of the three dense layers (the last has one output). */
  w1: Float32Array | number[];
  b1: Float32Array | number[];
  w2: Float32Array | number[];
  b2: Float32Array | number[];
  w3: Float32Array | number[];
  b3: Float32Array | number[];
}

const pad4 = (n: number) => Math.ceil(n / 4) * 4;

export interface MlpOffsets {
  mean: number;
  invStd: number;
  w1: number;
  b1: number;
  w2: number;
  b2: number;
  w3: number;
  b3: number;
  scratch: number;
  total: number;
}

/** Offsets in floats. */
export function mlpOffsets(nIn: number, h1: number, h2: number): MlpOffsets {
  const mean = 8,
    invStd = mean + pad4(nIn),
    w1 = invStd + pad4(nIn),
    b1 = w1 + pad4(h1 * nIn);
  const w2 = b1 + pad4(h1),
    b2 = w2 + pad4(h2 * h1),
    w3 = b2 + pad4(h2),
    b3 = w3 + pad4(h2),
    scratch = b3 + 4;
  // activations of 16 paths, then the first layer's fold: bias, varying weights, constant columns, constants (assembly/policy/mlp.ts)
  return {
    mean,
    invStd,
    w1,
    b1,
    w2,
    b2,
    w3,
    b3,
    scratch,
    total: scratch + (nIn + h1 + h2) * 16 + pad4(h1) + h1 * nIn + nIn * pad4(h1) + pad4(nIn),
  };
}

/** The block as f32 (std below 1e-8 is treated as 1e-8, so normalisation never divides by zero). */
export function mlpBlock(w: MlpWeights): Float32Array {
  const [h1, h2] = w.hidden;
  const o = mlpOffsets(w.inputs, h1, h2);
  const block = new Float32Array(o.total);
  block.set([w.inputs, h1, h2, o.scratch, w.actionScale, actionShift(w.actionScale)], 0);
  block.set(w.obsMean, o.mean);
  block.set(
    Array.from(w.obsStd, (s) => 1 / Math.max(s, 1e-8)),
    o.invStd,
  );
  block.set(w.w1, o.w1);
  block.set(w.b1, o.b1);
  block.set(w.w2, o.w2);
  block.set(w.b2, o.b2);
  block.set(w.w3, o.w3);
  block.set(w.b3, o.b3);
  return block;
}

/** A PolicyRef carries f64s: the f32 block's bytes reinterpreted (an even number of floats). */
export function mlpBlockAsF64(block: Float32Array): Float64Array {
  const padded = new Float32Array(Math.ceil(block.length / 2) * 2);
  padded.set(block);
  return new Float64Array(padded.buffer);
}

/** c = -ln(A - 1): with it mu = 0 trades at TWAP's rate. Requires A > 1 (A = 0 means the plain sigmoid). */
export function actionShift(actionScale: number): number {
  return actionScale > 1 ? -log(actionScale - 1) : 0;
}

/**
 * The fraction of the remaining inventory for a pre-squash action u with `stepsLeft` steps to go, as the kernel
 * computes it: the sigmoid of f32(u) + f32(shift) in f32, times the f64 factor.
 */
export function actionFraction(u: number, actionScale: number, shift: number, stepsLeft: number): number {
  if (stepsLeft <= 1) return 1.0; // the last step trades everything left, like every strategy
  const sigmoid = sigmoidF32(Math.fround(Math.fround(u) + Math.fround(shift)));
  return (actionScale > 0 ? actionScale / stepsLeft : 1.0) * sigmoid;
}
