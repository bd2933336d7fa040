// Market features that make a static schedule's cost path-dependent: intraday volatility seasonality and stochastic
// volume (config schemas and their per-step form). Impact at the path's volatility is impact.volatility (impact.ts).
import { z } from 'zod';
import { stepVolumes } from './volume-curve.js';
import { MINUTES_PER_DAY } from './time.js';

/**
 * The intraday profile of return variance, as the volume curve's shapes: "flat" (none), "u-shape" with density
 * 1 + open exp(-t / decay) + close exp(-(1 - t) / decay) over the day t in [0, 1], or "array" (each equal bucket's
 * share of the day's variance). Normalised so a whole day keeps the model's daily variance. The u-shape defaults are
 * a least-squares fit (in logs) to the variance of SPY's one-minute returns per half hour over the 7 sessions of
 * data/lean-2013-10 (2.28x the day's average in the first half hour, 0.72x at midday, 1.2x in the last).
 */
export const volatilityCurveSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('flat') }),
    z.strictObject({
      type: z.literal('u-shape'),
      open: z.number().min(0, 'must be >= 0').max(100).default(3.2),
      close: z.number().min(0, 'must be >= 0').max(100).default(1.0),
      decay: z.number().gt(0, 'must be > 0').max(1, 'must be <= 1 (a fraction of the day)').default(0.1),
    }),
    z.strictObject({
      type: z.literal('array'),
      fractions: z.array(z.number().gt(0, 'must be > 0')).min(1).max(100_000),
    }),
  ],
  { error: 'volatilityCurve.type must be "flat", "u-shape" or "array"' },
);
export type VolatilityCurve = z.infer<typeof volatilityCurveSchema>;

/**
 * The market's volume in step k is V_k u, u = exp(psi - noise^2 / 2) (v / theta)^(volatilityElasticity / 2): psi an
 * AR(1) with stationary standard deviation `noise` and lag-one autocorrelation `persistence` per step, so E[u] = 1
 * without the variance term; with it volume rises with the Heston variance (the mixture-of-distributions link of
 * Clark 1973 and Tauchen and Pitts 1983). POV then participates in the realised volume, VWAP tracks the market's
 * VWAP with an error, and the participation cap binds on quiet paths.
 */
export const stochasticVolumeSchema = z.strictObject({
  noise: z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(2, 'must be <= 2'),
  persistence: z.number().min(0, 'must be in [0, 1)').lt(1, 'must be in [0, 1)').default(0),
  volatilityElasticity: z.number().min(-4, 'must be in [-4, 4]').max(4, 'must be in [-4, 4]').default(0),
});
export type StochasticVolume = z.infer<typeof stochasticVolumeSchema>;

/**
 * The volatility multiplier s_k of each step (s_k^2 the step's variance over the flat day's), or null for a flat
 * curve. Exact to the curve's integral (closed form for the u-shape, piecewise constant for an array).
 */
export function stepSeason(
  curve: VolatilityCurve,
  steps: number,
  stepMinutes: number,
  startMinute: number,
): Float64Array | null {
  if (curve.type === 'flat') return null;
  const shares = stepVolumes(curve, 1, steps, stepMinutes, startMinute);
  const perFlatStep = MINUTES_PER_DAY / stepMinutes;
  return shares.map((share) => Math.sqrt(share * perFlatStep));
}
