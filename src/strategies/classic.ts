// TWAP, VWAP and POV target schedules (shares per step) before the participation cap.

/** Equal shares in every step. */
export function twapSchedule(shares: number, steps: number): Float64Array {
  return new Float64Array(steps).fill(shares / steps);
}

/** Shares in proportion to the expected step volume (the volume curve). */
export function vwapSchedule(shares: number, stepVolume: Float64Array): Float64Array {
  const total = stepVolume.reduce((a, b) => a + b, 0);
  return stepVolume.map((v) => (shares * v) / total);
}

/**
 * Percentage of volume: rate x step volume each step; in the last catchUpSteps steps the remainder is spread
 * evenly (never below the rate) so the order completes when volume allows.
 */
export function povSchedule(
  shares: number,
  stepVolume: Float64Array,
  rate: number,
  catchUpSteps: number,
): Float64Array {
  const steps = stepVolume.length;
  const qty = new Float64Array(steps);
  let remaining = shares;
  for (let k = 0; k < steps && remaining > 0; k++) {
    const stepsLeft = steps - k;
    const base = rate * stepVolume[k]!;
    const n = stepsLeft <= catchUpSteps ? Math.max(base, remaining / stepsLeft) : base;
    qty[k] = Math.min(n, remaining);
    remaining -= qty[k]!;
  }
  return qty;
}
