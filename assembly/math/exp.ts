// Natural exponential for the engine's hot loops: f64x2 and scalar forms with identical operation order.
//
// Source: Cody-Waite reduction x = k ln2 + r as in fdlibm e_exp.c (ln2 split into LN2_HI with 32
// significant bits, so k * LN2_HI is exact for |k| < 2^21, and LN2_LO); exp(r) by its Taylor series to
// degree 13 (truncation < 4.2e-18 relative on |r| <= ln2/2), evaluated as 1 + (r + r^2 P(r)).
// Scale by 2^k in two factors 2^k1 * 2^k2 so subnormal results round once and overflow gives +inf.
// Accuracy: max 0.95 ulp measured over 1,048,576 points of the whole double range (test/math/exp.test.ts,
// against a double-double reference; worst where exp(r) is just above sqrt(1/2)). exp(NaN) = NaN,
// exp(+inf) = +inf, exp(-inf) = 0.
// No FMA anywhere (wasm has none without relaxed-simd), so a JS twin reproduces every bit.
import { splatF64 } from './splat';

// @ts-ignore: decorator
@inline const LOG2E: f64 = 1.4426950408889634; // 0x3ff71547652b82fe
// @ts-ignore: decorator
@inline const LN2_HI: f64 = 6.93147180369123816490e-01; // 0x3fe62e42fee00000
// @ts-ignore: decorator
@inline const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3dea39ef35793c76
// @ts-ignore: decorator
@inline const SHIFTER: f64 = 6755399441055744.0; // 0x1.8p52: adding it rounds to an integer in the low bits
// @ts-ignore: decorator
@inline const CLAMP: f64 = 1100.0; // exp(+-1100) is already +inf / 0; keeps k inside the exponent field
// 1/n! for n = 2..13, rounded to nearest
// @ts-ignore: decorator
@inline const C2: f64 = 0.5;
// @ts-ignore: decorator
@inline const C3: f64 = 0.16666666666666666;
// @ts-ignore: decorator
@inline const C4: f64 = 0.041666666666666664;
// @ts-ignore: decorator
@inline const C5: f64 = 0.008333333333333333;
// @ts-ignore: decorator
@inline const C6: f64 = 0.001388888888888889;
// @ts-ignore: decorator
@inline const C7: f64 = 0.0001984126984126984;
// @ts-ignore: decorator
@inline const C8: f64 = 2.48015873015873e-5;
// @ts-ignore: decorator
@inline const C9: f64 = 2.7557319223985893e-6;
// @ts-ignore: decorator
@inline const C10: f64 = 2.755731922398589e-7;
// @ts-ignore: decorator
@inline const C11: f64 = 2.505210838544172e-8;
// @ts-ignore: decorator
@inline const C12: f64 = 2.08767569878681e-9;
// @ts-ignore: decorator
@inline const C13: f64 = 1.6059043836821613e-10;

// Slots of TABLE: 1/n! at slot n for n = 2..13, then the rest.
const TABLE = memory.data<f64>([0.0, 1.0, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13,
  LOG2E, LN2_HI, LN2_LO, SHIFTER, -CLAMP, CLAMP, 1023.0, 0.5]);
// @ts-ignore: decorator
@inline const ONE = 1;
// @ts-ignore: decorator
@inline const S_LOG2E = 14;
// @ts-ignore: decorator
@inline const S_LN2_HI = 15;
// @ts-ignore: decorator
@inline const S_LN2_LO = 16;
// @ts-ignore: decorator
@inline const S_SHIFTER = 17;
// @ts-ignore: decorator
@inline const S_MINUS_CLAMP = 18;
// @ts-ignore: decorator
@inline const S_CLAMP = 19;
// @ts-ignore: decorator
@inline const S_HALF = 21;
const BIAS = memory.data<u64>([1023]);

/** exp(r) - 1 - r for |r| <= ln2/2, as r^2 P(r). */
// @ts-ignore: decorator
@inline function expTailF64x2(r: v128): v128 {
  let p = f64x2.add(f64x2.mul(splatF64(TABLE, 13), r), splatF64(TABLE, 12));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 11));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 10));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 9));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 8));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 7));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 6));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 5));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 4));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 3));
  p = f64x2.add(f64x2.mul(p, r), splatF64(TABLE, 2));
  return f64x2.mul(f64x2.mul(r, r), p);
}

/** 2^k for float integers k with -1022 <= k <= 1023, built from bits via the shifter. */
// @ts-ignore: decorator
@inline function pow2F64x2(k: v128): v128 {
  const kd = f64x2.add(k, splatF64(TABLE, S_SHIFTER));
  return i64x2.shl(i64x2.add(kd, v128.load64_splat(BIAS)), 52);
}

/** exp(r) for the reduced argument of x (k = round(x / ln2) as a float). */
// @ts-ignore: decorator
@inline function expReducedF64x2(x: v128, k: v128): v128 {
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, splatF64(TABLE, S_LN2_HI))), f64x2.mul(k, splatF64(TABLE, S_LN2_LO)));
  return f64x2.add(splatF64(TABLE, ONE), f64x2.add(r, expTailF64x2(r)));
}

// @ts-ignore: decorator
@inline function roundedQuotientF64x2(x: v128): v128 {
  return f64x2.sub(f64x2.add(f64x2.mul(x, splatF64(TABLE, S_LOG2E)), splatF64(TABLE, S_SHIFTER)), splatF64(TABLE, S_SHIFTER));
}

/** exp on two lanes, whole double range. */
// @ts-ignore: decorator
@inline export function expF64x2(x: v128): v128 {
  x = f64x2.pmin(f64x2.pmax(x, splatF64(TABLE, S_MINUS_CLAMP)), splatF64(TABLE, S_CLAMP));
  const k = roundedQuotientF64x2(x);
  const p = expReducedF64x2(x, k);
  const k1 = f64x2.floor(f64x2.mul(k, splatF64(TABLE, S_HALF)));
  return f64x2.mul(f64x2.mul(p, pow2F64x2(k1)), pow2F64x2(f64x2.sub(k, k1)));
}

/** exp on two lanes whose results are normal doubles (|x| < 708): one scale factor, same bits as expF64x2 there. */
// @ts-ignore: decorator
@inline export function expNormalF64x2(x: v128): v128 {
  const k = roundedQuotientF64x2(x);
  return f64x2.mul(expReducedF64x2(x, k), pow2F64x2(k));
}

// @ts-ignore: decorator
@inline function expTailF64(r: f64): f64 {
  let p = C13 * r + C12;
  p = p * r + C11;
  p = p * r + C10;
  p = p * r + C9;
  p = p * r + C8;
  p = p * r + C7;
  p = p * r + C6;
  p = p * r + C5;
  p = p * r + C4;
  p = p * r + C3;
  p = p * r + C2;
  return (r * r) * p;
}

// @ts-ignore: decorator
@inline function pow2F64(k: f64): f64 {
  return reinterpret<f64>((reinterpret<i64>(k + SHIFTER) + 1023) << 52);
}

/** exp, scalar; bit-identical to each lane of expF64x2. */
// @ts-ignore: decorator
@inline export function expF64(x: f64): f64 {
  x = min(max(x, -CLAMP), CLAMP);
  const k = (x * LOG2E + SHIFTER) - SHIFTER;
  const r = (x - k * LN2_HI) - k * LN2_LO;
  const p = 1.0 + (r + expTailF64(r));
  const k1 = floor(k * 0.5);
  return (p * pow2F64(k1)) * pow2F64(k - k1);
}

/** exp for results in the normal range (|x| < 708), scalar; bit-identical to expNormalF64x2. */
// @ts-ignore: decorator
@inline export function expNormalF64(x: f64): f64 {
  const k = (x * LOG2E + SHIFTER) - SHIFTER;
  const r = (x - k * LN2_HI) - k * LN2_LO;
  return (1.0 + (r + expTailF64(r))) * pow2F64(k);
}
