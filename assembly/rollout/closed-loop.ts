// A whole episode of every path of an environment under a policy evaluated inside wasm (no JS call per step).
import { expF64x2 } from '../math/exp';
import { MODEL_ABM } from '../market-params';
import { schedulePaths } from '../policy/schedule';
import { adaptiveAcPaths } from '../policy/adaptive-ac';
import { mlpPaths, mlpPrepare } from '../policy/mlp';
import { povPaths } from '../policy/pov';
import { flowPaths, flowPrepare } from '../policy/flow';
import { envReset, stepPaths } from './execution-env';
import { observePaths, stepConstantFeatures } from './observe';
import * as E from './env-layout';

// @ts-ignore: decorator
@inline export const POLICY_SCHEDULE: i32 = 0;
// @ts-ignore: decorator
@inline export const POLICY_ADAPTIVE_AC: i32 = 1;
// @ts-ignore: decorator
@inline export const POLICY_MLP: i32 = 2;
/** A FlowOE policy: K Euler steps of a velocity network per env step (policy/flow.ts). */
// @ts-ignore: decorator
@inline export const POLICY_FLOW: i32 = 3;
// @ts-ignore: decorator
@inline export const POLICY_POV: i32 = 4;
/**
 * Columns written per path: the five cost parts, shares left and executed, max participation, terminal price, episode
 * return, permanent level (sum m n), the market VWAP of the unimpacted price, the last step's volume multiplier u,
 * the window's average unimpacted price.
 */
// @ts-ignore: decorator
@inline export const ROLLOUT_COLUMNS: i32 = 14;

/**
 * Paths taken through the whole episode together, so their state (18 + J arrays of 64 f64) stays in L1 from step
 * to step whatever B is (at B = 1,024 blocks of 16, 64 and 256 measured the same).
 */
// @ts-ignore: decorator
@inline const ROLLOUT_BLOCK: i32 = 64;

/** State arrays copied out, in column order (static data: kernels never allocate). */
const OUTPUT_FIELDS = memory.data<i32>([E.S_TIMING, E.S_PERMANENT, E.S_TEMPORARY, E.S_TRANSIENT, E.S_SPREAD, E.S_Q, E.S_CUM, E.S_MAXP, E.S_RETURN]);

/**
 * Resets the environment, runs all E_STEPS steps under the policy, and writes per path (stride apart, B values
 * each): timing, permanent, temporary, transient, spread (currency), shares left, shares executed,
 * max participation, unimpacted terminal price, and the episode return (sum of rewards, bps).
 */
export function closedLoopRollout(env: usize, policy: i32, policyPtr: usize, outPtr: usize, stride: i32): void {
  envReset(env);
  if (policy == POLICY_MLP) mlpPrepare(policyPtr, stepConstantFeatures(env));
  else if (policy == POLICY_FLOW) flowPrepare(policyPtr, stepConstantFeatures(env));
  const steps = <i32>E.header(env, E.E_STEPS);
  const paths = <usize>E.header(env, E.E_PATHS);
  // mu goes to the seventh plane of the observations region (allocated for it)
  const muPtr = E.region(env, E.E_OFF_OBSERVATIONS) + (<usize>E.OBSERVATION_FEATURES * paths << 2);
  for (let first = 0; first < <i32>paths; first += ROLLOUT_BLOCK) {
    const count = min(ROLLOUT_BLOCK, <i32>paths - first); // paths is a multiple of 16, so is count
    for (let k = 0; k < steps; k++) {
      if (policy == POLICY_SCHEDULE) schedulePaths(env, k, policyPtr, first, count);
      else if (policy == POLICY_ADAPTIVE_AC) adaptiveAcPaths(env, k, policyPtr, first, count);
      else if (policy == POLICY_POV) povPaths(env, k, policyPtr, first, count);
      else {
        if (k < steps - 1) observePaths(env, k, first, count); // the last step trades what is left, unobserved
        if (policy == POLICY_FLOW) flowPaths(env, k, policyPtr, muPtr, first, count);
        else mlpPaths(env, k, policyPtr, muPtr, first, count);
      }
      stepPaths(env, k, first, count);
    }
  }
  store<f64>(env + (<usize>E.E_STEP << 3), <f64>steps);
  for (let c = 0; c < 9; c++) {
    const column = c < 8 ? c : 9; // the terminal price goes to column 8
    memory.copy(outPtr + ((<usize>column * <usize>stride) << 3), E.stateArray(env, load<i32>(OUTPUT_FIELDS + (<usize>c << 2))), paths << 3);
  }
  const xs = E.stateArray(env, E.S_X);
  const terminal = outPtr + ((<usize>8 * <usize>stride) << 3);
  const abm = <i32>E.header(env, E.E_MODEL) == MODEL_ABM;
  for (let p: usize = 0; p < paths / 2; p++) {
    const x = v128.load(xs + (p << 4));
    v128.store(terminal + (p << 4), abm ? x : expF64x2(x));
  }
  memory.copy(outPtr + ((<usize>10 * <usize>stride) << 3), E.stateArray(env, E.S_PERM_LEVEL), paths << 3);
  memory.copy(outPtr + ((<usize>12 * <usize>stride) << 3), E.stateArray(env, E.S_VOLUME_MULT), paths << 3);
  const priceSums = E.stateArray(env, E.S_PRICE_SUM), average = outPtr + ((<usize>13 * <usize>stride) << 3);
  const invSteps = f64x2.splat(1.0 / <f64>steps);
  for (let p: usize = 0; p < paths / 2; p++) {
    v128.store(average + (p << 4), f64x2.mul(v128.load(priceSums + (p << 4)), invSteps));
  }
  const vwapSums = E.stateArray(env, E.S_VWAP_SUM), volumeSums = E.stateArray(env, E.S_VOLUME_SUM);
  const vwap = outPtr + ((<usize>11 * <usize>stride) << 3);
  for (let p: usize = 0; p < paths / 2; p++) {
    v128.store(vwap + (p << 4), f64x2.div(v128.load(vwapSums + (p << 4)), v128.load(volumeSums + (p << 4))));
  }
}
