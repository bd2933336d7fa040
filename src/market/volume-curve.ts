// Intraday volume curves: flat, a parametric U shape, or a day profile in equal buckets; step volumes in shares.
import { z } from 'zod';
import { exp } from '../math/exp.js';
import { MINUTES_PER_DAY } from './time.js';

/**
 * U shape: volume density over the trading day t in [0, 1],
 *   v(t) = 1 + open exp(-t / decay) + close exp(-(1 - t) / decay),  normalised to integrate to 1,
 * defaults fitted to SPY minute bars of October 2013 (../shared/data/lean-2013-10: about 12.7% of the day's volume in the
 * first 30 minutes, 4.1% at the midday low per 30 minutes, 17% in the last 30).
 */
export const volumeCurveSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('flat') }),
    z.strictObject({
      type: z.literal('u-shape'),
      open: z.number().min(0, 'must be >= 0').max(100).default(2.6),
      close: z.number().min(0, 'must be >= 0').max(100).default(4.3),
      decay: z.number().gt(0, 'must be > 0').max(1, 'must be <= 1 (a fraction of the day)').default(0.06),
    }),
    z.strictObject({
      type: z.literal('array'),
      /**
       * The day's volume profile: the share of the day's volume in each of fractions.length equal buckets from the
       * open to the close (each > 0; normalised to sum to 1), e.g. 13 half-hour or 390 one-minute buckets. It is
       * read from the order's startMinute, like the other curves; a step spanning buckets gets each one's part.
       */
      fractions: z.array(z.number().gt(0, 'must be > 0')).min(1).max(100_000),
    }),
  ],
  { error: 'volumeCurve.type must be "flat", "u-shape" or "array"' },
);

export type VolumeCurve = z.infer<typeof volumeCurveSchema>;

type UShape = { open: number; close: number; decay: number };

/** Integral over [a, b] (day fractions) of the piecewise-constant density of equal buckets, normalised to 1 a day. */
function arrayIntegral(fractions: number[]): (a: number, b: number) => number {
  const m = fractions.length;
  const sum = fractions.reduce((x, y) => x + y, 0);
  const cumulative = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) cumulative[i + 1] = cumulative[i]! + fractions[i]! / sum;
  const at = (t: number) => {
    const x = Math.min(Math.max(t, 0), 1) * m;
    const i = Math.min(Math.floor(x), m - 1);
    return cumulative[i]! + (x - i) * (fractions[i]! / sum);
  };
  return (a, b) => at(b) - at(a);
}

/** Integral of the unnormalised U density over [a, b] (day fractions). */
function uIntegral(c: { open: number; close: number; decay: number }, a: number, b: number): number {
  const d = c.decay;
  return b - a + c.open * d * (exp(-a / d) - exp(-b / d)) + c.close * d * (exp(-(1 - b) / d) - exp(-(1 - a) / d));
}

/**
 * Shares traded by the market in each step of an order starting at startMinute (minutes after the open)
 * and lasting steps x stepMinutes; multi-day horizons wrap onto the next day's curve.
 */
export function stepVolumes(
  curve: VolumeCurve,
  dailyVolume: number,
  steps: number,
  stepMinutes: number,
  startMinute = 0,
): Float64Array {
  const out = new Float64Array(steps);
  const integral =
    curve.type === 'array'
      ? arrayIntegral(curve.fractions)
      : (a: number, b: number) => uIntegral(curve as UShape, a, b);
  const total = curve.type === 'u-shape' ? uIntegral(curve, 0, 1) : 1;
  for (let k = 0; k < steps; k++) {
    if (curve.type === 'flat') {
      out[k] = (dailyVolume * stepMinutes) / MINUTES_PER_DAY;
      continue;
    }
    // split a step that crosses the close into its parts on each day
    let from = startMinute + k * stepMinutes;
    const to = from + stepMinutes;
    let share = 0;
    while (from < to - 1e-12) {
      const dayStart = Math.floor(from / MINUTES_PER_DAY) * MINUTES_PER_DAY;
      const end = Math.min(to, dayStart + MINUTES_PER_DAY);
      share += integral((from - dayStart) / MINUTES_PER_DAY, (end - dayStart) / MINUTES_PER_DAY) / total;
      from = end;
    }
    out[k] = dailyVolume * share;
  }
  return out;
}
