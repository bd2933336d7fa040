// Full price paths for a small, explicit request (plotting): the one kernel that writes a paths x steps matrix.
import { philoxRoundKeys } from '../rng/philox';
import { expF64x2 } from '../math/exp';
import { MODEL_ABM } from '../market-params';
import { advanceModelBlock, resetModelState } from './model-block';
import { STEP_BLOCK, S_KEYS, S_STATE, S_PRICES } from './scratch';

/** Stores lane pairs (0, 1) .. (6, 7) of 8 paths' prices at column `column` of rows p .. p + 7 (rows of `width`). */
function scatter(prices: usize, nPaths: i32, p: i32, width: i32, column: i32, outPtr: usize, abm: bool): void {
  for (let j = 0; j < 4; j++) {
    const x = v128.load(prices + (<usize>j << 4));
    const s = abm ? x : expF64x2(x);
    const row = p + 2 * j;
    if (row < nPaths) store<f64>(outPtr + ((<usize>row * <usize>width + <usize>column) << 3), f64x2.extract_lane(s, 0));
    if (row + 1 < nPaths) store<f64>(outPtr + ((<usize>(row + 1) * <usize>width + <usize>column) << 3), f64x2.extract_lane(s, 1));
  }
}

/**
 * Prices S_0 .. S_steps of paths firstPath .. firstPath + nPaths - 1 (the same draws as every other kernel) into
 * outPtr, row-major [path][steps + 1]. scratch: rolloutScratchBytes(0). TypeScript bounds the request.
 */
export function samplePaths(model: i32, paramsPtr: usize, seedLo: u32, seedHi: u32, firstPath: u32, nPaths: i32,
  steps: i32, scratch: usize, outPtr: usize): void {
  philoxRoundKeys(seedLo, seedHi, scratch + S_KEYS);
  const abm = model == MODEL_ABM;
  for (let p = 0; p < nPaths; p += 8) {
    resetModelState(paramsPtr, scratch);
    for (let k0 = 0; k0 < steps; k0 += STEP_BLOCK) {
      const n = min(STEP_BLOCK, steps - k0);
      advanceModelBlock(model, paramsPtr, seedLo, seedHi, firstPath + <u32>p, k0, n, scratch, scratch + S_PRICES);
      for (let k = 0; k < n; k++) scatter(scratch + S_PRICES + (<usize>k << 6), nPaths, p, steps + 1, k0 + k, outPtr, abm);
    }
    scatter(scratch + S_STATE, nPaths, p, steps + 1, steps, outPtr, abm);
  }
}
