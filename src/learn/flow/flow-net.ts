// The FlowOE velocity network v(a_t, t | obs) and its sampler: K Euler steps of the ODE da/dt = v from Gaussian noise
// to an action (Liu et al. 2023, "Flow Straight and Fast"; Lipman et al. 2023, "Flow Matching for Generative Modeling").
import type { Tf } from '../tf.js';
import { Mlp } from '../policy-net.js';
import { OBSERVATION_FEATURES } from '../../engine/env-layout.js';
import { FLOW_INPUTS } from '../../engine/flow-layout.js';
import type { FlowNetwork } from '../../strategies/policy-file.js';

/** What maps raw observations and actions into the network's units (fitted on the demonstrations). */
export interface FlowScaling {
  obsMean: Float32Array;
  obsStd: Float32Array;
  /** The network works on a = (u - actionMean) / actionStd, u the env's pre-sigmoid action. */
  actionMean: number;
  actionStd: number;
}

export { FLOW_INPUTS };

export class FlowNet {
  readonly mlp: Mlp;

  constructor(
    readonly tf: Tf,
    readonly hidden: [number, number],
    readonly scaling: FlowScaling,
    seed: number,
  ) {
    this.mlp = new Mlp(tf, FLOW_INPUTS, hidden, 1, seed);
  }

  /** clip((obs - mean) / std, -10, 10) in f32, as PPO's networks see observations. */
  normalise(obs: Float32Array): Float32Array {
    const F = OBSERVATION_FEATURES,
      { obsMean, obsStd } = this.scaling,
      out = new Float32Array(obs.length);
    for (let i = 0; i < obs.length; i++) {
      const c = i % F;
      out[i] = Math.min(
        Math.max(Math.fround(Math.fround(obs[i]! - obsMean[c]!) / Math.max(obsStd[c]!, 1e-8)), -10),
        10,
      );
    }
    return out;
  }

  /**
   * Actions u for n raw observations: a_0 = z (noise, or 0), a_{k+1} = a_k + v(a_k, k/K | obs) / K for k < K, then
   * u = actionMean + actionStd a_K. Exact Euler integration of the learned ODE (its error is O(1/K) in the step).
   */
  sample(obs: Float32Array, steps: number, z?: Float32Array): Float32Array {
    const tf = this.tf,
      F = OBSERVATION_FEATURES,
      n = obs.length / F;
    const x = this.normalise(obs);
    const a = tf.tidy(() => {
      const o = tf.tensor2d(x, [n, F]);
      let at: import('@tensorflow/tfjs').Tensor2D = z ? tf.tensor2d(z, [n, 1]) : tf.zeros([n, 1]);
      for (let k = 0; k < steps; k++) {
        const t = tf.fill([n, 1], k / steps);
        const v = this.mlp.apply(tf.concat([o, at, t], 1));
        at = tf.add(at, tf.mul(v, 1 / steps));
      }
      return at.dataSync() as Float32Array;
    });
    const { actionMean, actionStd } = this.scaling;
    return a.map((v) => actionMean + actionStd * v);
  }

  dispose(): void {
    this.mlp.dispose();
  }
}

/** A validated flow network (a policy file's, see strategies/policy-file.ts) back into a FlowNet (tfjs). */
export function loadFlowNet(tf: Tf, n: FlowNetwork): FlowNet {
  const net = new FlowNet(
    tf,
    n.hidden,
    {
      obsMean: Float32Array.from(n.obsMean),
      obsStd: Float32Array.from(n.obsStd),
      actionMean: n.actionMean,
      actionStd: n.actionStd,
    },
    0,
  );
  net.mlp.importDense(n.layers);
  return net;
}

/** Mean and standard deviation of the observations and actions (population moments, f64 sums). */
export function fitScaling(obs: Float32Array, u: Float32Array): FlowScaling {
  const F = OBSERVATION_FEATURES,
    n = u.length;
  const moments = (get: (i: number) => number) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += get(i);
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (get(i) - m) ** 2;
    return [m, Math.sqrt(v / n)] as const;
  };
  const obsMean = new Float32Array(F),
    obsStd = new Float32Array(F);
  for (let c = 0; c < F; c++) {
    const [m, s] = moments((i) => obs[i * F + c]!);
    obsMean[c] = m;
    // a feature constant over the demonstrations (e.g. the transient state without components) stays unscaled
    obsStd[c] = s > 1e-8 ? s : 1;
  }
  const [actionMean, sd] = moments((i) => u[i]!);
  return { obsMean, obsStd, actionMean, actionStd: sd > 1e-8 ? sd : 1 };
}
