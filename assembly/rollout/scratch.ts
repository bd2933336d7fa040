// Layout of the scratch a rollout kernel works in (TypeScript allocates it: rolloutScratchBytes bytes, 64-aligned).
import { PHILOX_KEY_TABLE_BYTES } from '../rng/philox';
import { NORMALS_X4_CALL_BYTES, WORDS_X4_CALL_BYTES } from '../rng/normal';

/** Steps per block: a block's draws for eight paths (~11 KiB) stay in L1 between generation and use. */
// @ts-ignore: decorator
@inline export const STEP_BLOCK: i32 = 64;
// @ts-ignore: decorator
@inline const NORMAL_CALLS: usize = <usize>STEP_BLOCK / 2;   // two normals per step, four per call
// @ts-ignore: decorator
@inline const UNIFORM_CALLS: usize = <usize>STEP_BLOCK / 4;  // one uniform per step, four per call

// @ts-ignore: decorator
@inline export const S_KEYS: usize = 0;
// @ts-ignore: decorator
@inline export const S_WORDS: usize = S_KEYS + <usize>PHILOX_KEY_TABLE_BYTES;
// @ts-ignore: decorator
@inline export const S_NORMALS_A: usize = S_WORDS + NORMAL_CALLS * WORDS_X4_CALL_BYTES;
// @ts-ignore: decorator
@inline export const S_NORMALS_B: usize = S_NORMALS_A + NORMAL_CALLS * NORMALS_X4_CALL_BYTES;
// @ts-ignore: decorator
@inline export const S_UNIFORMS_A: usize = S_NORMALS_B + NORMAL_CALLS * NORMALS_X4_CALL_BYTES;
// @ts-ignore: decorator
@inline export const S_UNIFORMS_B: usize = S_UNIFORMS_A + UNIFORM_CALLS * 64;
// @ts-ignore: decorator
@inline export const S_STATE: usize = S_UNIFORMS_B + UNIFORM_CALLS * 64;       // x then v of eight paths
// @ts-ignore: decorator
@inline export const S_PRICES: usize = S_STATE + 128;                          // per step: eight prices
// @ts-ignore: decorator
@inline export const S_ACCUMULATORS: usize = S_PRICES + <usize>STEP_BLOCK * 64; // per strategy: A, B of eight paths
// @ts-ignore: decorator
@inline export const ACCUMULATOR_BYTES: usize = 128;

/** Bytes of scratch a rollout kernel needs for nStrategies static schedules (0 for terminal values). */
export function rolloutScratchBytes(nStrategies: i32): usize {
  return S_ACCUMULATORS + <usize>nStrategies * ACCUMULATOR_BYTES;
}
