// Standard normals from Philox words: 32-bit uniforms and the Box-Muller transform (Box and Muller 1958).
//
// The normal stream of a path: normal m (m = 0, 1, 2, ...) of (seed, path, stream) comes from the Philox
// call with counter (path, floor(m / 4), stream, 0); words (w0, w1) give normals 4c and 4c + 1, words
// (w2, w3) give 4c + 2 and 4c + 3. From a word pair (a, b):
//   u1 = 1 - a 2^-32 in [2^-32, 1]       (radius; built exactly by putting a under the exponent of 1.0)
//   angle = (pi/2)(n + r), n = b >>> 30, r = (b << 2 as int32) 2^-32 in [-1/2, 1/2)   (see angleStoreF64x2)
//   z = sqrt(-2 log u1) cos(angle),  z' = sqrt(-2 log u1) sin(angle)
// 32-bit uniforms halve the generator's cost per normal; the price is that |z| <= sqrt(64 ln 2) = 6.66
// (P(|Z| > 6.66) = 2.7e-11 is the tail mass that is never drawn), as with cuRAND's normals.
// Accuracy of each normal: that of log (< 1 ulp) and the sin/cos kernels (max 1.83 ulp measured, see math/sincos2pi.ts) plus two roundings.
import { logPositiveNormalF64x2, logPositiveNormalF64 } from '../math/log';
import { sinKernelF64x2, cosKernelF64x2, sinKernelF64, cosKernelF64 } from '../math/sincos2pi';
import { splatF64, splatI64 } from '../math/splat';
import { fillWordsX4 } from './philox';
import { transformPairsF32 } from './normal-f32';

// @ts-ignore: decorator
@inline const ONE_BITS: i64 = 0x3ff0000000000000;
// @ts-ignore: decorator
@inline const ANGLE_UNIT: f64 = 3.657295198167899e-10; // (pi/2) 2^-32 = 0x3df921fb54442d18, exact scaling of PIO2
const TABLE = memory.data<f64>([1.0, 2.0, -2.0, ANGLE_UNIT]);
const BITS = memory.data<u64>([ONE_BITS, 0x8000000000000000]);
/** Bytes per Philox call in a normals block: 4 normals x 4 paths (see fillNormalsX4). */
// @ts-ignore: decorator
@inline export const NORMALS_X4_CALL_BYTES: usize = 128;

/** 1 + a 2^-32 in [1, 2) for the i64 lanes a (each < 2^32). */
// @ts-ignore: decorator
@inline function oneToTwo(a: v128): v128 {
  return v128.or(i64x2.shl(a, 20), splatI64(BITS, 0));
}

/** Box-Muller radius sqrt(-2 log u1), u1 = 1 - a 2^-32, for the two words a in i64 lanes. */
// @ts-ignore: decorator
@inline export function radiusF64x2(a: v128): v128 {
  const u1 = f64x2.sub(splatF64(TABLE, 1), oneToTwo(a));
  return f64x2.sqrt(f64x2.mul(splatF64(TABLE, 2), logPositiveNormalF64x2(u1)));
}

/**
 * The Box-Muller angle of a 32-bit word b, reduced from its bits with no rounding: quadrant n = b >>> 30,
 * r = (b << 2) as a signed int times 2^-32 in [-1/2, 1/2), angle = (pi/2)(n + r). The map from the 2^32
 * words to these angles is a bijection onto 2^32 equally spaced points of the circle, so the angle is
 * uniform; sin and cos come from fdlibm's kernels at y = (pi/2) r (sincos2pi.ts), max 1.83 ulp measured.
 * For the i32x4 word vector w, lanes (0, 1) when high is false, (2, 3) when true; stores radius cos at out
 * and radius sin at out + 32.
 */
// @ts-ignore: decorator
@inline export function angleStoreF64x2(w: v128, high: bool, radius: v128, out: usize): void {
  const lanes = high ? i32x4.shuffle(w, w, 2, 3, 2, 3) : w;
  const y = f64x2.mul(f64x2.convert_low_i32x4_s(i32x4.shl(lanes, 2)), splatF64(TABLE, 3));
  const z = f64x2.mul(y, y);
  const sk = sinKernelF64x2(y, z);
  const ck = cosKernelF64x2(z);
  // quadrant masks from bits 30 (odd quadrant: swap sin and cos) and 31 (n >= 2: negate sin) of b;
  // cos is negated for n = 1, 2, i.e. when bit 31 xor bit 30. i32 lanes sign-extend to i64 masks.
  const swap = i64x2.extend_low_i32x4_s(i32x4.shr_s(i32x4.shl(lanes, 1), 31));
  const sinSign = v128.and(i64x2.extend_low_i32x4_s(lanes), splatI64(BITS, 1));
  const cosSign = v128.and(i64x2.extend_low_i32x4_s(v128.xor(lanes, i32x4.shl(lanes, 1))), splatI64(BITS, 1));
  v128.store(out, f64x2.mul(radius, v128.xor(v128.bitselect(sk, ck, swap), cosSign)));
  v128.store(out, f64x2.mul(radius, v128.xor(v128.bitselect(ck, sk, swap), sinSign)), 32);
}

/** Bytes of Philox words per call that fillNormalsX4 keeps in its words scratch. */
// @ts-ignore: decorator
@inline export const WORDS_X4_CALL_BYTES: usize = 64;

/**
 * Normals 4 firstCall .. 4 firstCall + 2 nPairs - 1 of four consecutive paths (c0v = path indices), one stream:
 * nPairs word pairs, two per Philox call (an odd nPairs leaves the last call's second pair untransformed, so a
 * block that ends mid-call pays for no normal it never reads). Layout per call (NORMALS_X4_CALL_BYTES): for normals (4c, 4c+1) then (4c+2, 4c+3), 64 bytes each:
 * [first of paths 0,1][first of paths 2,3][second of paths 0,1][second of paths 2,3]. So a scheme that
 * takes two normals per step finds step k's pair at 64 k from the block start.
 * Three passes: Philox words to wordsPtr; radii; angles and products. V8 schedules every wasm load at the
 * top of its loop body, so a body holding log and sin/cos at once keeps ~30 constants live in 16 xmm
 * registers and spills; one short chain per body does not.
 */
export function fillNormalsX4(c0v: v128, firstCall: i32, nPairs: i32, stream: u32, k0: u32, k1: u32,
  keyTablePtr: usize, wordsPtr: usize, outPtr: usize, f32: bool): void {
  fillWordsX4(c0v, firstCall, (nPairs + 1) >> 1, stream, k0, k1, keyTablePtr, wordsPtr);
  // word pairs (w0, w1) then (w2, w3) of each call: 32 bytes of words and 64 of normals apart
  if (f32) transformPairsF32(wordsPtr, outPtr, nPairs, 32, 64);
  else transformPairs(wordsPtr, outPtr, nPairs, 32, 64);
}

/**
 * The Box-Muller passes over `count` word pairs, pair i at words + i wordStride (radius words, then angle words
 * 16 bytes on) and its four normals at out + i outStride: radii first, then angles and products.
 */
function transformPairs(wordsPtr: usize, outPtr: usize, count: i32, wordStride: usize, outStride: usize): void {
  for (let i = 0; i < count; i++) {
    const a = v128.load(wordsPtr + <usize>i * wordStride);
    const out = outPtr + <usize>i * outStride;
    v128.store(out, radiusF64x2(i64x2.extend_low_i32x4_u(a)));
    v128.store(out, radiusF64x2(i64x2.extend_high_i32x4_u(a)), 16);
  }
  for (let i = 0; i < count; i++) {
    const b = v128.load(wordsPtr + <usize>i * wordStride, 16);
    const out = outPtr + <usize>i * outStride;
    angleStoreF64x2(b, false, v128.load(out), out);
    angleStoreF64x2(b, true, v128.load(out, 16), out + 16);
  }
}

/** The scalar pair of the last boxMullerF64 call. */
export let normalCos: f64 = 0.0;
export let normalSin: f64 = 0.0;

/** Scalar Box-Muller of one word pair (a radius, b angle), bit-identical to the lanes above. */
export function boxMullerF64(a: u32, b: u32): void {
  const u1 = 2.0 - reinterpret<f64>((<i64>a << 20) | ONE_BITS);
  const radius = sqrt(-2.0 * logPositiveNormalF64(u1));
  const y = <f64>(<i32>(b << 2)) * ANGLE_UNIT;
  const z = y * y;
  const sk = sinKernelF64(y, z);
  const ck = cosKernelF64(z);
  const swap = (b & 0x40000000) != 0;
  const s = swap ? ck : sk;
  const c = swap ? sk : ck;
  normalSin = radius * ((b & 0x80000000) != 0 ? -s : s);
  normalCos = radius * (((b ^ (b << 1)) & 0x80000000) != 0 ? -c : c);
}

/**
 * Normals 4 call .. 4 call + 2 nPairs - 1 (nPairs 1 or 2) of paths firstPath .. firstPath + 4 groups - 1, one
 * stream, laid out as fillNormalsX4 lays out one call, group g at outPtr + NORMALS_X4_CALL_BYTES g; Philox words
 * go to wordsPtr (WORDS_X4_CALL_BYTES per group). The same bits as fillNormalsX4 group by group, with each pass
 * run over all groups, so the log and sin/cos constants are loaded once per pass rather than once per group.
 */
export function fillNormalsGroupsX4(firstPath: u32, groups: i32, call: i32, nPairs: i32, stream: u32, k0: u32, k1: u32,
  keyTablePtr: usize, wordsPtr: usize, outPtr: usize, f32: bool): void {
  for (let g = 0; g < groups; g++) {
    const c0v = i32x4.add(i32x4.splat(firstPath + <u32>(4 * g)), i32x4(0, 1, 2, 3));
    fillWordsX4(c0v, call, 1, stream, k0, k1, keyTablePtr, wordsPtr + (<usize>g << 6));
  }
  // both pairs of every group are contiguous (32 and 64 bytes apart); one pair a group is a group apart
  const wordStride = WORDS_X4_CALL_BYTES / <usize>nPairs, outStride = NORMALS_X4_CALL_BYTES / <usize>nPairs;
  if (f32) transformPairsF32(wordsPtr, outPtr, groups * nPairs, wordStride, outStride);
  else transformPairs(wordsPtr, outPtr, groups * nPairs, wordStride, outStride);
}
