// The environment's observations (see execution-env.ts): six f32 features per path for the policy's next decision,
// and which of them hold one value on every path at a step.
import { transientSum } from '../impact/transient';
import { P_X0, param } from '../market-params';
import * as E from './env-layout';
import { at } from './env-layout';

/**
 * Bit i set when observation feature i holds one value on every path at a step: time left always, volume level
 * when volume is deterministic, variance under the Brownian models (it is 1), the transient state without transient components (0).
 * A policy network folds these into its first layer once per step (policy/mlp.ts).
 */
export function stepConstantFeatures(env: usize): i32 {
  return E.FEATURE_TIME_LEFT | (E.header(env, E.E_VOLUME_NOISE) != 0.0 ? 0 : E.FEATURE_VOLUME_LEVEL)
    | (E.header(env, E.E_OBS_VARIANCE_SCALE) > 0.0 ? 0 : E.FEATURE_VARIANCE)
    | (E.header(env, E.E_COMPONENTS) == 0.0 ? E.FEATURE_TRANSIENT : 0);
}

/** Both lanes rounded to f32, stored as two consecutive f32. */
// @ts-ignore: decorator
@inline function storeF32Pair(ptr: usize, v: v128): void {
  v128.store64_lane(ptr, f32x4.demote_f64x2_zero(v), 0);
}

/** Observations for the next decision (step E_STEP) of every path (see observePaths). */
export function envObserve(env: usize): void {
  observePaths(env, <i32>E.header(env, E.E_STEP), 0, <i32>E.header(env, E.E_PATHS));
}

/**
 * Observations for decision k of paths first .. first + count - 1 (even), f32, feature-major (OBSERVATION_FEATURES
 * arrays of B): time left (N - k) / N; inventory left q / X; variance v / theta (1 for the Brownian models);
 * price move since arrival in units of sigma over the horizon; the market's step volume (V_k u) over the average step volume;
 * transient impact state in units of s0 sigma0 sqrt(dt).
 */
export function observePaths(env: usize, k: i32, first: i32, count: i32): void {
  const steps = <i32>E.header(env, E.E_STEPS);
  const paths = <i32>E.header(env, E.E_PATHS);
  const components = <i32>E.header(env, E.E_COMPONENTS);
  const params = E.region(env, E.E_OFF_PARAMS);
  const out = E.region(env, E.E_OFF_OBSERVATIONS);
  const plane = <usize>paths << 2;
  const timeLeft = f64x2.splat(<f64>(steps - k) / <f64>steps);
  const invShares = f64x2.splat(1.0 / E.header(env, E.E_SHARES));
  const varianceScale = E.header(env, E.E_OBS_VARIANCE_SCALE);
  const priceScale = f64x2.splat(E.header(env, E.E_OBS_PRICE_SCALE));
  const x0 = f64x2.splat(param(params, P_X0));
  const volume = load<f64>(E.region(env, E.E_OFF_VOLUME) + (<usize>min(k, steps - 1) << 3));
  const volumeLevel = f64x2.splat(volume / E.header(env, E.E_MEAN_VOLUME));
  const transientScale = f64x2.splat(E.header(env, E.E_OBS_TRANSIENT_SCALE));
  const xs = E.stateArray(env, E.S_X), vs = E.stateArray(env, E.S_V), qs = E.stateArray(env, E.S_Q);
  const us = E.stateArray(env, E.S_VOLUME_MULT), stochasticVolume = E.header(env, E.E_VOLUME_NOISE) != 0.0;
  const d0 = E.stateArray(env, E.S_TRANSIENT_0);
  const stride = <usize>E.header(env, E.E_STATE_STRIDE);
  const one = f64x2.splat(1.0);
  let p = first >> 1;
  const pairTo = (first + count) >> 1;
  if (p < pairTo) do { // a do-while, so that V8 hoists the loop-invariant divisions (see stepPaths)
    const o = <usize>p << 3; // two f32 per pair
    const d = transientSum(d0, stride, components, p);
    const variance = varianceScale > 0.0 ? f64x2.mul(v128.load(at(vs, p)), f64x2.splat(varianceScale)) : one;
    storeF32Pair(out + o, timeLeft);
    storeF32Pair(out + plane + o, f64x2.mul(v128.load(at(qs, p)), invShares));
    storeF32Pair(out + 2 * plane + o, variance);
    storeF32Pair(out + 3 * plane + o, f64x2.mul(f64x2.sub(v128.load(at(xs, p)), x0), priceScale));
    storeF32Pair(out + 4 * plane + o, stochasticVolume ? f64x2.mul(volumeLevel, v128.load(at(us, p))) : volumeLevel);
    storeF32Pair(out + 5 * plane + o, f64x2.mul(d, transientScale));
    p++;
  } while (p < pairTo);
}
