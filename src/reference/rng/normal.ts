// Plain-TS twin of assembly/rng/normal.ts: 32-bit uniforms from Philox words and Box-Muller, same bits.
import { logPositiveNormal } from '../../math/log.js';
import { sinKernel, cosKernel } from '../../math/sincos2pi.js';
import { philox4x32 } from './philox.js';
import { boxMullerF32 } from './normal-f32.js';

const TWO_M32 = 2.3283064365386963e-10;
const ANGLE_UNIT = 3.657295198167899e-10; // (pi/2) 2^-32
const words = new Uint32Array(4);

/** Box-Muller of the word pair (a: radius, b: angle) into out[0] (cos) and out[1] (sin). */
export function boxMuller(a: number, b: number, out: Float64Array, at: number): void {
  const u1 = 2.0 - (1.0 + a * TWO_M32);
  const radius = Math.sqrt(-2.0 * logPositiveNormal(u1));
  const y = (b << 2) * ANGLE_UNIT;
  const z = y * y;
  const sk = sinKernel(y, z);
  const ck = cosKernel(z);
  const swap = (b & 0x40000000) !== 0;
  const s = swap ? ck : sk;
  const c = swap ? sk : ck;
  out[at] = radius * (((b ^ (b << 1)) & 0x80000000) !== 0 ? -c : c);
  out[at + 1] = radius * ((b & 0x80000000) !== 0 ? -s : s);
}

/** Normals 4c .. 4c + 3 of the stream (seed key k0, k1; path, stream) into out[0..3]; f32: the single-precision form. */
export function normalQuad(
  path: number,
  call: number,
  stream: number,
  k0: number,
  k1: number,
  out: Float64Array,
  f32 = false,
): void {
  philox4x32(path, call, stream, 0, k0, k1, words);
  const transform = f32 ? boxMullerF32 : boxMuller;
  transform(words[0]!, words[1]!, out, 0);
  transform(words[2]!, words[3]!, out, 2);
}
