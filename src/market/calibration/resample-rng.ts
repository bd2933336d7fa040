// A small seeded generator for bootstrap resampling only (never for simulation: the engine's Philox owns those draws).

/** mulberry32 (Tommy Ettinger, public domain): uniform in [0, 1) from a 32-bit state; plenty for picking blocks. */
export function resampleRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0..1) of finite values by linear interpolation between order statistics; NaN if none. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const v = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const at = q * (v.length - 1);
  const lo = Math.floor(at),
    hi = Math.ceil(at);
  return v[lo]! + (v[hi]! - v[lo]!) * (at - lo);
}
