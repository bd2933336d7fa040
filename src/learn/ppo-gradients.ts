// PPO's loss gradients over fixed slices of a minibatch, summed in slice order: the same bits on 1 or N threads.
//
// A minibatch of M samples is cut into `slices` contiguous parts whatever the thread count. Each part's gradient is
// that of its share of the minibatch loss, sum_i l_i / M (the clipped surrogate, eq. 7 of Schulman et al. 2017, plus
// valueCoef times the squared value error), so the slices' gradients add up to the gradient of the mean; the entropy
// bonus, a function of log-std alone, rides on slice 0. Slices run inline (one thread) or on workers that hold their
// own tfjs-wasm copy of the networks (src/runtime/node-gradient-pool.ts); the sum is always taken in slice order, so
// the policy file depends on the seed and `slices`, never on the threads.
import type { Tf } from './tf.js';
import type { Mlp } from './policy-net.js';
import type * as tfTypes from '@tensorflow/tfjs';

const LOG_SQRT_2PI = 0.9189385332046727;

/** One slice of a minibatch: observations [m, F] row-major, pre-squash actions, old log-probs, advantages, returns. */
export interface GradientSlice {
  x: Float32Array;
  u: Float32Array;
  logpOld: Float32Array;
  adv: Float32Array;
  ret: Float32Array;
}

export interface LossSettings {
  clip: number;
  valueCoef: number;
  entropyCoef: number;
  /** M, the whole minibatch's size: every slice's loss is a sum over its samples divided by it. */
  minibatch: number;
}

/** A slice's gradient (one array per variable, in the order of ppoVariables) and its share of the loss terms. */
export interface SliceResult {
  grads: Float32Array[];
  policyLoss: number;
  valueLoss: number;
  approxKl: number;
  clipFraction: number;
}

export interface PpoNets {
  actor: Mlp;
  critic: Mlp;
  logStd: tfTypes.Variable;
}

/** Computes the gradients of slices (given the networks' weights) in slice order. */
export interface GradientRunner {
  readonly threads: number;
  run(weights: Float32Array[], slices: GradientSlice[], loss: LossSettings): Promise<SliceResult[]>;
  close(): Promise<void>;
}

/** Makes the runner of a training run, given this thread's tfjs and networks and their shape. */
export type GradientRunnerFactory = (
  tf: Tf,
  nets: PpoNets,
  shape: { inputs: number; hidden: [number, number] },
) => GradientRunner;

/** The trainable variables in a fixed order: actor, critic, log-std. */
export function ppoVariables(n: PpoNets): tfTypes.Variable[] {
  return [...n.actor.variables, ...n.critic.variables, n.logStd];
}

/** Sets every variable from plain arrays (ppoVariables order). */
export function loadVariables(tf: Tf, n: PpoNets, weights: Float32Array[]): void {
  ppoVariables(n).forEach((v, i) => v.assign(tf.tensor(weights[i]!, v.shape)));
}

/** The gradient of slice `index`'s share of the minibatch loss with respect to ppoVariables(n). */
export function sliceGradients(tf: Tf, n: PpoNets, b: GradientSlice, index: number, o: LossSettings): SliceResult {
  const m = b.u.length,
    F = b.x.length / m,
    M = o.minibatch;
  const variables = ppoVariables(n);
  return tf.tidy(() => {
    const x = tf.tensor2d(b.x, [m, F]),
      u = tf.tensor1d(b.u),
      lOld = tf.tensor1d(b.logpOld),
      adv = tf.tensor1d(b.adv);
    const ret = tf.tensor1d(b.ret);
    let kl: tfTypes.Scalar = tf.scalar(0),
      clipped = kl,
      pl = kl,
      vl = kl;
    const { grads } = tf.variableGrads(() => {
      const mu = n.actor.apply(x).reshape([m]);
      const z = tf.div(tf.sub(u, mu), tf.exp(n.logStd));
      const logp = tf.sub(tf.sub(tf.mul(-0.5, tf.square(z)), n.logStd), LOG_SQRT_2PI);
      const logRatio = tf.sub(logp, lOld);
      const ratio = tf.exp(logRatio);
      const surrogate = tf.minimum(tf.mul(ratio, adv), tf.mul(tf.clipByValue(ratio, 1 - o.clip, 1 + o.clip), adv));
      pl = tf.keep(tf.div(tf.neg(tf.sum(surrogate)), M));
      vl = tf.keep(tf.div(tf.sum(tf.square(tf.sub(n.critic.apply(x).reshape([m]), ret))), M));
      kl = tf.keep(tf.div(tf.sum(tf.neg(logRatio)), M));
      clipped = tf.keep(tf.div(tf.sum(tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), o.clip), 'float32')), M));
      let loss = tf.add(pl, tf.mul(o.valueCoef, vl));
      if (index === 0) loss = tf.sub(loss, tf.mul(o.entropyCoef, tf.add(n.logStd, 0.5 + LOG_SQRT_2PI)));
      return loss as tfTypes.Scalar;
    }, variables);
    return {
      grads: variables.map((v) => Float32Array.from(grads[v.name]!.dataSync() as Float32Array)),
      policyLoss: pl.dataSync()[0]!,
      valueLoss: vl.dataSync()[0]!,
      approxKl: kl.dataSync()[0]!,
      clipFraction: clipped.dataSync()[0]!,
    };
  });
}

/** Slices computed one after another on this thread's networks (the weights are already theirs). */
export class InlineGradients implements GradientRunner {
  readonly threads = 1;
  constructor(
    private readonly tf: Tf,
    private readonly nets: PpoNets,
  ) {}

  async run(_weights: Float32Array[], slices: GradientSlice[], loss: LossSettings): Promise<SliceResult[]> {
    return slices.map((slice, i) => sliceGradients(this.tf, this.nets, slice, i, loss));
  }

  async close(): Promise<void> {}
}

/**
 * The minibatch of samples idx (of the iteration's obs, u, logpOld and returns) cut into `parts` contiguous slices whose
 * sizes differ by at most one; advMinibatch holds the minibatch's normalised advantages in idx order.
 */
export function cutSlices(
  idx: Uint32Array,
  parts: number,
  obs: Float32Array,
  u: Float32Array,
  logpOld: Float32Array,
  advMinibatch: Float32Array,
  ret: Float32Array,
  F: number,
): GradientSlice[] {
  const m = idx.length,
    slices: GradientSlice[] = [];
  for (let p = 0; p < parts; p++) {
    const from = Math.floor((p * m) / parts),
      to = Math.floor(((p + 1) * m) / parts),
      k = to - from;
    if (k === 0) continue;
    const s: GradientSlice = {
      x: new Float32Array(k * F),
      u: new Float32Array(k),
      logpOld: new Float32Array(k),
      adv: new Float32Array(k),
      ret: new Float32Array(k),
    };
    for (let i = 0; i < k; i++) {
      const j = idx[from + i]!;
      s.x.set(obs.subarray(j * F, j * F + F), i * F);
      s.u[i] = u[j]!;
      s.logpOld[i] = logpOld[j]!;
      s.adv[i] = advMinibatch[from + i]!;
      s.ret[i] = ret[j]!;
    }
    slices.push(s);
  }
  return slices;
}

/** The slices' gradients summed in slice order (f64 accumulation, rounded once to f32). */
export function sumInOrder(results: SliceResult[]): Float32Array[] {
  return results[0]!.grads.map((_, v) => {
    const acc = new Float64Array(results[0]!.grads[v]!.length);
    for (const r of results) {
      const g = r.grads[v]!;
      for (let k = 0; k < acc.length; k++) acc[k]! += g[k]!;
    }
    return Float32Array.from(acc);
  });
}
