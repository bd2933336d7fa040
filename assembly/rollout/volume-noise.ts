// The environment's stochastic volume (see execution-env.ts): the market's volume multiplier u of each step, an AR(1)
// log-normal drawn from normal k of the path's Philox stream 2, rising with the Heston variance when asked.
import { expF64x2 } from '../math/exp';
import { logF64x2 } from '../math/log';
import { fillNormalsGroupsX4 } from '../rng/normal';
import { P_NORMALS_F32, param } from '../market-params';
import * as E from './env-layout';
import { at } from './env-layout';

/**
 * The market's volume multiplier u of step k (see the header) for paths first .. first + count - 1: psi moves one
 * AR(1) step (psi_0 is drawn from the stationary law), u = exp(psi - sigma_V^2 / 2) (max(v, 1e-4 theta) / theta)^(a / 2).
 * Normal k of the path's stream 2, four steps a Philox call.
 */
export function nextVolume(env: usize, k: i32, first: i32, count: i32): void {
  const normals = E.region(env, E.E_OFF_VOLUME_NORMALS);
  if ((k & 3) == 0) {
    const stepsLeft = <i32>E.header(env, E.E_STEPS) - k;
    fillNormalsGroupsX4(<u32>E.header(env, E.E_FIRST_PATH) + <u32>first, count >> 2, k >> 2, min(2, (stepsLeft + 1) >> 1), 2,
      <u32>E.header(env, E.E_SEED_LO), <u32>E.header(env, E.E_SEED_HI), E.region(env, E.E_OFF_KEYS),
      E.region(env, E.E_OFF_WORDS) + (<usize>(first >> 2) << 6), normals + (<usize>(first >> 2) << 7),
      param(E.region(env, E.E_OFF_PARAMS), P_NORMALS_F32) != 0.0);
  }
  const sigma = E.header(env, E.E_VOLUME_NOISE), phi = E.header(env, E.E_VOLUME_PERSISTENCE);
  const elasticity = E.header(env, E.E_VOLUME_ELASTICITY), inverseTheta = E.header(env, E.E_OBS_VARIANCE_SCALE);
  const keep = f64x2.splat(k == 0 ? 0.0 : phi), shock = f64x2.splat(k == 0 ? sigma : sigma * Math.sqrt(1.0 - phi * phi));
  const bias = f64x2.splat(-0.5 * sigma * sigma), halfA = f64x2.splat(0.5 * elasticity);
  const withVariance = elasticity != 0.0 && inverseTheta > 0.0;
  const invTheta = f64x2.splat(inverseTheta), floor = f64x2.splat(1e-4);
  const psis = E.stateArray(env, E.S_VOLUME_LOG), us = E.stateArray(env, E.S_VOLUME_MULT), vs = E.stateArray(env, E.S_V);
  const phase = <usize>(k & 3) << 5;
  for (let p = first >> 1; p < (first + count) >> 1; p++) {
    const z = v128.load(normals + (<usize>(p >> 1) << 7) + phase + (<usize>(p & 1) << 4));
    const psi = f64x2.add(f64x2.mul(keep, v128.load(at(psis, p))), f64x2.mul(shock, z));
    v128.store(at(psis, p), psi);
    let logU = f64x2.add(psi, bias);
    if (withVariance) {
      const level = f64x2.pmax(floor, f64x2.mul(v128.load(at(vs, p)), invTheta));
      logU = f64x2.add(logU, f64x2.mul(halfA, logF64x2(level)));
    }
    v128.store(at(us, p), expF64x2(logU));
  }
}
