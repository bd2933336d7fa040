// The participation cap every strategy respects: at most cap x step volume per step; what a capped step could not
// trade is carried to the next steps, and what is left at the horizon is reported as unfilled, never dropped.

export interface CappedSchedule {
  qty: Float64Array;
  unfilledShares: number;
}

export function applyParticipationCap(target: Float64Array, stepVolume: Float64Array, cap: number): CappedSchedule {
  const qty = new Float64Array(target.length);
  let carry = 0;
  for (let k = 0; k < target.length; k++) {
    const want = target[k]! + carry;
    const limit = cap * stepVolume[k]!;
    qty[k] = Math.min(want, limit);
    carry = want - qty[k]!;
  }
  // tiny carries are rounding, not unfilled shares
  return {
    qty,
    unfilledShares:
      carry >
      1e-9 *
        Math.max(
          1,
          target.reduce((a, b) => a + b, 0),
        )
        ? carry
        : 0,
  };
}
