// Natural logarithm for the engine's hot loops: f64x2 and scalar forms with identical operation order.
//
// Source: fdlibm/musl src/math/log.c (Sun Microsystems 1993): x = 2^k (1 + f), sqrt(2)/2 <= 1 + f < sqrt(2),
// log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)), s = f / (2 + f), R a degree-14 minimax polynomial in s
// (|error of R| < 2^-58.45). Coefficients Lg1..Lg7 and the split of ln2 are fdlibm's.
// Accuracy: max 0.83 ulp measured over 1,048,576 points, subnormals included (test/math/log.test.ts, against
// a double-double reference; worst where 1 + f is near sqrt(1/2)); musl states < 1 ulp.
// logPositiveNormalF64x2 assumes 2^-1022 <= x < +inf (what a uniform in (0, 1] needs); logF64x2 adds
// subnormals and the special cases: log(0) = -inf, log(x < 0) = NaN, log(+inf) = +inf, log(NaN) = NaN.
import { splatF64, splatI64 } from './splat';

// @ts-ignore: decorator
@inline const LN2_HI: f64 = 6.93147180369123816490e-01; // 0x3fe62e42fee00000
// @ts-ignore: decorator
@inline const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3dea39ef35793c76
// @ts-ignore: decorator
@inline const LG1: f64 = 6.666666666666735130e-01; // 0x3fe5555555555593
// @ts-ignore: decorator
@inline const LG2: f64 = 3.999999999940941908e-01; // 0x3fd999999997fa04
// @ts-ignore: decorator
@inline const LG3: f64 = 2.857142874366239149e-01; // 0x3fd2492494229359
// @ts-ignore: decorator
@inline const LG4: f64 = 2.222219843214978396e-01; // 0x3fcc71c51d8e78af
// @ts-ignore: decorator
@inline const LG5: f64 = 1.818357216161805012e-01; // 0x3fc7466496cb03de
// @ts-ignore: decorator
@inline const LG6: f64 = 1.531383769920937332e-01; // 0x3fc39a09d078c69f
// @ts-ignore: decorator
@inline const LG7: f64 = 1.479819860511658591e-01; // 0x3fc2f112df3e5244
// Moves the mantissa window so that 1 + f lands in [sqrt(2)/2, sqrt(2)): 0x3ff00000 - 0x3fe6a09e in the high word.
// @ts-ignore: decorator
@inline const WINDOW_SHIFT: i64 = 0x00095f6200000000;
// @ts-ignore: decorator
@inline const WINDOW_BASE: i64 = 0x3fe6a09e00000000;
// @ts-ignore: decorator
@inline const MANTISSA_MASK: i64 = 0x000fffffffffffff;
// @ts-ignore: decorator
@inline const TWO_P54: f64 = 18014398509481984.0; // 2^54, lifts subnormals into the normal range
// @ts-ignore: decorator
@inline const MIN_NORMAL: f64 = 2.2250738585072014e-308; // 2^-1022

const TABLE = memory.data<f64>([LN2_HI, LN2_LO, LG1, LG2, LG3, LG4, LG5, LG6, LG7, 1023.0, 0.5, 1.0, 2.0,
  TWO_P54, MIN_NORMAL, -54.0, 0.0, Infinity, -Infinity, NaN]);
// @ts-ignore: decorator
@inline const S_LN2_HI = 0;
// @ts-ignore: decorator
@inline const S_LN2_LO = 1;
// @ts-ignore: decorator
@inline const S_LG1 = 2; // LGn at slot n + 1
// @ts-ignore: decorator
@inline const S_1023 = 9;
// @ts-ignore: decorator
@inline const S_HALF = 10;
// @ts-ignore: decorator
@inline const S_ONE = 11;
// @ts-ignore: decorator
@inline const S_TWO = 12;
// @ts-ignore: decorator
@inline const S_TWO_P54 = 13;
// @ts-ignore: decorator
@inline const S_MIN_NORMAL = 14;
// @ts-ignore: decorator
@inline const S_MINUS_54 = 15;
// @ts-ignore: decorator
@inline const S_ZERO = 16;
// @ts-ignore: decorator
@inline const S_INF = 17;
// @ts-ignore: decorator
@inline const S_MINUS_INF = 18;
// @ts-ignore: decorator
@inline const S_NAN = 19;
const BITS = memory.data<u64>([WINDOW_SHIFT, WINDOW_BASE, MANTISSA_MASK]);

/** log on two lanes, 2^-1022 <= x < +inf; kBias is added to the binary exponent (used for subnormal scaling). */
// @ts-ignore: decorator
@inline function logCoreF64x2(x: v128, kBias: v128): v128 {
  const u = i64x2.add(x, splatI64(BITS, 0));
  // u >> 52 (logical: x > 0) fits in the low word of each lane: gather the two low words and convert them.
  const kInt = i32x4.shuffle(i64x2.shr_u(u, 52), u, 0, 2, 0, 2);
  const dk = f64x2.add(f64x2.sub(f64x2.convert_low_i32x4_s(kInt), splatF64(TABLE, S_1023)), kBias);
  const m = i64x2.add(v128.and(u, splatI64(BITS, 2)), splatI64(BITS, 1));
  const f = f64x2.sub(m, splatF64(TABLE, S_ONE));
  const hfsq = f64x2.mul(f64x2.mul(splatF64(TABLE, S_HALF), f), f);
  const s = f64x2.div(f, f64x2.add(splatF64(TABLE, S_TWO), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(splatF64(TABLE, S_LG1 + 1), f64x2.mul(w, f64x2.add(splatF64(TABLE, S_LG1 + 3),
    f64x2.mul(w, splatF64(TABLE, S_LG1 + 5))))));
  const t2 = f64x2.mul(z, f64x2.add(splatF64(TABLE, S_LG1), f64x2.mul(w, f64x2.add(splatF64(TABLE, S_LG1 + 2),
    f64x2.mul(w, f64x2.add(splatF64(TABLE, S_LG1 + 4), f64x2.mul(w, splatF64(TABLE, S_LG1 + 6))))))));
  const R = f64x2.add(t2, t1);
  // s*(hfsq+R) + dk*ln2_lo - hfsq + f + dk*ln2_hi, left to right as in fdlibm
  let y = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, R)), f64x2.mul(dk, splatF64(TABLE, S_LN2_LO)));
  y = f64x2.add(f64x2.sub(y, hfsq), f);
  return f64x2.add(y, f64x2.mul(dk, splatF64(TABLE, S_LN2_HI)));
}

/** log on two lanes for 2^-1022 <= x < +inf (normal, positive, finite). */
// @ts-ignore: decorator
@inline export function logPositiveNormalF64x2(x: v128): v128 {
  return logCoreF64x2(x, splatF64(TABLE, S_ZERO));
}

/** log on two lanes, every double. */
// @ts-ignore: decorator
@inline export function logF64x2(x: v128): v128 {
  const sub = f64x2.lt(x, splatF64(TABLE, S_MIN_NORMAL));
  const xs = v128.bitselect(f64x2.mul(x, splatF64(TABLE, S_TWO_P54)), x, sub);
  const kBias = v128.and(splatF64(TABLE, S_MINUS_54), sub);
  let y = logCoreF64x2(xs, kBias);
  y = v128.bitselect(splatF64(TABLE, S_INF), y, f64x2.eq(x, splatF64(TABLE, S_INF)));
  y = v128.bitselect(splatF64(TABLE, S_MINUS_INF), y, f64x2.eq(x, splatF64(TABLE, S_ZERO)));
  y = v128.bitselect(splatF64(TABLE, S_NAN), y, f64x2.lt(x, splatF64(TABLE, S_ZERO)));
  return v128.bitselect(x, y, f64x2.ne(x, x));
}

// @ts-ignore: decorator
@inline function logCoreF64(x: f64, kBias: f64): f64 {
  const u = reinterpret<i64>(x) + WINDOW_SHIFT;
  const dk = (<f64><i32>(u >>> 52) - 1023.0) + kBias;
  const f = reinterpret<f64>((u & MANTISSA_MASK) + WINDOW_BASE) - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  return s * (hfsq + R) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

/** log, scalar, for 2^-1022 <= x < +inf; bit-identical to each lane of logPositiveNormalF64x2. */
// @ts-ignore: decorator
@inline export function logPositiveNormalF64(x: f64): f64 {
  return logCoreF64(x, 0.0);
}

/** log, scalar, every double; bit-identical to each lane of logF64x2. */
// @ts-ignore: decorator
@inline export function logF64(x: f64): f64 {
  if (x != x) return x;
  if (x < 0.0) return NaN;
  if (x == 0.0) return -Infinity;
  if (x == Infinity) return Infinity;
  if (x < MIN_NORMAL) return logCoreF64(x * TWO_P54, -54.0);
  return logCoreF64(x, 0.0);
}
