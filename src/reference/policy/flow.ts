// Plain-TS twin of assembly/policy/flow.ts: the K-step Euler sampler of a flow policy, the same f32 arithmetic
// emulated with Math.fround after every operation.
import { mlpOffsets } from '../../engine/mlp-layout.js';
import {
  flowOffsets,
  FLOW_ACTION_MEAN,
  FLOW_ACTION_STD,
  FLOW_EULER_STEPS,
  FLOW_INV_STEPS,
  FLOW_NOISE,
  FLOW_NOISE_STREAM,
} from '../../engine/flow-layout.js';
import type { Seed } from '../../engine/seed.js';
import { normalQuad } from '../rng/normal.js';

const f = Math.fround;
const quad = new Float64Array(4);

/** Whether the block's a_0 is drawn (FLOW_NOISE) rather than 0. */
export function flowSampled(block: Float32Array): boolean {
  return block[flowOffsets(block[1]!, block[2]!).section + FLOW_NOISE] !== 0;
}

/** a_0 of (seed; path; step k): normal k of the path's FLOW_NOISE_STREAM, rounded to f32. */
export function flowNoise(seed: Seed, path: number, k: number): number {
  normalQuad(path, k >> 2, FLOW_NOISE_STREAM, seed.lo, seed.hi, quad);
  return f(quad[k & 3]!);
}

/**
 * mu of one path from its observation (6 f32) and a_0: the base b1 + W1[:, obs] x (constant features first, as
 * policy/mlp.ts folds them), then per Euler step e: h = relu((base + wA a) + f32(wT t)), t = f32(e / K), two more
 * dense layers give v, a += v f32(1 / K); mu = actionStd a + actionMean.
 */
export function flowMu(block: Float32Array, obs: ArrayLike<number>, constantMask: number, a0: number): number {
  const nIn = block[0]!,
    h1 = block[1]!,
    h2 = block[2]!;
  const o = mlpOffsets(nIn, h1, h2),
    fo = flowOffsets(h1, h2);
  const x = new Float32Array(nIn);
  for (let i = 0; i < nIn; i++)
    x[i] = Math.min(Math.max(f(f(obs[i]! - block[o.mean + i]!) * block[o.invStd + i]!), -10), 10);
  const features = Array.from({ length: nIn }, (_, i) => i);
  const order = [
    ...features.filter((i) => (constantMask >> i) & 1),
    ...features.filter((i) => !((constantMask >> i) & 1)),
  ];
  const base = new Float32Array(h1);
  for (let j = 0; j < h1; j++) {
    let acc = block[o.b1 + j]!;
    for (const i of order) acc = f(acc + f(block[o.w1 + j * nIn + i]! * x[i]!));
    base[j] = acc;
  }
  const s = fo.section,
    K = block[s + FLOW_EULER_STEPS]!,
    invK = block[s + FLOW_INV_STEPS]!;
  const h = new Float32Array(h1),
    g = new Float32Array(h2);
  let a = f(a0);
  for (let e = 0; e < K; e++) {
    const t = f(e / K);
    for (let j = 0; j < h1; j++) {
      const pre = f(f(base[j]! + f(block[fo.wA + j]! * a)) + f(block[fo.wT + j]! * t));
      h[j] = pre < 0 ? 0 : pre; // f32x4.pmax(x, 0): -0 stays -0
    }
    for (let j = 0; j < h2; j++) {
      let acc = block[o.b2 + j]!;
      for (let i = 0; i < h1; i++) acc = f(acc + f(block[o.w2 + j * h1 + i]! * h[i]!));
      g[j] = acc < 0 ? 0 : acc;
    }
    let v = block[o.b3]!;
    for (let j = 0; j < h2; j++) v = f(v + f(block[o.w3 + j]! * g[j]!));
    a = f(a + f(v * invK));
  }
  return f(f(block[s + FLOW_ACTION_STD]! * a) + block[s + FLOW_ACTION_MEAN]!);
}
