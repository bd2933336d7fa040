// Conditional flow matching (Lipman et al. 2023; rectified flow, Liu et al. 2023) of the expert actions given the
// observation: a_t = (1 - t) a_0 + t a_1, a_0 ~ N(0, 1), a_1 the (normalised) demonstration action, and the loss
// L = sum_i w_i (v(a_t, t | obs_i) - (a_1 - a_0))^2 / sum_i w_i with per-pair label weights w_i; t = sigmoid(n),
// n ~ N(0, 1) (logit-normal, Esser et al. 2024). Adam; learning rate decayed linearly to 0. All draws come from the
// engine's Philox stream (seed, optimizer step), so training is a pure function of the seed.
import type { Engine } from '../../engine/wasm/engine.js';
import { seedWords } from '../../engine/seed.js';
import { OBSERVATION_FEATURES } from '../../engine/env-layout.js';
import { tfWasm } from '../tf.js';
import { FlowNet, FLOW_INPUTS, fitScaling } from './flow-net.js';
import type { Demonstrations } from './demonstrations.js';

const NOISE_STREAM = 11;

export interface FlowSettings {
  hidden: [number, number];
  iterations: number;
  batch: number;
  learningRate: number;
  seed: number;
}

export interface FlowTraining {
  net: FlowNet;
  /** Mean loss of each block of `logEvery` optimizer steps. */
  losses: number[];
}

/** A deterministic permutation source (mulberry32), as PPO's minibatch shuffles. */
function shuffler(seed: number): (n: number) => Uint32Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => {
    const p = Uint32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  };
}

/**
 * Continuing training: `net` (its scalings are kept), and `stepOffset`, where the optimizer-step counter of the noise
 * draws and of the shuffle starts (so a later phase never reuses an earlier phase's draws).
 */
export interface FlowContinuation {
  net: FlowNet;
  stepOffset: number;
}

export async function trainFlow(
  engine: Engine,
  demos: Demonstrations,
  s: FlowSettings,
  onLog?: (step: number, loss: number) => void,
  logEvery = 50,
  from?: FlowContinuation,
): Promise<FlowTraining> {
  const tf = await tfWasm();
  const F = OBSERVATION_FEATURES,
    n = demos.count,
    B = Math.min(s.batch, n);
  const offset = from?.stepOffset ?? 0;
  const scaling = from ? from.net.scaling : fitScaling(demos.obs, demos.u);
  const net = from ? from.net : new FlowNet(tf, s.hidden, scaling, s.seed * 10 + 3);
  const obs = net.normalise(demos.obs);
  const target = demos.u.map((u) => (u - scaling.actionMean) / scaling.actionStd);
  const optimizer = tf.train.adam(s.learningRate, 0.9, 0.999, 1e-7);
  const shuffle = shuffler((s.seed ^ 0x5bd1e995) + offset);
  const key = seedWords(s.seed);
  const mark = engine.mark();
  const noisePtr = engine.alloc(2 * B * 8);
  const losses: number[] = [];
  const x = new Float32Array(B * FLOW_INPUTS),
    goal = new Float32Array(B),
    w = new Float32Array(B);
  let order = shuffle(n),
    cursor = 0,
    blockLoss = 0,
    blockSteps = 0;
  try {
    for (let step = 0; step < s.iterations; step++) {
      if (cursor + B > n) {
        order = shuffle(n);
        cursor = 0;
      }
      engine.exports.normalBlock(offset + step, NOISE_STREAM, key.lo, key.hi, 2 * B, noisePtr);
      const z = engine.f64(noisePtr, 2 * B);
      let wSum = 0;
      for (let j = 0; j < B; j++) {
        const i = order[cursor + j]!,
          a0 = z[j]!,
          t = 1 / (1 + Math.exp(-z[B + j]!)),
          a1 = target[i]!;
        for (let c = 0; c < F; c++) x[j * FLOW_INPUTS + c] = obs[i * F + c]!;
        x[j * FLOW_INPUTS + F] = (1 - t) * a0 + t * a1;
        x[j * FLOW_INPUTS + F + 1] = t;
        goal[j] = a1 - a0;
        w[j] = demos.weight[i]!;
        wSum += w[j]!;
      }
      cursor += B;
      (optimizer as unknown as { learningRate: number }).learningRate = s.learningRate * (1 - step / s.iterations);
      const loss = tf.tidy(() => {
        const xs = tf.tensor2d(x, [B, FLOW_INPUTS]),
          ys = tf.tensor2d(goal, [B, 1]),
          ws = tf.tensor2d(w, [B, 1]);
        const cost = optimizer.minimize(
          () =>
            tf.div(
              tf.sum(tf.mul(ws, tf.square(tf.sub(net.mlp.apply(xs), ys)))),
              wSum,
            ) as import('@tensorflow/tfjs').Scalar,
          true,
          net.mlp.variables,
        );
        return cost!.dataSync()[0]!;
      });
      if (!Number.isFinite(loss)) throw new Error(`flow matching loss is not finite at step ${step + 1}`);
      blockLoss += loss;
      blockSteps++;
      if (blockSteps === logEvery || step === s.iterations - 1) {
        losses.push(blockLoss / blockSteps);
        onLog?.(step + 1, blockLoss / blockSteps);
        blockLoss = 0;
        blockSteps = 0;
      }
    }
    return { net, losses };
  } finally {
    optimizer.dispose();
    engine.release(mark);
  }
}
