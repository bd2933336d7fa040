// Heston by Andersen's quadratic-exponential scheme with martingale correction (Andersen 2008, "Simple and
// efficient simulation of the Heston stochastic volatility model", J. Comp. Finance 11(3): variance by
// eq. 23-27 (psi_c = 1.5), log price by eq. 33 with gamma1 = gamma2 = 1/2, K0 replaced by K0* of
// section 4.2 so that E[exp(x')] = exp(x + mu dt)). Where K0* is undefined (1 - 2 A a <= 0 in the quadratic
// branch, A >= beta in the exponential one: rare, for strongly positive rho) the uncorrected K0 is used.
// Draws per step k: Zv = normal 2k, Z = normal 2k + 1 of stream 0; Uv = uniform k of stream 1 (word k of
// the path's stream-1 Philox sequence times 2^-32). Both branches are computed and one is selected per lane.
import { logF64x2 } from '../math/log';
import { splatF64, splatI64 } from '../math/splat';
import { P_MU_DT, P_THETA, P_E, P_S2_V, P_S2_0, P_K0, P_K1, P_K2, P_K3, P_K4, P_A, P_K1_HALF_K3, P_PSI_C,
  paramX2 } from '../market-params';

const TABLE = memory.data<f64>([0.0, 0.5, 1.0, 2.0]);
const BITS = memory.data<u64>([0x3ff0000000000000]);

/** Uniform w 2^-32 in [0, 1) for the i64 lanes w (each < 2^32), exact. */
// @ts-ignore: decorator
@inline export function uniformF64x2(w: v128): v128 {
  return f64x2.sub(v128.or(i64x2.shl(w, 20), splatI64(BITS, 0)), splatF64(TABLE, 2));
}

/** Scratch for qeStepF64x2's second result (the new variance). */
export let qeNextV: v128 = f64x2.splat(0.0);

/** One QE step of two paths; returns x', leaves v' in qeNextV. */
// @ts-ignore: decorator
@inline export function qeStepF64x2(paramsPtr: usize, x: v128, v: v128, zv: v128, z: v128, uv: v128): v128 {
  const half = splatF64(TABLE, 1), one = splatF64(TABLE, 2), two = splatF64(TABLE, 3), zero = splatF64(TABLE, 0);
  const theta = paramX2(paramsPtr, P_THETA);
  const m = f64x2.add(theta, f64x2.mul(f64x2.sub(v, theta), paramX2(paramsPtr, P_E)));
  const s2 = f64x2.add(f64x2.mul(v, paramX2(paramsPtr, P_S2_V)), paramX2(paramsPtr, P_S2_0));
  const psi = f64x2.div(s2, f64x2.mul(m, m));
  const A = paramX2(paramsPtr, P_A);
  // quadratic branch (psi <= psi_c)
  const twoOverPsi = f64x2.div(two, psi);
  const b2 = f64x2.add(f64x2.sub(twoOverPsi, one), f64x2.mul(f64x2.sqrt(twoOverPsi), f64x2.sqrt(f64x2.sub(twoOverPsi, one))));
  const a = f64x2.div(m, f64x2.add(one, b2));
  const bz = f64x2.add(f64x2.sqrt(b2), zv);
  const vQuad = f64x2.mul(a, f64x2.mul(bz, bz));
  const oneMinus2Aa = f64x2.sub(one, f64x2.mul(f64x2.mul(two, A), a));
  const k0Quad = f64x2.add(f64x2.div(f64x2.neg(f64x2.mul(f64x2.mul(A, b2), a)), oneMinus2Aa),
    f64x2.mul(half, logF64x2(oneMinus2Aa)));
  const quadOk = f64x2.gt(oneMinus2Aa, zero);
  // exponential branch (psi > psi_c)
  const p = f64x2.div(f64x2.sub(psi, one), f64x2.add(psi, one));
  const oneMinusP = f64x2.sub(one, p);
  const beta = f64x2.div(oneMinusP, m);
  const vExp = v128.andnot(f64x2.div(logF64x2(f64x2.div(oneMinusP, f64x2.sub(one, uv))), beta), f64x2.le(uv, p));
  const k0Exp = f64x2.neg(logF64x2(f64x2.add(p, f64x2.div(f64x2.mul(beta, oneMinusP), f64x2.sub(beta, A)))));
  const expOk = f64x2.gt(beta, A);
  const quadratic = f64x2.le(psi, paramX2(paramsPtr, P_PSI_C));
  const vNext = v128.bitselect(vQuad, vExp, quadratic);
  const k0 = paramX2(paramsPtr, P_K0);
  const k0Star = f64x2.sub(v128.bitselect(v128.bitselect(k0Quad, k0, quadOk), v128.bitselect(k0Exp, k0, expOk), quadratic),
    f64x2.mul(paramX2(paramsPtr, P_K1_HALF_K3), v));
  // the uncorrected K0 replaces the whole K0* (its - (K1 + K3/2) v term included) where K0* is undefined
  const valid = v128.bitselect(quadOk, expOk, quadratic);
  const drift = v128.bitselect(k0Star, k0, valid);
  const diffusion = f64x2.sqrt(f64x2.add(f64x2.mul(paramX2(paramsPtr, P_K3), v), f64x2.mul(paramX2(paramsPtr, P_K4), vNext)));
  qeNextV = vNext;
  const linear = f64x2.add(f64x2.mul(paramX2(paramsPtr, P_K1), v), f64x2.mul(paramX2(paramsPtr, P_K2), vNext));
  return f64x2.add(f64x2.add(f64x2.add(f64x2.add(x, paramX2(paramsPtr, P_MU_DT)), drift), linear), f64x2.mul(diffusion, z));
}

/**
 * Advances eight paths n steps (state and normals as eulerAdvanceBlock); uniform words of paths 0-3 at
 * uniformsA and 4-7 at uniformsB, 16 bytes (one i32x4) per step. xOutPtr as in eulerAdvanceBlock.
 */
export function qeAdvanceBlock(paramsPtr: usize, statePtr: usize, normalsA: usize, normalsB: usize,
  uniformsA: usize, uniformsB: usize, n: i32, xOutPtr: usize): void {
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < 4; j++) {
      const lane = <usize>j << 4;
      const x = v128.load(statePtr + lane), v = v128.load(statePtr + lane, 64);
      if (xOutPtr) v128.store(xOutPtr + (<usize>k << 6) + lane, x);
      const normals = (j < 2 ? normalsA : normalsB) + (<usize>k << 6) + (<usize>(j & 1) << 4);
      const words = v128.load((j < 2 ? uniformsA : uniformsB) + (<usize>k << 4));
      const w = (j & 1) ? i64x2.extend_high_i32x4_u(words) : i64x2.extend_low_i32x4_u(words);
      const xNext = qeStepF64x2(paramsPtr, x, v, v128.load(normals), v128.load(normals, 32), uniformF64x2(w));
      v128.store(statePtr + lane, xNext);
      v128.store(statePtr + lane, qeNextV, 64);
    }
  }
}
