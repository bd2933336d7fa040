// Plain-TS twin of assembly/math/sincos-f32.ts: Cephes' sinf and cosf kernels on [-pi/4, pi/4], each operation by Math.fround.
const f = Math.fround;
const S1 = f(-1.6666654611e-1),
  S2 = f(8.3321608736e-3),
  S3 = f(-1.9515295891e-4);
const C1 = f(4.166664568298827e-2),
  C2 = f(-1.388731625493765e-3),
  C3 = f(2.443315711809948e-5);

/** sin y for an f32 |y| <= pi/4 with z = y^2 (f32), the bits of sinKernelF32x4. */
export function sinKernelF32(y: number, z: number): number {
  const p = f(S1 + f(z * f(S2 + f(z * S3))));
  return f(y + f(f(y * z) * p));
}

/** cos y for an f32 |y| <= pi/4 with z = y^2 (f32), the bits of cosKernelF32x4. */
export function cosKernelF32(z: number): number {
  const p = f(C1 + f(z * f(C2 + f(z * C3))));
  return f(f(1 - f(0.5 * z)) + f(f(z * z) * p));
}
