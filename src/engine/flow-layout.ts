// The f32 parameter block of assembly/policy/flow.ts (a FlowOE velocity network and its sampler), one layout for both
// backends: an MLP block of the observation part (mlp-layout.ts) whose header slot 6 points at the flow section.
import { mlpBlock, mlpOffsets, type MlpWeights } from './mlp-layout.js';
import { OBSERVATION_FEATURES } from './env-layout.js';

/** The Philox stream of the flow policy's a_0 (0, 1: the market; 7: PPO; 11: flow training): see assembly/policy/flow.ts. */
export const FLOW_NOISE_STREAM = 12;
/** Slots of the flow section, in floats from its start. */
export const FLOW_EULER_STEPS = 0;
export const FLOW_NOISE = 1;
export const FLOW_ACTION_MEAN = 2;
export const FLOW_ACTION_STD = 3;
export const FLOW_INV_STEPS = 4;
export const FLOW_HEADER = 8;
/** Inputs of the velocity network: the observation features, then a_t, then t. */
export const FLOW_INPUTS = OBSERVATION_FEATURES + 2;
/** Header slot of the MLP block that holds the flow section's offset (floats). */
export const FLOW_SECTION_SLOT = 6;

export interface FlowWeights {
  actionScale: number;
  hidden: [number, number];
  obsMean: ArrayLike<number>;
  obsStd: ArrayLike<number>;
  /** Standardised actions: u = actionMean + actionStd a. */
  actionMean: number;
  actionStd: number;
  /** Row-major [out][in] dense layers: layers[0].w is h1 x FLOW_INPUTS (observation, a_t, t). */
  layers: ReadonlyArray<{ w: ArrayLike<number>; b: ArrayLike<number> }>;
  eulerSteps: number;
  /** a_0 = 0 (false) or normal k of (seed; path; FLOW_NOISE_STREAM) at step k (true). */
  sampledNoise: boolean;
}

const pad4 = (n: number) => Math.ceil(n / 4) * 4;

export interface FlowOffsets {
  section: number;
  wA: number;
  wT: number;
  total: number;
}

/** Offsets in floats. */
export function flowOffsets(h1: number, h2: number): FlowOffsets {
  const section = pad4(mlpOffsets(OBSERVATION_FEATURES, h1, h2).total);
  const wA = section + FLOW_HEADER,
    wT = wA + pad4(h1);
  // scratch: base [h1][16], tBias, a [16], Philox words (64), normals (128)
  return { section, wA, wT, total: wT + pad4(h1) + h1 * 16 + pad4(h1) + 16 + 64 + 128 };
}

/** The block as f32. */
export function flowBlock(w: FlowWeights): Float32Array {
  const [h1, h2] = w.hidden,
    F = OBSERVATION_FEATURES,
    I = FLOW_INPUTS;
  const w1 = w.layers[0]!.w;
  const obsW1 = new Float32Array(h1 * F),
    wA = new Float32Array(h1),
    wT = new Float32Array(h1);
  for (let j = 0; j < h1; j++) {
    for (let i = 0; i < F; i++) obsW1[j * F + i] = w1[j * I + i]!;
    wA[j] = w1[j * I + F]!;
    wT[j] = w1[j * I + F + 1]!;
  }
  const mlp: MlpWeights = {
    actionScale: w.actionScale,
    inputs: F,
    hidden: w.hidden,
    obsMean: Array.from(w.obsMean),
    obsStd: Array.from(w.obsStd),
    w1: obsW1,
    b1: Array.from(w.layers[0]!.b),
    w2: Array.from(w.layers[1]!.w),
    b2: Array.from(w.layers[1]!.b),
    w3: Array.from(w.layers[2]!.w),
    b3: Array.from(w.layers[2]!.b),
  };
  const o = flowOffsets(h1, h2);
  const block = new Float32Array(o.total);
  block.set(mlpBlock(mlp));
  block[FLOW_SECTION_SLOT] = o.section;
  block.set([w.eulerSteps, w.sampledNoise ? 1 : 0, w.actionMean, w.actionStd, 1 / w.eulerSteps], o.section);
  block.set(wA, o.wA);
  block.set(wT, o.wT);
  return block;
}
