// The actor (mean of the pre-sigmoid action) and the critic: two small ReLU MLPs in tfjs, plus a learned log-std.
import type { Tf } from './tf.js';
import type * as tfTypes from '@tensorflow/tfjs';
import type { MlpWeights } from '../engine/mlp-layout.js';

type Variable = tfTypes.Variable;
type Tensor2D = tfTypes.Tensor2D;

interface Dense {
  kernel: Variable;
  bias: Variable;
}

function dense(tf: Tf, inputs: number, outputs: number, gain: number, seed: number): Dense {
  const init = tf.initializers.orthogonal({ gain, seed });
  return {
    kernel: tf.variable(init.apply([inputs, outputs]) as tfTypes.Tensor2D),
    bias: tf.variable(tf.zeros([outputs])),
  };
}

export class Mlp {
  readonly layers: Dense[];

  /** Orthogonal initialisation (Saxe et al. 2014) as in common PPO implementations: gain sqrt(2) hidden, `outputGain` last. */
  constructor(
    readonly tf: Tf,
    readonly inputs: number,
    readonly hidden: [number, number],
    outputGain: number,
    seed: number,
  ) {
    const [h1, h2] = hidden;
    this.layers = [
      dense(tf, inputs, h1, Math.SQRT2, seed),
      dense(tf, h1, h2, Math.SQRT2, seed + 1),
      dense(tf, h2, 1, outputGain, seed + 2),
    ];
  }

  /** [n, inputs] (already normalised) -> [n, 1]. */
  apply(x: tfTypes.Tensor): Tensor2D {
    const tf = this.tf;
    let h = x;
    this.layers.forEach((layer, i) => {
      h = tf.add(tf.matMul(h as Tensor2D, layer.kernel as unknown as Tensor2D), layer.bias);
      if (i < this.layers.length - 1) h = tf.relu(h);
    });
    return h as Tensor2D;
  }

  get variables(): Variable[] {
    return this.layers.flatMap((l) => [l.kernel, l.bias]);
  }

  /** Weights as plain arrays, row-major [out][in] (tfjs kernels are [in][out]). */
  exportDense(): Array<{ w: Float32Array; b: Float32Array }> {
    return this.layers.map((l) => {
      const [inputs, outputs] = l.kernel.shape as [number, number];
      const k = l.kernel.dataSync() as Float32Array;
      const w = new Float32Array(inputs * outputs);
      for (let o = 0; o < outputs; o++) for (let i = 0; i < inputs; i++) w[o * inputs + i] = k[i * outputs + o]!;
      return { w, b: Float32Array.from(l.bias.dataSync() as Float32Array) };
    });
  }

  /** Loads row-major [out][in] weights (the inverse of exportDense). */
  importDense(layers: Array<{ w: ArrayLike<number>; b: ArrayLike<number> }>): void {
    this.layers.forEach((l, i) => {
      const [inputs, outputs] = l.kernel.shape as [number, number];
      const k = new Float32Array(inputs * outputs);
      for (let o = 0; o < outputs; o++)
        for (let j = 0; j < inputs; j++) k[j * outputs + o] = layers[i]!.w[o * inputs + j]!;
      l.kernel.assign(this.tf.tensor2d(k, [inputs, outputs]));
      l.bias.assign(this.tf.tensor1d(Float32Array.from(layers[i]!.b)));
    });
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

/** The network's weights with the normalisation, in the form the wasm block is built from. */
export function mlpWeights(
  actor: Mlp,
  obsMean: ArrayLike<number>,
  obsStd: ArrayLike<number>,
  actionScale: number,
): MlpWeights {
  const [l1, l2, l3] = actor.exportDense() as [
    { w: Float32Array; b: Float32Array },
    { w: Float32Array; b: Float32Array },
    { w: Float32Array; b: Float32Array },
  ];
  return {
    actionScale,
    inputs: actor.inputs,
    hidden: actor.hidden,
    obsMean: Float32Array.from(obsMean),
    obsStd: Float32Array.from(obsStd),
    w1: l1.w,
    b1: l1.b,
    w2: l2.w,
    b2: l2.b,
    w3: l3.w,
    b3: l3.b,
  };
}
