// sin and cos of four f32 lanes on [-pi/4, pi/4], the kernels of single-precision Box-Muller angles.
//
// Source: the minimax polynomials of Cephes sinf.c and cosf.c (S. L. Moshier, Cephes Math Library 2.2):
// sin y = y + y z (S1 + z (S2 + z S3)), cos y = 1 - z/2 + z^2 (C1 + z (C2 + z C3)), z = y^2, for |y| <= pi/4.
// Every step is one f32 operation (no FMA), so the TS twin (src/math/sincos-f32.ts) gives the same bits.
// Accuracy: max 0.76 ulp (sin) and 1.24 ulp (cos) of the exact value over 2^20 points of [-pi/4, pi/4]
// (test/math/sincos-f32.test.ts, against Math.sin and Math.cos in f64).

const TABLE = memory.data<f32>([
  -1.6666654611e-1, 8.3321608736e-3, -1.9515295891e-4,
  4.166664568298827e-2, -1.388731625493765e-3, 2.443315711809948e-5,
  0.5, 1.0,
]);

// @ts-ignore: decorator
@inline function c(slot: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>slot << 2));
}

/** sin y for |y| <= pi/4, z = y^2. */
// @ts-ignore: decorator
@inline export function sinKernelF32x4(y: v128, z: v128): v128 {
  const p = f32x4.add(c(0), f32x4.mul(z, f32x4.add(c(1), f32x4.mul(z, c(2)))));
  return f32x4.add(y, f32x4.mul(f32x4.mul(y, z), p));
}

/** cos y for |y| <= pi/4, z = y^2. */
// @ts-ignore: decorator
@inline export function cosKernelF32x4(z: v128): v128 {
  const p = f32x4.add(c(3), f32x4.mul(z, f32x4.add(c(4), f32x4.mul(z, c(5)))));
  return f32x4.add(f32x4.sub(c(7), f32x4.mul(c(6), z)), f32x4.mul(f32x4.mul(z, z), p));
}
