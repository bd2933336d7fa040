// Plain-TS twin of assembly/policy/mlp.ts: the same f32 arithmetic, emulated with Math.fround after every operation.
import { mlpOffsets } from '../../engine/mlp-layout.js';

const f = Math.fround;

/** mu of one path from its observation (nIn f32 values) and the f32 parameter block. */
export function mlpMu(block: Float32Array, obs: ArrayLike<number>): number {
  const nIn = block[0]!, h1 = block[1]!, h2 = block[2]!;
  const o = mlpOffsets(nIn, h1, h2);
  const x = new Float32Array(nIn);
  for (let i = 0; i < nIn; i++) x[i] = Math.min(Math.max(f(f(obs[i]! - block[o.mean + i]!) * block[o.invStd + i]!), -10), 10);
  const dense = (input: Float32Array, nOut: number, w: number, b: number) => {
    const out = new Float32Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let acc = block[b + j]!;
      for (let i = 0; i < input.length; i++) acc = f(acc + f(block[w + j * input.length + i]! * input[i]!));
      out[j] = Math.max(acc, 0);
    }
    return out;
  };
  const a = dense(x, h1, o.w1, o.b1);
  const b = dense(a, h2, o.w2, o.b2);
  let mu = block[o.b3]!;
  for (let j = 0; j < h2; j++) mu = f(mu + f(block[o.w3 + j]! * b[j]!));
  return mu;
}
