// Intraday volume curves: flat, a parametric U shape, or an arbitrary per-step array; step volumes in shares.
import { z } from 'zod';
import { exp } from '../math/exp.js';
import { MINUTES_PER_DAY } from './time.js';

/**
 * U shape: volume density over the trading day t in [0, 1],
 *   v(t) = 1 + open exp(-t / decay) + close exp(-(1 - t) / decay),  normalised to integrate to 1,
 * defaults fitted to SPY minute bars of October 2013 (../shared/data/lean-2013-10: about 12.7% of the day's volume in the
 * first 30 minutes, 4.1% at the midday low per 30 minutes, 17% in the last 30).
 */
export const volumeCurveSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flat') }),
  z.strictObject({
    type: z.literal('u-shape'),
    open: z.number().min(0, 'must be >= 0').max(100).default(2.6),
    close: z.number().min(0, 'must be >= 0').max(100).default(4.3),
    decay: z.number().gt(0, 'must be > 0').max(1, 'must be <= 1 (a fraction of the day)').default(0.06),
  }),
  z.strictObject({
    type: z.literal('array'),
    /** Fraction of the day's volume traded in each step of the order (one value per step, each > 0). */
    fractions: z.array(z.number().gt(0, 'must be > 0')).min(1),
  }),
], { error: 'volumeCurve.type must be "flat", "u-shape" or "array"' });

export type VolumeCurve = z.infer<typeof volumeCurveSchema>;

/** Integral of the unnormalised U density over [a, b] (day fractions). */
function uIntegral(c: { open: number; close: number; decay: number }, a: number, b: number): number {
  const d = c.decay;
  return (b - a) + c.open * d * (exp(-a / d) - exp(-b / d)) + c.close * d * (exp(-(1 - b) / d) - exp(-(1 - a) / d));
}

/**
 * Shares traded by the market in each step of an order starting at startMinute (minutes after the open)
 * and lasting steps x stepMinutes; multi-day horizons wrap onto the next day's curve.
 */
export function stepVolumes(curve: VolumeCurve, dailyVolume: number, steps: number, stepMinutes: number,
  startMinute = 0): Float64Array {
  const out = new Float64Array(steps);
  if (curve.type === 'array') {
    for (let k = 0; k < steps; k++) out[k] = dailyVolume * curve.fractions[k]!;
    return out;
  }
  const total = curve.type === 'u-shape' ? uIntegral(curve, 0, 1) : 1;
  for (let k = 0; k < steps; k++) {
    if (curve.type === 'flat') { out[k] = dailyVolume * stepMinutes / MINUTES_PER_DAY; continue; }
    // split a step that crosses the close into its parts on each day
    let from = startMinute + k * stepMinutes;
    const to = from + stepMinutes;
    let share = 0;
    while (from < to - 1e-12) {
      const dayStart = Math.floor(from / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      const end = Math.min(to, dayStart + MINUTES_PER_DAY);
      share += uIntegral(curve, (from - dayStart) / MINUTES_PER_DAY, (end - dayStart) / MINUTES_PER_DAY) / total;
      from = end;
    }
    out[k] = dailyVolume * share;
  }
  return out;
}
