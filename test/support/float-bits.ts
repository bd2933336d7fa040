// Float helpers the math tests share: stepping to the neighbouring double, comparing bit patterns.

/** The next double after x in direction dir (by its bit pattern; x positive or the sign kept). */
export function nextAfter(x: number, dir: 1 | -1): number {
  const b = new Float64Array([x]);
  const w = new BigUint64Array(b.buffer);
  w[0] = w[0]! + BigInt(dir);
  return b[0]!;
}

/** Same bits, with any NaN equal to any NaN. */
export function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}
