// Natural logarithm on four f32 lanes, for single-precision Box-Muller radii (the opt-in f32 normals).
//
// Source: musl src/math/logf.c (after fdlibm e_logf.c, Sun Microsystems 1993): x = 2^k (1 + f) with
// sqrt(2)/2 <= 1 + f < sqrt(2), log(1 + f) = f - f^2/2 + s (f^2/2 + R(s^2)), s = f / (2 + f), R of degree 8 in s
// (|error of R| < 2^-34.24), coefficients Lg1..Lg4 and the split of ln 2 as in logf.c, given by their bits.
// Every step is one f32 operation (no FMA), so the TS twin (src/math/log-f32.ts) gives the same bits with Math.fround.
// Domain: positive normal f32 (2^-126 <= x < inf), all a uniform in [2^-24, 1] needs.
// Accuracy: max 0.84 ulp of the exact value over 2^20 points of [2^-24, 1] and of the whole normal range
// (test/math/log-f32.test.ts, against Math.log in f64); musl states < 1 ulp.

const TABLE = memory.data<u32>([
  0x3f2aaaaa, // Lg1 0.66666662693
  0x3ecccce1, // Lg2 0.40000972152
  0x3e91e9ee, // Lg3 0.28498786688
  0x3e789e26, // Lg4 0.24279078841
  0x3f317180, // ln2_hi 6.9313812256e-01
  0x3717f7d1, // ln2_lo 9.0580006145e-06
  0x3f000000, // 0.5
  0x3f800000, // 1
  0x40000000, // 2
]);
const INTS = memory.data<i32>([0x3f800000 - 0x3f3504f3, 0x007fffff, 0x3f3504f3, 0x7f]);

// @ts-ignore: decorator
@inline function c(slot: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>slot << 2));
}

// @ts-ignore: decorator
@inline function n(slot: i32): v128 {
  return v128.load32_splat(INTS + (<usize>slot << 2));
}

/** log of four positive normal f32 lanes. */
// @ts-ignore: decorator
@inline export function logPositiveNormalF32x4(x: v128): v128 {
  const ix = i32x4.add(x, n(0));
  const dk = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_s(ix, 23), n(3)));
  const f = f32x4.sub(i32x4.add(v128.and(ix, n(1)), n(2)), c(7));
  const s = f32x4.div(f, f32x4.add(c(8), f));
  const z = f32x4.mul(s, s);
  const w = f32x4.mul(z, z);
  const t1 = f32x4.mul(w, f32x4.add(c(1), f32x4.mul(w, c(3))));
  const t2 = f32x4.mul(z, f32x4.add(c(0), f32x4.mul(w, c(2))));
  const R = f32x4.add(t2, t1);
  const hfsq = f32x4.mul(f32x4.mul(c(6), f), f);
  // s*(hfsq+R) + dk*ln2_lo - hfsq + f + dk*ln2_hi, left to right as in logf.c
  let y = f32x4.add(f32x4.mul(s, f32x4.add(hfsq, R)), f32x4.mul(dk, c(5)));
  y = f32x4.add(f32x4.sub(y, hfsq), f);
  return f32x4.add(y, f32x4.mul(dk, c(4)));
}
