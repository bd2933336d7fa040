// Worker-thread entry of the gradient pool: its own tfjs-wasm and copy of PPO's networks, one slice's gradient a task.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { tfWasm, type Tf } from '../learn/tf.js';
import { Mlp } from '../learn/policy-net.js';
import {
  loadVariables,
  sliceGradients,
  type GradientSlice,
  type LossSettings,
  type PpoNets,
  type SliceResult,
} from '../learn/ppo-gradients.js';

export interface GradientTask {
  inputs: number;
  hidden: [number, number];
  weights: Float32Array[];
  slice: GradientSlice;
  index: number;
  loss: LossSettings;
}

let state: { tf: Tf; nets: PpoNets; key: string } | undefined;

export default async function sliceTask(task: GradientTask): Promise<SliceResult> {
  const tf = await tfWasm(
    dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/',
  );
  const key = `${task.inputs}:${task.hidden.join('x')}`;
  if (state?.key !== key) {
    // the initial values are overwritten by every task's weights; only the shapes matter
    state = {
      tf,
      key,
      nets: {
        actor: new Mlp(tf, task.inputs, task.hidden, 1, 1),
        critic: new Mlp(tf, task.inputs, task.hidden, 1, 2),
        logStd: tf.variable(tf.scalar(0)),
      },
    };
  }
  loadVariables(tf, state.nets, task.weights);
  return sliceGradients(tf, state.nets, task.slice, task.index, task.loss);
}
