// Plain-TS twin of assembly/math/log-f32.ts: musl's logf for positive normal f32, each operation by Math.fround.
const f = Math.fround;
const bits = new Int32Array(1),
  float = new Float32Array(bits.buffer);
const fromBits = (b: number) => {
  bits[0] = b;
  return float[0]!;
};
const LG1 = fromBits(0x3f2aaaaa),
  LG2 = fromBits(0x3ecccce1),
  LG3 = fromBits(0x3e91e9ee),
  LG4 = fromBits(0x3e789e26);
const LN2_HI = fromBits(0x3f317180),
  LN2_LO = fromBits(0x3717f7d1);

/** log(x) for a positive normal f32 x, the bits of logPositiveNormalF32x4. */
export function logPositiveNormalF32(x: number): number {
  float[0] = x;
  const ix = (bits[0]! + (0x3f800000 - 0x3f3504f3)) | 0;
  const dk = (ix >> 23) - 0x7f;
  const fx = f(fromBits((ix & 0x007fffff) + 0x3f3504f3) - 1);
  const s = f(fx / f(2 + fx));
  const z = f(s * s);
  const w = f(z * z);
  const t1 = f(w * f(LG2 + f(w * LG4)));
  const t2 = f(z * f(LG1 + f(w * LG3)));
  const R = f(t2 + t1);
  const hfsq = f(f(0.5 * fx) * fx);
  let y = f(f(s * f(hfsq + R)) + f(dk * LN2_LO));
  y = f(f(y - hfsq) + fx);
  return f(y + f(dk * LN2_HI));
}
