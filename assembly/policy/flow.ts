// A FlowOE policy evaluated inside wasm: K Euler steps of the learned velocity field v(a, t | obs) per env step,
// on the fused MLP code of PPO's policy (policy/mlp.ts). Rectified flow (Liu et al. 2023), sampled as
//   a_0 = 0 or z,  a_{e+1} = a_e + v(a_e, e / K | obs) (1 / K),  e = 0 .. K - 1;   mu = actionStd a_K + actionMean
// then the fraction A sigmoid(mu + c) / (steps left), exactly as an MLP policy's mu. z (noise = 1) is normal k of the
// path's flow-noise stream: Philox (env seed; path; stream FLOW_NOISE_STREAM), normal k = word pair k & 3 of call
// k >> 2 (rng/normal.ts), so the draw is a pure function of (seed, path, step). Euler's error along the learned ODE
// is O(1/K); the arithmetic is f32 (the twin, src/reference/policy/flow.ts, has the same bits; tfjs agrees to ~1e-6).
//
// The observation part of the first layer, b1 + W1[:, obs] x, is computed once per env step (constant features folded
// as mlp.ts folds them); each Euler step adds the a and t columns: pre_j = (base_j + wA_j a) + f32(wT_j t).
//
// Block (f32, laid out by src/engine/flow-layout.ts): an MLP block of the observation features (mlp.ts's layout,
// nIn = 6, W1 without the a and t columns) whose header slot 6 holds the float offset F of the flow section; at F:
// [K, noise, actionMean, actionStd, 1 / K (f32), 0, 0, 0], wA[pad4(h1)], wT[pad4(h1)], then scratch: base[h1][16],
// tBias[pad4(h1)], a[16], Philox words (4 groups x 16 floats), normals (4 groups x 32 floats).
import * as E from '../rollout/env-layout';
import { fillNormalsX4 } from '../rng/normal';
import { stepConstantFeatures } from '../rollout/observe';
import {
  dim, pad4, splat32, denseRelu, denseRow, firstLayerBias, firstLayerWeights, normaliseBlock, secondLayer,
  varyingCount, lastDecision, fractionsOfMu, mlpPrepare,
} from './mlp';

/** The Philox stream of the flow policy's a_0 (streams 0 and 1: the market; 7: PPO; 11: flow training noise). */
// @ts-ignore: decorator
@inline export const FLOW_NOISE_STREAM: i32 = 12;
/** Slots of the flow section (floats from its start). */
// @ts-ignore: decorator
@inline export const FLOW_EULER_STEPS: i32 = 0;
// @ts-ignore: decorator
@inline export const FLOW_NOISE: i32 = 1;
// @ts-ignore: decorator
@inline export const FLOW_ACTION_MEAN: i32 = 2;
// @ts-ignore: decorator
@inline export const FLOW_ACTION_STD: i32 = 3;
// @ts-ignore: decorator
@inline export const FLOW_INV_STEPS: i32 = 4;
// @ts-ignore: decorator
@inline export const FLOW_HEADER: i32 = 8;

// @ts-ignore: decorator
@inline function section(policy: usize): usize {
  return policy + (<usize>dim(policy, 6) << 2);
}

/** Once per rollout: the first layer's fold of the observation part (mlpPrepare). */
export function flowPrepare(policy: usize, constantMask: i32): void {
  mlpPrepare(policy, constantMask);
}

/** a_0 of the 16 paths from `block` at step k: normal k of (env seed; path; FLOW_NOISE_STREAM), rounded to f32. */
// @ts-ignore: decorator
@inline function drawNoise(env: usize, k: i32, block: i32, words: usize, normals: usize, a: usize): void {
  const firstPath = <u32>E.header(env, E.E_FIRST_PATH) + <u32>block;
  const seedLo = <u32>E.header(env, E.E_SEED_LO), seedHi = <u32>E.header(env, E.E_SEED_HI);
  const keys = E.region(env, E.E_OFF_KEYS);
  const m = k & 3;
  // normal m of a lane l sits at (m >> 1) 64 + (m & 1) 32 + (l >> 1) 16 + (l & 1) 8 bytes of its group's call
  const at = (<usize>(m >> 1) << 6) + (<usize>(m & 1) << 5);
  for (let g = 0; g < 4; g++) {
    const c0v = i32x4.add(i32x4.splat(firstPath + <u32>(4 * g)), i32x4(0, 1, 2, 3));
    const out = normals + (<usize>g << 7);
    fillNormalsX4(c0v, k >> 2, m < 2 ? 1 : 2, FLOW_NOISE_STREAM, seedLo, seedHi, keys, words + (<usize>g << 6), out, false);
    const lo = v128.load(out + at), hi = v128.load(out + at + 16); // lanes (0, 1), (2, 3)
    v128.store(a + (<usize>g << 4), i32x4.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
  }
}

/**
 * mu of paths first .. first + count - 1 (multiples of 16) at env step k: the K-step Euler sample (see the header),
 * observations f32 feature-major (planes `plane` bytes apart) at obsPtr, mu f32 to outPtr. a_0: the f32 values at
 * a0Ptr (one per path) when a0Ptr != 0, else the env's noise draw when the block asks for noise, else 0.
 */
export function flowForward(env: usize, k: i32, policy: usize, obsPtr: usize, plane: usize, outPtr: usize, first: i32,
  count: i32, constantMask: i32, a0Ptr: usize): void {
  const nIn = dim(policy, 0), h1 = dim(policy, 1), h2 = dim(policy, 2);
  const w2 = secondLayer(policy);
  const b2 = w2 + pad4(h2 * h1);
  const w3 = b2 + pad4(h2);
  const b3 = w3 + pad4(h2);
  const inputs = policy + (<usize>dim(policy, 3) << 2);
  const hidden1 = inputs + (<usize>nIn << 6);
  const hidden2 = hidden1 + (<usize>h1 << 6);
  const flow = section(policy);
  const steps = <i32>load<f32>(flow + (<usize>FLOW_EULER_STEPS << 2));
  const noise = load<f32>(flow + (<usize>FLOW_NOISE << 2)) != 0.0;
  const actionMean = splat32(flow + (<usize>FLOW_ACTION_MEAN << 2)), actionStd = splat32(flow + (<usize>FLOW_ACTION_STD << 2));
  const invSteps = splat32(flow + (<usize>FLOW_INV_STEPS << 2));
  const wA = flow + (<usize>FLOW_HEADER << 2), wT = wA + pad4(h1);
  const base = wT + pad4(h1), tBias = base + (<usize>h1 << 6), a = tBias + pad4(h1);
  const words = a + 64, normals = words + 256;
  const bias1 = firstLayerBias(policy, obsPtr, plane, first, constantMask);
  const weights1 = firstLayerWeights(policy, constantMask), nVarying = varyingCount(nIn, constantMask);
  const mean = policy + 32, invStd = mean + pad4(nIn);
  const lo = f32x4.splat(-10.0), hi = f32x4.splat(10.0), zero = f32x4.splat(0.0);
  for (let block = first; block < first + count; block += 16) {
    normaliseBlock(mean, invStd, inputs, nIn, obsPtr, plane, block, constantMask, lo, hi);
    for (let j = 0; j < h1; j++) {
      denseRow(inputs, nVarying, weights1 + (<usize>(j * nVarying) << 2), bias1 + (<usize>j << 2), base + (<usize>j << 6), false);
    }
    if (a0Ptr != 0) memory.copy(a, a0Ptr + (<usize>block << 2), 64);
    else if (noise) drawNoise(env, k, block, words, normals, a);
    else for (let l = 0; l < 4; l++) v128.store(a + (<usize>l << 4), zero);
    for (let e = 0; e < steps; e++) {
      const t = <f32>(<f64>e / <f64>steps);
      for (let j = 0; j < h1; j++) store<f32>(tBias + (<usize>j << 2), load<f32>(wT + (<usize>j << 2)) * t);
      const a0 = v128.load(a), a1 = v128.load(a, 16), a2 = v128.load(a, 32), a3 = v128.load(a, 48);
      for (let j = 0; j < h1; j++) {
        const wa = splat32(wA + (<usize>j << 2)), tb = splat32(tBias + (<usize>j << 2));
        const src = base + (<usize>j << 6), dst = hidden1 + (<usize>j << 6);
        v128.store(dst, f32x4.pmax(f32x4.add(f32x4.add(v128.load(src), f32x4.mul(wa, a0)), tb), zero));
        v128.store(dst, f32x4.pmax(f32x4.add(f32x4.add(v128.load(src, 16), f32x4.mul(wa, a1)), tb), zero), 16);
        v128.store(dst, f32x4.pmax(f32x4.add(f32x4.add(v128.load(src, 32), f32x4.mul(wa, a2)), tb), zero), 32);
        v128.store(dst, f32x4.pmax(f32x4.add(f32x4.add(v128.load(src, 48), f32x4.mul(wa, a3)), tb), zero), 48);
      }
      denseRelu(hidden1, h1, w2, b2, h2, hidden2, zero);
      denseRow(hidden2, h2, w3, b3, hidden1, false); // v of the 16 paths (hidden1 is free again)
      for (let l = 0; l < 4; l++) {
        const o = <usize>l << 4;
        v128.store(a + o, f32x4.add(v128.load(a + o), f32x4.mul(v128.load(hidden1 + o), invSteps)));
      }
    }
    const out = outPtr + (<usize>block << 2);
    for (let l = 0; l < 4; l++) {
      const o = <usize>l << 4;
      v128.store(out + o, f32x4.add(f32x4.mul(actionStd, v128.load(a + o)), actionMean));
    }
  }
}

/**
 * The flow policy's action of decision k for paths first .. first + count - 1 (multiples of 16), observations
 * already made (closed-loop.ts), as mlpPaths: fraction = A sigmoid(mu + c) / (steps left). muPtr: room for B f32.
 */
export function flowPaths(env: usize, k: i32, policy: usize, muPtr: usize, first: i32, count: i32): void {
  if (lastDecision(env, k, first, count)) return;
  const paths = <i32>E.header(env, E.E_PATHS);
  flowForward(env, k, policy, E.region(env, E.E_OFF_OBSERVATIONS), <usize>paths << 2, muPtr, first, count, stepConstantFeatures(env), 0);
  fractionsOfMu(env, k, policy, muPtr, first, count);
}

/**
 * mu of paths 0 .. paths - 1 (a multiple of 16) from observations f32 feature-major (6 planes of `paths`) at obsPtr and
 * a_0 f32 at a0Ptr (0: a_0 = 0), to outPtr: the sampler alone, for tests against tfjs.
 */
export function flowMu(policy: usize, obsPtr: usize, a0Ptr: usize, outPtr: usize, paths: i32, constantMask: i32): void {
  flowPrepare(policy, constantMask);
  flowForward(0, 0, policy, obsPtr, <usize>paths << 2, outPtr, 0, paths, constantMask, a0Ptr);
}
