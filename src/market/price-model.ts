// The price model of a market config: Heston, geometric or arithmetic Brownian motion, in the units users write.
import { z } from 'zod';
import type { PriceModel } from '../engine/model-params.js';
import { hestonSchema } from './heston.js';
import { DAYS_PER_YEAR } from './time.js';

const price = z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(1e9, 'must be <= 1e9');

export const priceModelSchema = z.discriminatedUnion(
  'type',
  [
    hestonSchema.extend({
      type: z.literal('heston'),
      scheme: z.enum(['euler', 'qe'], { error: 'must be "euler" or "qe"' }).default('euler'),
    }),
    z.strictObject({
      type: z.literal('gbm'),
      s0: price,
      /** Volatility of returns per sqrt(year). */
      sigma: z.number().min(0, 'must be >= 0').max(10, 'must be <= 10 (per sqrt(year))'),
      mu: z.number().min(-10).max(10).default(0),
    }),
    z.strictObject({
      type: z.literal('abm'),
      s0: price,
      /** Volatility of the price in currency per sqrt(trading day), as in Almgren and Chriss (2000). */
      sigmaPerSqrtDay: z.number().min(0, 'must be >= 0'),
      /** Drift in currency per trading day. */
      muPerDay: z.number().default(0),
    }),
  ],
  { error: 'model.type must be "heston", "gbm" or "abm"' },
);

export type PriceModelConfig = z.infer<typeof priceModelSchema>;

/** The engine's form (time in years). */
export function toPriceModel(c: PriceModelConfig): PriceModel {
  if (c.type === 'heston') {
    const { type: _t, ...heston } = c;
    return { kind: 'heston', ...heston, mu: heston.mu ?? 0 };
  }
  if (c.type === 'gbm') return { kind: 'gbm', s0: c.s0, sigma: c.sigma, mu: c.mu ?? 0 };
  return {
    kind: 'abm',
    s0: c.s0,
    sigma: c.sigmaPerSqrtDay * Math.sqrt(DAYS_PER_YEAR),
    mu: (c.muPerDay ?? 0) * DAYS_PER_YEAR,
  };
}
