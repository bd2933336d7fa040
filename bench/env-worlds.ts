// The environment benchmark's workload, shared by the bench suite and bench/ab-env.ts: the two worlds of the learning
// experiments and a fixed 6-16-16-1 policy network (PPO's default shape; its weights only need to be the same everywhere).
import type { EnvSpec } from '../src/engine/env-spec.js';
import { mlpBlock, mlpBlockAsF64 } from '../src/engine/mlp-layout.js';
import { flowBlock, FLOW_INPUTS } from '../src/engine/flow-layout.js';
import { ppoAcConfig } from '../src/learn/experiments/ppo-ac.js';
import { ppoHestonConfig } from '../src/learn/experiments/ppo-heston.js';
import { trainingEnvironment } from '../src/learn/train.js';

/** The network block as the f64s a PolicyRef carries. */
export function benchPolicyParams(): Float64Array {
  const weights = (n: number) => Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin(i));
  return mlpBlockAsF64(
    mlpBlock({
      actionScale: 10,
      inputs: 6,
      hidden: [16, 16],
      obsMean: [0.5, 0.5, 1, 0, 1, 0],
      obsStd: [0.3, 0.3, 0.5, 1, 0.5, 1],
      w1: weights(96),
      b1: weights(16),
      w2: weights(256),
      b2: weights(16),
      w3: weights(16),
      b3: [0],
    }),
  );
}

/** A flow policy block (FlowOE's velocity network, hidden h x h) sampled with K Euler steps from a_0 = 0. */
export function benchFlowParams(h: number, eulerSteps: number): Float64Array {
  const weights = (n: number, scale: number) => Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i));
  return mlpBlockAsF64(
    flowBlock({
      actionScale: 10,
      hidden: [h, h],
      obsMean: [0.5, 0.5, 1, 0, 1, 0],
      obsStd: [0.3, 0.3, 0.5, 1, 0.5, 1],
      actionMean: 0,
      actionStd: 1,
      layers: [
        { w: weights(h * FLOW_INPUTS, 0.3), b: weights(h, 0.1) },
        { w: weights(h * h, 4.8 / h), b: weights(h, 0.1) },
        { w: weights(h, 1 / h), b: [0] },
      ],
      eulerSteps,
      sampledNoise: false,
    }),
  );
}

/** The Almgren-Chriss and Heston worlds, as policies are judged in them (no forced liquidation). */
export function envWorlds(): Array<{ name: string; short: string; spec: EnvSpec }> {
  return [
    { name: 'almgren-chriss world', short: 'ac', spec: trainingEnvironment(ppoAcConfig(true)).judging },
    { name: 'heston world (ppo-heston)', short: 'heston', spec: trainingEnvironment(ppoHestonConfig(true)).judging },
  ];
}
