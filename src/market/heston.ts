// Heston model parameters: the schema every config shares, with the model's domain as the limits.
import { z } from 'zod';

const finite = (what: string) => z.number({ error: `must be a finite number (${what})` }).finite();

/** Heston (1993) with xi the volatility of variance; mu the drift of the price (per year). */
export const hestonSchema = z.strictObject({
  s0: finite('initial price').gt(0, 'must be > 0'),
  v0: finite('initial variance').min(0, 'must be >= 0'),
  kappa: finite('mean reversion speed').gt(0, 'must be > 0'),
  theta: finite('long-run variance').min(0, 'must be >= 0'),
  xi: finite('volatility of variance').min(0, 'must be >= 0'),
  rho: finite('correlation').min(-1, 'must be in [-1, 1]').max(1, 'must be in [-1, 1]'),
  mu: finite('drift').default(0),
});

export type HestonParams = z.infer<typeof hestonSchema>;
