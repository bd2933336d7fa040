// Plain-TS twin of assembly/rng/normal.ts: 52-bit uniforms from Philox words and Box-Muller, same bits.
import { logPositiveNormal } from '../math/log.js';
import { sincos2pi } from '../math/sincos2pi.js';
import { philox4x32 } from './philox.js';

const TWO_P20 = 1048576;
const TWO_M52 = 2.220446049250313e-16;
const words = new Uint32Array(4);
const sc = new Float64Array(2);

/** (z1, z2) of Philox(k0, k1; path, step, stream, 0) into out[0], out[1]. */
export function normalPair(path: number, step: number, stream: number, k0: number, k1: number,
  out: Float64Array): void {
  philox4x32(path, step, stream, 0, k0, k1, words);
  const u1 = 2.0 - (1.0 + (words[0]! * TWO_P20 + (words[1]! >>> 12)) * TWO_M52);
  const u2 = (1.0 + (words[2]! * TWO_P20 + (words[3]! >>> 12)) * TWO_M52) - 1.0;
  const radius = Math.sqrt(-2.0 * logPositiveNormal(u1));
  sincos2pi(u2, sc);
  out[0] = radius * sc[1]!;
  out[1] = radius * sc[0]!;
}
