// Plain-TS twin of assembly/policy/mlp.ts: the same f32 arithmetic, emulated with Math.fround after every operation.
import { mlpOffsets } from '../../engine/mlp-layout.js';

const f = Math.fround;

/**
 * mu of one path from its observation (nIn f32 values) and the f32 parameter block. The first layer sums the bias,
 * then the terms of the features in constantMask, then the others, each group in feature order (the kernel folds
 * the constant group into its bias); constantMask = 0 is the plain order.
 */
export function mlpMu(block: Float32Array, obs: ArrayLike<number>, constantMask = 0): number {
  const nIn = block[0]!,
    h1 = block[1]!,
    h2 = block[2]!;
  const o = mlpOffsets(nIn, h1, h2);
  const x = new Float32Array(nIn);
  for (let i = 0; i < nIn; i++)
    x[i] = Math.min(Math.max(f(f(obs[i]! - block[o.mean + i]!) * block[o.invStd + i]!), -10), 10);
  const features = Array.from({ length: nIn }, (_, i) => i);
  const firstOrder = [
    ...features.filter((i) => (constantMask >> i) & 1),
    ...features.filter((i) => !((constantMask >> i) & 1)),
  ];
  const dense = (input: Float32Array, nOut: number, w: number, b: number, order: number[]) => {
    const out = new Float32Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let acc = block[b + j]!;
      for (const i of order) acc = f(acc + f(block[w + j * input.length + i]! * input[i]!));
      out[j] = acc < 0 ? 0 : acc; // ReLU as the kernel's f32x4.pmax: -0 stays -0
    }
    return out;
  };
  const a = dense(x, h1, o.w1, o.b1, firstOrder);
  const b = dense(
    a,
    h2,
    o.w2,
    o.b2,
    Array.from({ length: h1 }, (_, i) => i),
  );
  let mu = block[o.b3]!;
  for (let j = 0; j < h2; j++) mu = f(mu + f(block[o.w3 + j]! * b[j]!));
  return mu;
}
