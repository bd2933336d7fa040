// A run's seed as the two 32-bit key words of Philox4x32-10 (every draw is a function of seed, path, step, lane).
export interface Seed {
  lo: number;
  hi: number;
}

/** The two key words of a seed, a non-negative integer below 2^53. */
export function seedWords(seed: number): Seed {
  return { lo: seed >>> 0, hi: Math.floor(seed / 4294967296) >>> 0 };
}
