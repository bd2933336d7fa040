// Batched execution of static schedules on simulated paths: every strategy trades on the same paths (CRN).
import { philoxRoundKeys } from '../rng/philox';
import { expF64x2 } from '../math/exp';
import { MODEL_ABM } from '../market-params';
import { advanceModelBlock, resetModelState } from './model-block';
import { STEP_BLOCK, S_KEYS, S_STATE, S_PRICES, S_ACCUMULATORS, ACCUMULATOR_BYTES } from './scratch';

/**
 * For each strategy s with per-step quantities n_sk (qtyPtr[s steps + k]) and weights g_sk = n_sk f_sk
 * (weightPtr), accumulates along each path, in step order,
 *   A_s = sum_k n_sk S_k,   B_s = sum_k g_sk S_k,   S_k the unimpacted price before step k
 * (exp(x_k), or x_k for the arithmetic model). For a static schedule permanent impact is a deterministic
 * factor f_sk = exp(-+c_sk) on the log price (or an additive shift, left to the caller for ABM, f = 1),
 * so one path serves every strategy. Path firstPath + i's A_s goes to outPtr[(2 s) stride + i], B_s to
 * outPtr[(2 s + 1) stride + i], and the unimpacted terminal price S_N to outPtr[(2 nStrategies) stride + i]
 * (stride >= nPaths rounded up to 8). scratch: rolloutScratchBytes(nStrategies) bytes.
 */
export function staticExecution(model: i32, paramsPtr: usize, seedLo: u32, seedHi: u32, firstPath: u32,
  nPaths: i32, steps: i32, nStrategies: i32, qtyPtr: usize, weightPtr: usize, scratch: usize,
  outPtr: usize, stride: i32): void {
  philoxRoundKeys(seedLo, seedHi, scratch + S_KEYS);
  const prices = scratch + S_PRICES;
  for (let p = 0; p < nPaths; p += 8) {
    resetModelState(paramsPtr, scratch);
    memory.fill(scratch + S_ACCUMULATORS, 0, <usize>nStrategies * ACCUMULATOR_BYTES);
    for (let k0 = 0; k0 < steps; k0 += STEP_BLOCK) {
      const n = min(STEP_BLOCK, steps - k0);
      advanceModelBlock(model, paramsPtr, seedLo, seedHi, firstPath + <u32>p, k0, n, scratch, prices);
      if (model != MODEL_ABM) {
        for (let i = 0; i < n * 4; i++) {
          const at = prices + (<usize>i << 4);
          v128.store(at, expF64x2(v128.load(at)));
        }
      }
      for (let s = 0; s < nStrategies; s++) {
        const acc = scratch + S_ACCUMULATORS + <usize>s * ACCUMULATOR_BYTES;
        let aa = v128.load(acc), ab = v128.load(acc, 16), ac = v128.load(acc, 32), ad = v128.load(acc, 48);
        let ba = v128.load(acc, 64), bb = v128.load(acc, 80), bc = v128.load(acc, 96), bd = v128.load(acc, 112);
        const qty = qtyPtr + ((<usize>s * <usize>steps + <usize>k0) << 3);
        const weight = weightPtr + ((<usize>s * <usize>steps + <usize>k0) << 3);
        for (let k = 0; k < n; k++) {
          const nk = v128.load64_splat(qty + (<usize>k << 3));
          const gk = v128.load64_splat(weight + (<usize>k << 3));
          const at = prices + (<usize>k << 6);
          const sa = v128.load(at), sb = v128.load(at, 16), sc = v128.load(at, 32), sd = v128.load(at, 48);
          aa = f64x2.add(aa, f64x2.mul(nk, sa)); ab = f64x2.add(ab, f64x2.mul(nk, sb));
          ac = f64x2.add(ac, f64x2.mul(nk, sc)); ad = f64x2.add(ad, f64x2.mul(nk, sd));
          ba = f64x2.add(ba, f64x2.mul(gk, sa)); bb = f64x2.add(bb, f64x2.mul(gk, sb));
          bc = f64x2.add(bc, f64x2.mul(gk, sc)); bd = f64x2.add(bd, f64x2.mul(gk, sd));
        }
        v128.store(acc, aa); v128.store(acc, ab, 16); v128.store(acc, ac, 32); v128.store(acc, ad, 48);
        v128.store(acc, ba, 64); v128.store(acc, bb, 80); v128.store(acc, bc, 96); v128.store(acc, bd, 112);
      }
    }
    for (let s = 0; s < nStrategies; s++) {
      const acc = scratch + S_ACCUMULATORS + <usize>s * ACCUMULATOR_BYTES;
      memory.copy(outPtr + ((<usize>(2 * s) * <usize>stride + <usize>p) << 3), acc, 64);
      memory.copy(outPtr + ((<usize>(2 * s + 1) * <usize>stride + <usize>p) << 3), acc + 64, 64);
    }
    const terminal = outPtr + ((<usize>(2 * nStrategies) * <usize>stride + <usize>p) << 3);
    for (let j = 0; j < 4; j++) {
      const x = v128.load(scratch + S_STATE + (<usize>j << 4));
      v128.store(terminal + (<usize>j << 4), model != MODEL_ABM ? expF64x2(x) : x);
    }
  }
}
