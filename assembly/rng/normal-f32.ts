// Opt-in single-precision normals: Box-Muller in f32 on four lanes, from the same Philox words as the f64 normals.
//
// From a word pair (a, b) (the layout of normal.ts: words w0, w1 give normals 4c, 4c + 1 and w2, w3 give 4c + 2, 4c + 3):
//   u1 = 1 - (a >>> 8) 2^-24, exact in f32, in [2^-24, 1]
//   angle = (pi/2)(n + r), n = b >>> 30, r = ((b << 2) as i32 >> 8) 2^-24 in [-1/2, 1/2), exact in f32
//   z = sqrt(-2 log u1) cos(angle),  z' = sqrt(-2 log u1) sin(angle)
// in f32 (log: math/log-f32.ts, < 1 ulp; sin/cos: math/sincos-f32.ts, Cephes kernels at y = (pi/2) r, one rounding),
// then widened to f64, so every consumer reads the same f64 layout as with the f64 normals. The map from words to
// (u1, angle) is exact and uniform on 2^24 radii x 2^26 angles; the price is the tail: |z| <= sqrt(48 ln 2) = 5.768
// exactly (P(|Z| > 5.768) = 8.0e-9 is never drawn), against 6.66 for the f64 normals.
// The Heston recursion, impact and every sum stay in f64; only the normals' last bits change.
import { logPositiveNormalF32x4 } from '../math/log-f32';
import { sinKernelF32x4, cosKernelF32x4 } from '../math/sincos-f32';

const TABLE = memory.data<f32>([
  5.9604644775390625e-8, // 2^-24
  1.0,
  -2.0,
  9.362675967850009e-8, // (pi/2) 2^-24 rounded to f32: 0x33c90fdb
]);

// @ts-ignore: decorator
@inline function c(slot: i32): v128 {
  return v128.load32_splat(TABLE + (<usize>slot << 2));
}

/** Box-Muller radius sqrt(-2 log u1) of four words a, in f32. */
// @ts-ignore: decorator
@inline function radiusF32x4(a: v128): v128 {
  const u1 = f32x4.sub(c(1), f32x4.mul(f32x4.convert_i32x4_s(i32x4.shr_u(a, 8)), c(0)));
  return f32x4.sqrt(f32x4.mul(c(2), logPositiveNormalF32x4(u1)));
}

/**
 * The four normals of the word vectors a (radius) and b (angle), widened: radius cos for paths 0, 1 at out and 2, 3
 * at out + 16; radius sin for paths 0, 1 at out + 32 and 2, 3 at out + 48 (normal.ts's layout of one pair).
 */
// @ts-ignore: decorator
@inline function normalsStoreF32x4(a: v128, b: v128, out: usize): void {
  const radius = radiusF32x4(a);
  const y = f32x4.mul(f32x4.convert_i32x4_s(i32x4.shr_s(i32x4.shl(b, 2), 8)), c(3));
  const z = f32x4.mul(y, y);
  const sk = sinKernelF32x4(y, z);
  const ck = cosKernelF32x4(z);
  // bit 30 of b (odd quadrant) swaps sin and cos; bit 31 negates sin; bit 31 xor bit 30 negates cos
  const swap = i32x4.shr_s(i32x4.shl(b, 1), 31);
  const sign = i32x4.splat(0x80000000);
  const cosine = f32x4.mul(radius, v128.xor(v128.bitselect(sk, ck, swap), v128.and(v128.xor(b, i32x4.shl(b, 1)), sign)));
  const sine = f32x4.mul(radius, v128.xor(v128.bitselect(ck, sk, swap), v128.and(b, sign)));
  v128.store(out, f64x2.promote_low_f32x4(cosine));
  v128.store(out, f64x2.promote_low_f32x4(i32x4.shuffle(cosine, cosine, 2, 3, 2, 3)), 16);
  v128.store(out, f64x2.promote_low_f32x4(sine), 32);
  v128.store(out, f64x2.promote_low_f32x4(i32x4.shuffle(sine, sine, 2, 3, 2, 3)), 48);
}

/** normal.ts's transformPairs in f32: `count` word pairs, pair i at words + i wordStride, its normals at out + i outStride. */
export function transformPairsF32(wordsPtr: usize, outPtr: usize, count: i32, wordStride: usize, outStride: usize): void {
  for (let i = 0; i < count; i++) {
    const words = wordsPtr + <usize>i * wordStride;
    normalsStoreF32x4(v128.load(words), v128.load(words, 16), outPtr + <usize>i * outStride);
  }
}

/**
 * For tests: the f32 normals of word pairs (a[i], b[i]), i < n (n a multiple of 4), group g of four at out + 64 g in the
 * layout of normalsStoreF32x4.
 */
export function boxMullerArrayF32(aPtr: usize, bPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i + 4 <= n; i += 4) {
    normalsStoreF32x4(v128.load(aPtr + (<usize>i << 2)), v128.load(bPtr + (<usize>i << 2)), outPtr + (<usize>i << 4));
  }
}
