// Plain-TS twin of assembly/rng/normal-f32.ts: single-precision Box-Muller of Philox words, same bits (Math.fround).
import { logPositiveNormalF32 } from '../../math/log-f32.js';
import { sinKernelF32, cosKernelF32 } from '../../math/sincos-f32.js';

const f = Math.fround;
const TWO_M24 = 2 ** -24;
const ANGLE_UNIT_F32 = f((Math.PI / 2) * TWO_M24);

/** f32 Box-Muller of the word pair (a: radius, b: angle), widened, into out[at] (cos) and out[at + 1] (sin). */
export function boxMullerF32(a: number, b: number, out: Float64Array, at: number): void {
  const u1 = f(1 - f((a >>> 8) * TWO_M24));
  const radius = f(Math.sqrt(f(-2 * logPositiveNormalF32(u1))));
  const y = f(((b << 2) >> 8) * ANGLE_UNIT_F32);
  const z = f(y * y);
  const sk = sinKernelF32(y, z);
  const ck = cosKernelF32(z);
  const swap = (b & 0x40000000) !== 0;
  const s = swap ? ck : sk;
  const c = swap ? sk : ck;
  out[at] = f(radius * (((b ^ (b << 1)) & 0x80000000) !== 0 ? -c : c));
  out[at + 1] = f(radius * ((b & 0x80000000) !== 0 ? -s : s));
}
