// Plain-TS twin of assembly/rng/philox.ts: Philox4x32-10 (Salmon et al. 2011), same counter layout.
const M0 = 0xd2511f53,
  M1 = 0xcd9e8d57,
  W0 = 0x9e3779b9,
  W1 = 0xbb67ae85;
export const PHILOX_ROUNDS = 10;

/** High 32 bits of the 64-bit product of two uint32 (exact: each partial product is < 2^48). */
export function mulHi32(a: number, b: number): number {
  const low = a * (b & 0xffff);
  const high = a * (b >>> 16);
  return Math.floor((high + Math.floor(low / 65536)) / 65536) >>> 0;
}

/** Philox4x32-10 of counter (c0..c3) under key (k0, k1), into out[0..3] as uint32. */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  for (let round = 0; round < PHILOX_ROUNDS; round++) {
    const hi0 = mulHi32(M0, c0),
      lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulHi32(M1, c2),
      lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}
