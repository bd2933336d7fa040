// Bit-level views of a double for the plain-TS twins (little-endian word order, as in wasm memory).
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** High 32 bits of x's IEEE 754 encoding. */
export function highWord(x: number): number {
  scratch[0] = x;
  return words[1]!;
}

/** Low 32 bits of x's IEEE 754 encoding. */
export function lowWord(x: number): number {
  scratch[0] = x;
  return words[0]!;
}

/** The double with the given high and low words. */
export function fromWords(hi: number, lo: number): number {
  words[1] = hi;
  words[0] = lo;
  return scratch[0]!;
}

/** Round half to even, as f64x2.nearest / f64.nearest (Math.round rounds halves up). */
export function nearest(t: number): number {
  const r = Math.round(t);
  return r - t === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
