// Paths to maturity, streaming: only the terminal state x of each path is written (log price, or price for ABM).
import { philoxRoundKeys } from '../rng/philox';
import { advanceModelBlock, resetModelState } from './model-block';
import { STEP_BLOCK, S_KEYS, S_STATE } from './scratch';

/**
 * Paths firstPath .. firstPath + nPaths - 1 of the price model (MODEL_*) with the parameter block at
 * paramsPtr; x_T of path firstPath + i goes to outPtr[i] (room for nPaths rounded up to 8).
 * scratch: rolloutScratchBytes(0) bytes.
 */
export function terminalValues(model: i32, paramsPtr: usize, seedLo: u32, seedHi: u32, firstPath: u32,
  nPaths: i32, steps: i32, scratch: usize, outPtr: usize): void {
  philoxRoundKeys(seedLo, seedHi, scratch + S_KEYS);
  for (let p = 0; p < nPaths; p += 8) {
    resetModelState(paramsPtr, scratch);
    for (let k0 = 0; k0 < steps; k0 += STEP_BLOCK) {
      advanceModelBlock(model, paramsPtr, seedLo, seedHi, firstPath + <u32>p, k0, min(STEP_BLOCK, steps - k0), scratch, 0);
    }
    memory.copy(outPtr + (<usize>p << 3), scratch + S_STATE, 64);
  }
}
