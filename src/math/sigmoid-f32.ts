// Plain-TS twin of assembly/math/sigmoid-f32.ts: every f32 operation emulated by Math.fround (exact: a double
// holds the product of two f32 exactly, and rounding a double sum to f32 is innocuous, since 53 >= 2 x 24 + 2).
const f = Math.fround;
const LOG2E = f(1.44269504088896341),
  C1 = f(0.693359375),
  C2 = f(-2.1219444e-4);
const P0 = f(1.98756915e-4),
  P1 = f(1.3981999507e-3),
  P2 = f(8.3334519073e-3),
  P3 = f(4.1665795894e-2);
const P4 = f(1.6666665459e-1),
  P5 = f(5.0000001201e-1);
const pow2 = new Float32Array(1),
  pow2Bits = new Int32Array(pow2.buffer);

/** exp(t) for an f32 t (clamped to [-87, 88]), the bits of expF32x4. */
export function expF32(t: number): number {
  const x = Math.min(Math.max(f(t), -87), 88);
  const z = Math.floor(f(f(x * LOG2E) + 0.5));
  const r = f(f(x - f(z * C1)) - f(z * C2));
  let p = f(f(P0 * r) + P1);
  p = f(f(p * r) + P2);
  p = f(f(p * r) + P3);
  p = f(f(p * r) + P4);
  p = f(f(p * r) + P5);
  const e = f(f(f(p * f(r * r)) + r) + 1);
  pow2Bits[0] = (z + 127) << 23;
  return f(e * pow2[0]!);
}

/** 1 / (1 + exp(-t)) for an f32 t, the bits of sigmoidF32x4. */
export function sigmoidF32(t: number): number {
  return f(1 / f(1 + expF32(-f(t))));
}
