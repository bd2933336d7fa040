// A whole episode of every path of an environment under a policy evaluated inside wasm (no JS call per step).
import { expF64x2 } from '../math/exp';
import { MODEL_ABM } from '../market-params';
import { scheduleFractions } from '../policy/schedule';
import { adaptiveAcFractions } from '../policy/adaptive-ac';
import { envReset, envStep } from './execution-env';
import * as E from './env-layout';

// @ts-ignore: decorator
@inline export const POLICY_SCHEDULE: i32 = 0;
// @ts-ignore: decorator
@inline export const POLICY_ADAPTIVE_AC: i32 = 1;
/** Columns written per path: the five cost parts, shares left and executed, max participation, terminal price. */
// @ts-ignore: decorator
@inline export const ROLLOUT_COLUMNS: i32 = 9;

/** State arrays copied out, in column order (static data: kernels never allocate). */
const OUTPUT_FIELDS = memory.data<i32>([E.S_TIMING, E.S_PERMANENT, E.S_TEMPORARY, E.S_TRANSIENT, E.S_SPREAD, E.S_Q, E.S_CUM, E.S_MAXP]);

/**
 * Resets the environment, runs all E_STEPS steps under the policy, and writes per path (stride apart, B values
 * each): timing, permanent, temporary, transient, spread (currency), shares left, shares executed,
 * max participation, unimpacted terminal price.
 */
export function closedLoopRollout(env: usize, policy: i32, policyPtr: usize, outPtr: usize, stride: i32): void {
  envReset(env);
  const steps = <i32>E.header(env, E.E_STEPS);
  for (let k = 0; k < steps; k++) {
    if (policy == POLICY_SCHEDULE) scheduleFractions(env, policyPtr);
    else adaptiveAcFractions(env, policyPtr);
    envStep(env);
  }
  const paths = <usize>E.header(env, E.E_PATHS);
  for (let c = 0; c < 8; c++) {
    memory.copy(outPtr + ((<usize>c * <usize>stride) << 3), E.stateArray(env, load<i32>(OUTPUT_FIELDS + (<usize>c << 2))), paths << 3);
  }
  const xs = E.stateArray(env, E.S_X);
  const terminal = outPtr + ((<usize>8 * <usize>stride) << 3);
  const abm = <i32>E.header(env, E.E_MODEL) == MODEL_ABM;
  for (let p: usize = 0; p < paths / 2; p++) {
    const x = v128.load(xs + (p << 4));
    v128.store(terminal + (p << 4), abm ? x : expF64x2(x));
  }
}
