// The logistic function on four f32 lanes, for a policy's action: 1 / (1 + exp(-t)) with a Cephes-style expf.
//
// exp: Cephes expf (S. L. Moshier, Cephes Math Library, expf.c): z = floor(t log2e + 1/2), r = t - z C1 - z C2
// with C1 = 0.693359375 (9 bits, so z C1 is exact) and C2 = -2.12194440e-4, exp(r) = 1 + r + r^2 P(r) with P of
// degree 5, then the exponent field gets z. t is clamped to [-87, 88] first, so 2^z never leaves the normal range
// (the logistic saturates there anyway: 1 / (1 + e^87) = 1.6e-38). Every step is one f32 operation, no FMA, so the
// TS twin (src/reference/math/sigmoid-f32.ts) reproduces the bits with Math.fround.
// Accuracy: max 0.946 ulp (exp) and 2.30 ulp (logistic, whose tail inherits exp's error) of the exact value,
// measured over 2^20 points of [-90, 90] (test/math/sigmoid-f32.test.ts).

const TABLE = memory.data<f32>([
  1.44269504088896341, 0.5, 0.693359375, -2.12194440e-4,
  1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1,
  1.0, -87.0, 88.0,
]);

// @ts-ignore: decorator
@inline function c(slot: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>slot << 2));
}

/** exp of four f32 lanes, t clamped to [-87, 88]. */
// @ts-ignore: decorator
@inline export function expF32x4(t: v128): v128 {
  const x = f32x4.pmin(f32x4.pmax(t, c(11)), c(12));
  const z = f32x4.floor(f32x4.add(f32x4.mul(x, c(0)), c(1)));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(z, c(2))), f32x4.mul(z, c(3)));
  let p = f32x4.add(f32x4.mul(c(4), r), c(5));
  p = f32x4.add(f32x4.mul(p, r), c(6));
  p = f32x4.add(f32x4.mul(p, r), c(7));
  p = f32x4.add(f32x4.mul(p, r), c(8));
  p = f32x4.add(f32x4.mul(p, r), c(9));
  const e = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), c(10));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(z), i32x4.splat(127)), 23);
  return f32x4.mul(e, scale);
}

/** 1 / (1 + exp(-t)) on four f32 lanes. */
// @ts-ignore: decorator
@inline export function sigmoidF32x4(t: v128): v128 {
  const one = c(10);
  return f32x4.div(one, f32x4.add(one, expF32x4(f32x4.neg(t))));
}
