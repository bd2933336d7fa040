// Batched Heston path generation to maturity, streaming: only the terminal log price of each path is written.
import { philoxRoundKeys, PHILOX_KEY_TABLE_BYTES } from '../rng/philox';
import { fillNormalsX4, NORMALS_X4_CALL_BYTES, WORDS_X4_CALL_BYTES } from '../rng/normal';
import { eulerSqrtVarDtF64x2, eulerLogPriceF64x2, eulerVarianceF64x2 } from './euler';

/** Steps per normals block: the block's normals (8 paths) stay in L1 between generation and use. */
// @ts-ignore: decorator
@inline export const STEP_BLOCK: i32 = 64;
// @ts-ignore: decorator
@inline const CALLS_PER_BLOCK: usize = <usize>STEP_BLOCK / 2;
// @ts-ignore: decorator
@inline const NORMALS_BLOCK_BYTES: usize = CALLS_PER_BLOCK * NORMALS_X4_CALL_BYTES;
// @ts-ignore: decorator
@inline export const TERMINAL_SCRATCH_BYTES: usize = <usize>PHILOX_KEY_TABLE_BYTES
  + CALLS_PER_BLOCK * WORDS_X4_CALL_BYTES + 2 * NORMALS_BLOCK_BYTES;

/**
 * Full-truncation Euler paths firstPath .. firstPath + nPaths - 1; writes x_T = log S_T of each to outPtr
 * (f64, room for nPaths rounded up to a multiple of 8). Step k takes normals 2k (z1) and 2k + 1 (z2) of
 * stream 0. Paths run eight at a time (four f64x2 chains): the variance recursion's latency (a sqrt per
 * step) is hidden only with that many independent chains. scratchPtr: TERMINAL_SCRATCH_BYTES, 16-aligned.
 */
export function hestonEulerTerminal(firstPath: u32, nPaths: i32, steps: i32, seedLo: u32, seedHi: u32,
  x0: f64, v0: f64, kappa: f64, theta: f64, xi: f64, rho: f64, mu: f64, dt: f64, scratchPtr: usize, outPtr: usize): void {
  const keyTable = scratchPtr;
  const words = keyTable + PHILOX_KEY_TABLE_BYTES;
  const normalsA = words + CALLS_PER_BLOCK * WORDS_X4_CALL_BYTES;
  const normalsB = normalsA + NORMALS_BLOCK_BYTES;
  philoxRoundKeys(seedLo, seedHi, keyTable);
  const dtV = f64x2.splat(dt);
  const muDt = f64x2.splat(mu * dt);
  const halfDt = f64x2.splat(0.5 * dt);
  const kappaThetaDt = f64x2.splat(kappa * theta * dt);
  const kappaDt = f64x2.splat(kappa * dt);
  const xiV = f64x2.splat(xi);
  const rhoV = f64x2.splat(rho);
  const rhoBar = f64x2.splat(sqrt(1.0 - rho * rho));
  const zero = f64x2.splat(0.0);
  for (let p = 0; p < nPaths; p += 8) {
    const c0 = i32x4.add(i32x4.splat(firstPath + <u32>p), i32x4(0, 1, 2, 3));
    const c4 = i32x4.add(c0, i32x4.splat(4));
    let xa = f64x2.splat(x0), xb = xa, xc = xa, xd = xa;
    let va = f64x2.splat(v0), vb = va, vc = va, vd = va;
    for (let k0 = 0; k0 < steps; k0 += STEP_BLOCK) {
      const n = min(STEP_BLOCK, steps - k0);
      fillNormalsX4(c0, k0 >> 1, (n + 1) >> 1, 0, seedLo, seedHi, keyTable, words, normalsA);
      fillNormalsX4(c4, k0 >> 1, (n + 1) >> 1, 0, seedLo, seedHi, keyTable, words, normalsB);
      for (let k = 0; k < n; k++) {
        const zA = normalsA + (<usize>k << 6), zB = normalsB + (<usize>k << 6);
        const z1a = v128.load(zA), z1b = v128.load(zA, 16), z2a = v128.load(zA, 32), z2b = v128.load(zA, 48);
        const z1c = v128.load(zB), z1d = v128.load(zB, 16), z2c = v128.load(zB, 32), z2d = v128.load(zB, 48);
        const vpa = f64x2.max(va, zero), vpb = f64x2.max(vb, zero), vpc = f64x2.max(vc, zero), vpd = f64x2.max(vd, zero);
        const sqa = eulerSqrtVarDtF64x2(vpa, dtV), sqb = eulerSqrtVarDtF64x2(vpb, dtV);
        const sqc = eulerSqrtVarDtF64x2(vpc, dtV), sqd = eulerSqrtVarDtF64x2(vpd, dtV);
        xa = eulerLogPriceF64x2(xa, vpa, sqa, z1a, muDt, halfDt);
        xb = eulerLogPriceF64x2(xb, vpb, sqb, z1b, muDt, halfDt);
        xc = eulerLogPriceF64x2(xc, vpc, sqc, z1c, muDt, halfDt);
        xd = eulerLogPriceF64x2(xd, vpd, sqd, z1d, muDt, halfDt);
        va = eulerVarianceF64x2(va, vpa, sqa, z1a, z2a, kappaThetaDt, kappaDt, xiV, rhoV, rhoBar);
        vb = eulerVarianceF64x2(vb, vpb, sqb, z1b, z2b, kappaThetaDt, kappaDt, xiV, rhoV, rhoBar);
        vc = eulerVarianceF64x2(vc, vpc, sqc, z1c, z2c, kappaThetaDt, kappaDt, xiV, rhoV, rhoBar);
        vd = eulerVarianceF64x2(vd, vpd, sqd, z1d, z2d, kappaThetaDt, kappaDt, xiV, rhoV, rhoBar);
      }
    }
    const out = outPtr + (<usize>p << 3);
    v128.store(out, xa);
    v128.store(out, xb, 16);
    v128.store(out, xc, 32);
    v128.store(out, xd, 48);
  }
}
