// sin(2 pi u) and cos(2 pi u) together (the angle of Box-Muller): f64x2 and scalar forms, identical operation order.
//
// Reduction is exact: t = 4u, q = nearest(t), r = t - q in [-1/2, 1/2] (no rounding: IEEE 754-2008's
// sinPi/cosPi trick), so 2 pi u = (pi/2)(q + r) and the quadrant is q mod 4. The kernels on
// [-pi/4, pi/4] are fdlibm's __sin and __cos (k_sin.c, k_cos.c, Sun Microsystems 1993, minimax of
// degree 13 and 14, |error| < 2^-58), applied to y = (pi/2) r, whose one rounding adds <= 0.5 ulp.
// Accuracy: max 1.83 ulp (sin) and 1.82 ulp (cos) measured over 1,048,576 points, every finite u
// (test/math/sincos2pi.test.ts, against a double-double reference); worst where y is just above a power of
// two and sin y just below it, so y's rounding is a whole ulp of the result. sin(2 pi u) is exactly +-0 at
// multiples of 1/2, exact +-1 at odd multiples of 1/4; NaN or +-inf give NaN.
import { splatF64, splatI64 } from './splat';

// @ts-ignore: decorator
@inline const PIO2: f64 = 1.5707963267948966; // 0x3ff921fb54442d18
// @ts-ignore: decorator
@inline const S1: f64 = -1.66666666666666324348e-01;
// @ts-ignore: decorator
@inline const S2: f64 = 8.33333333332248946124e-03;
// @ts-ignore: decorator
@inline const S3: f64 = -1.98412698298579493134e-04;
// @ts-ignore: decorator
@inline const S4: f64 = 2.75573137070700676789e-06;
// @ts-ignore: decorator
@inline const S5: f64 = -2.50507602534068634195e-08;
// @ts-ignore: decorator
@inline const S6: f64 = 1.58969099521155010221e-10;
// @ts-ignore: decorator
@inline const CC1: f64 = 4.16666666666666019037e-02;
// @ts-ignore: decorator
@inline const CC2: f64 = -1.38888888888741095749e-03;
// @ts-ignore: decorator
@inline const CC3: f64 = 2.48015872894767294178e-05;
// @ts-ignore: decorator
@inline const CC4: f64 = -2.75573143513906633035e-07;
// @ts-ignore: decorator
@inline const CC5: f64 = 2.08757232129817482790e-09;
// @ts-ignore: decorator
@inline const CC6: f64 = -1.13596475577881948265e-11;
// @ts-ignore: decorator
@inline const SIGN_BIT_SHIFT: i32 = 62; // (n & 2) << 62 is the sign bit

const TABLE = memory.data<f64>([S1, S2, S3, S4, S5, S6, CC1, CC2, CC3, CC4, CC5, CC6, PIO2, 4.0, 0.25, 0.5, 1.0]);
// @ts-ignore: decorator
@inline const S_S1 = 0; // Sn at slot n - 1
// @ts-ignore: decorator
@inline const S_C1 = 6; // CCn at slot n + 5
// @ts-ignore: decorator
@inline const S_PIO2 = 12;
// @ts-ignore: decorator
@inline const S_FOUR = 13;
// @ts-ignore: decorator
@inline const S_QUARTER = 14;
// @ts-ignore: decorator
@inline const S_HALF = 15;
// @ts-ignore: decorator
@inline const S_ONE = 16;
const INTS = memory.data<u64>([0, 1, 2]);

/** Scratch for the scalar form's two results (AssemblyScript has no multiple returns). */
export let sin2piResult: f64 = 0.0;
export let cos2piResult: f64 = 0.0;

// The pieces are exported so that Box-Muller, which needs both sin and cos of one angle, reduces once.

/** q = nearest(4u): the number of quarter turns. */
// @ts-ignore: decorator
@inline export function quarterTurnsF64x2(u: v128): v128 {
  return f64x2.nearest(f64x2.mul(u, splatF64(TABLE, S_FOUR)));
}

/** y = (pi/2)(4u - q) in [-pi/4, pi/4]; 4u - q is exact. */
// @ts-ignore: decorator
@inline export function reducedAngleF64x2(u: v128, q: v128): v128 {
  return f64x2.mul(f64x2.sub(f64x2.mul(u, splatF64(TABLE, S_FOUR)), q), splatF64(TABLE, S_PIO2));
}

/** Quadrant n = q mod 4 of a float integer q, as i64 lanes (exact for every finite q). */
// @ts-ignore: decorator
@inline export function quadrantF64x2(q: v128): v128 {
  const n = f64x2.sub(q, f64x2.mul(splatF64(TABLE, S_FOUR), f64x2.floor(f64x2.mul(q, splatF64(TABLE, S_QUARTER)))));
  return i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(n));
}

/** fdlibm __sin(y, 0, 0), z = y * y. */
// @ts-ignore: decorator
@inline export function sinKernelF64x2(y: v128, z: v128): v128 {
  const w = f64x2.mul(z, z);
  const r = f64x2.add(f64x2.add(splatF64(TABLE, S_S1 + 1), f64x2.mul(z, f64x2.add(splatF64(TABLE, S_S1 + 2), f64x2.mul(z, splatF64(TABLE, S_S1 + 3))))),
    f64x2.mul(f64x2.mul(z, w), f64x2.add(splatF64(TABLE, S_S1 + 4), f64x2.mul(z, splatF64(TABLE, S_S1 + 5)))));
  const v = f64x2.mul(z, y);
  return f64x2.add(y, f64x2.mul(v, f64x2.add(splatF64(TABLE, S_S1 + 0), f64x2.mul(z, r))));
}

/** fdlibm __cos(y, 0), z = y * y. */
// @ts-ignore: decorator
@inline export function cosKernelF64x2(z: v128): v128 {
  const w = f64x2.mul(z, z);
  const r = f64x2.add(f64x2.mul(z, f64x2.add(splatF64(TABLE, S_C1 + 0), f64x2.mul(z, f64x2.add(splatF64(TABLE, S_C1 + 1), f64x2.mul(z, splatF64(TABLE, S_C1 + 2)))))),
    f64x2.mul(f64x2.mul(w, w), f64x2.add(splatF64(TABLE, S_C1 + 3), f64x2.mul(z, f64x2.add(splatF64(TABLE, S_C1 + 4), f64x2.mul(z, splatF64(TABLE, S_C1 + 5)))))));
  const hz = f64x2.mul(splatF64(TABLE, S_HALF), z);
  const one = splatF64(TABLE, S_ONE);
  const ww = f64x2.sub(one, hz);
  return f64x2.add(ww, f64x2.add(f64x2.sub(f64x2.sub(one, ww), hz), f64x2.mul(z, r)));
}

/** sin(2 pi u) from the kernels and the quadrant: sk, ck, -sk, -ck for n = 0, 1, 2, 3. */
// @ts-ignore: decorator
@inline export function pickSinF64x2(sk: v128, ck: v128, n: v128): v128 {
  const swap = i64x2.ne(v128.and(n, splatI64(INTS, 1)), splatI64(INTS, 0));
  return v128.xor(v128.bitselect(ck, sk, swap), i64x2.shl(v128.and(n, splatI64(INTS, 2)), SIGN_BIT_SHIFT));
}

/** cos(2 pi u) from the kernels and the quadrant: ck, -sk, -ck, sk for n = 0, 1, 2, 3. */
// @ts-ignore: decorator
@inline export function pickCosF64x2(sk: v128, ck: v128, n: v128): v128 {
  const swap = i64x2.ne(v128.and(n, splatI64(INTS, 1)), splatI64(INTS, 0));
  return v128.xor(v128.bitselect(sk, ck, swap),
    i64x2.shl(v128.and(i64x2.add(n, splatI64(INTS, 1)), splatI64(INTS, 2)), SIGN_BIT_SHIFT));
}

/** u minus its integer part: exact, changes neither result, and keeps 4u finite for |u| >= 2^1022 (+-inf: NaN). */
// @ts-ignore: decorator
@inline function fractionF64x2(u: v128): v128 {
  return f64x2.sub(u, f64x2.trunc(u));
}

/** sin(2 pi u) on two lanes. */
// @ts-ignore: decorator
@inline export function sin2piF64x2(u: v128): v128 {
  u = fractionF64x2(u);
  const q = quarterTurnsF64x2(u);
  const y = reducedAngleF64x2(u, q);
  const z = f64x2.mul(y, y);
  return pickSinF64x2(sinKernelF64x2(y, z), cosKernelF64x2(z), quadrantF64x2(q));
}

/** cos(2 pi u) on two lanes. */
// @ts-ignore: decorator
@inline export function cos2piF64x2(u: v128): v128 {
  u = fractionF64x2(u);
  const q = quarterTurnsF64x2(u);
  const y = reducedAngleF64x2(u, q);
  const z = f64x2.mul(y, y);
  return pickCosF64x2(sinKernelF64x2(y, z), cosKernelF64x2(z), quadrantF64x2(q));
}

/** fdlibm __sin(y, 0, 0), z = y * y, scalar. */
// @ts-ignore: decorator
@inline export function sinKernelF64(y: f64, z: f64): f64 {
  const w = z * z;
  const r = (S2 + z * (S3 + z * S4)) + (z * w) * (S5 + z * S6);
  const v = z * y;
  return y + v * (S1 + z * r);
}

/** fdlibm __cos(y, 0), z = y * y, scalar. */
// @ts-ignore: decorator
@inline export function cosKernelF64(z: f64): f64 {
  const w = z * z;
  const r = z * (CC1 + z * (CC2 + z * CC3)) + (w * w) * (CC4 + z * (CC5 + z * CC6));
  const hz = 0.5 * z;
  const ww = 1.0 - hz;
  return ww + (((1.0 - ww) - hz) + z * r);
}

/** sin(2 pi u) and cos(2 pi u), scalar, into sin2piResult / cos2piResult; bit-identical to the lanes above. */
// @ts-ignore: decorator
@inline export function sincos2piF64(u: f64): void {
  u -= trunc(u); // as fractionF64x2
  const t = u * 4.0;
  const q = nearest(t);
  const y = (t - q) * PIO2;
  const z = y * y;
  const nf = q - 4.0 * floor(q * 0.25);
  const n = <i64>(<i32>nf); // nf is 0, 1, 2 or 3 (NaN only when u is not finite)
  const sk = sinKernelF64(y, z);
  const ck = cosKernelF64(z);
  const swap = (n & 1) != 0;
  const s = swap ? ck : sk;
  const c = swap ? sk : ck;
  sin2piResult = reinterpret<f64>(reinterpret<i64>(s) ^ ((n & 2) << <i64>SIGN_BIT_SHIFT));
  cos2piResult = reinterpret<f64>(reinterpret<i64>(c) ^ (((n + 1) & 2) << <i64>SIGN_BIT_SHIFT));
}
