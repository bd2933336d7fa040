// One block of up to STEP_BLOCK steps of eight paths of any price model: draws for the block, then the recursion.
import { fillWordsX4 } from '../rng/philox';
import { fillNormalsX4 } from '../rng/normal';
import { eulerAdvanceBlock } from '../heston/euler';
import { qeAdvanceBlock } from '../heston/qe';
import { brownianAdvanceBlock } from '../brownian/brownian';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, P_X0, P_V0, P_NORMALS_F32, param } from '../market-params';
import { S_KEYS, S_WORDS, S_NORMALS_A, S_NORMALS_B, S_UNIFORMS_A, S_UNIFORMS_B, S_STATE } from './scratch';

/**
 * Advances paths p0 .. p0 + 7 (state at scratch S_STATE) through steps k0 .. k0 + n - 1 (k0 a multiple of
 * STEP_BLOCK). Heston takes normals 2k, 2k + 1 of stream 0 (QE also uniform k of stream 1); the Brownian
 * models take normal k. When xOutPtr != 0 the state x before each step goes there (64 bytes per step).
 */
export function advanceModelBlock(model: i32, paramsPtr: usize, seedLo: u32, seedHi: u32, p0: u32,
  k0: i32, n: i32, scratch: usize, xOutPtr: usize): void {
  const cA = i32x4.add(i32x4.splat(p0), i32x4(0, 1, 2, 3));
  const cB = i32x4.add(cA, i32x4.splat(4));
  const heston = model == MODEL_HESTON_EULER || model == MODEL_HESTON_QE;
  const firstCall = heston ? k0 >> 1 : k0 >> 2;
  const pairs = heston ? n : (n + 1) >> 1; // two normals per step under Heston, one otherwise
  const f32 = param(paramsPtr, P_NORMALS_F32) != 0.0;
  fillNormalsX4(cA, firstCall, pairs, 0, seedLo, seedHi, scratch + S_KEYS, scratch + S_WORDS, scratch + S_NORMALS_A, f32);
  fillNormalsX4(cB, firstCall, pairs, 0, seedLo, seedHi, scratch + S_KEYS, scratch + S_WORDS, scratch + S_NORMALS_B, f32);
  if (model == MODEL_HESTON_EULER) {
    eulerAdvanceBlock(paramsPtr, scratch + S_STATE, scratch + S_NORMALS_A, scratch + S_NORMALS_B, n, xOutPtr);
  } else if (model == MODEL_HESTON_QE) {
    const uniformCalls = (n + 3) >> 2;
    fillWordsX4(cA, k0 >> 2, uniformCalls, 1, seedLo, seedHi, scratch + S_KEYS, scratch + S_UNIFORMS_A);
    fillWordsX4(cB, k0 >> 2, uniformCalls, 1, seedLo, seedHi, scratch + S_KEYS, scratch + S_UNIFORMS_B);
    qeAdvanceBlock(paramsPtr, scratch + S_STATE, scratch + S_NORMALS_A, scratch + S_NORMALS_B,
      scratch + S_UNIFORMS_A, scratch + S_UNIFORMS_B, n, xOutPtr);
  } else {
    brownianAdvanceBlock(paramsPtr, scratch + S_STATE, scratch + S_NORMALS_A, scratch + S_NORMALS_B, n, xOutPtr);
  }
}

/** Sets the state of eight paths to the model's (x0, v0). */
export function resetModelState(paramsPtr: usize, scratch: usize): void {
  const x = f64x2.splat(param(paramsPtr, P_X0)), v = f64x2.splat(param(paramsPtr, P_V0));
  for (let j = 0; j < 4; j++) {
    v128.store(scratch + S_STATE + (<usize>j << 4), x);
    v128.store(scratch + S_STATE + (<usize>j << 4), v, 64);
  }
}
