// Market impact: the ways users write it, and the one per-step form both the static and the closed-loop kernels use.
//
// "daily-volatility" (the default; the literature's units, Almgren, Thum, Hauptmann and Li 2005, "Direct estimation
// of equity market impact", Risk 18(7)), per step k with quantity n, step volume V_k, daily volume ADV, arrival
// price s0, sigma_d the daily volatility of returns (Heston sqrt(v0 / 252); GBM sigma / sqrt(252); ABM
// sigmaPerSqrtDay / s0). With volatility "path" (the default) every term below is further multiplied by the
// volatility the trade meets over the arrival one, s_k sqrt(v / v0) (s_k the intraday seasonality), so Heston's
// variance moves impact; the batched environment prices that (assembly/rollout/execution-env.ts). "arrival" keeps
// sigma_d fixed at the arrival value:
//   temporary   eta sigma_d s0 (n / V_k)^beta per share              (the paper's J - I/2 = eta sigma (X/VT)^beta)
//   permanent   log price falls by gamma sigma_d n / ADV (the paper's I = gamma sigma X/V)
//   transient   impulse amplitude sigma_d s0 (n / R_k)^beta, R_k the day's volume at the current rate
//               (V_k 390 / stepMinutes) or a fixed book depth in shares (Obizhaeva and Wang 2013), decaying with
//               an exponential (half-life in minutes) or power-law (t0 in minutes, Gatheral 2010) kernel; a trade
//               pays the decayed impulses of earlier trades and G(0) / (1 + beta) of its own impulse (for linear
//               impact the 1/2 G(0) n^2 self-impact term of Gatheral, Schied and Slynko 2012)
//   spread      halfSpreadBps 1e-4 s0 per share
// "square-root": the square-root law Y sigma_d sqrt(Q / V) as the temporary term (eta = Y, beta = 1/2): exactly the
//   law's cost for an order traded evenly over one day; an even execution over T days pays Y sigma_d sqrt(Q / V) /
//   sqrt(T) (a local model has no memory; see docs/market-models.md). Preset "almgren-2005": eta 0.142, beta 0.6, gamma 0.314 (the paper's Table 3 fit).
// "canonical" (the heston-execution benchmark's convention, kept exactly; "relative" is its former name), sigma0
// the initial volatility per sqrt(YEAR), steps as the time unit, no self-impact:
//   temporary eta s0 (n / V_k)^beta; permanent gamma sigma0 n / ADV; transient impulse amplitude s0 sigma0
//   (n / V_k)^beta with half-life / t0 in steps.
// "almgren-chriss" (Almgren and Chriss 2000, currency units, tau the step length in days):
//   temporary epsilon + eta n / tau per share; permanent price falls by gamma n.
import { z } from 'zod';
import { powPositive } from '../math/portable-math.js';
import { exponentialKernel, noTransient, powerLawKernel, type ExponentialComponents } from './transient-kernel.js';
import { DAYS_PER_YEAR, MINUTES_PER_DAY } from './time.js';

const nonNegative = z.number({ error: 'must be a number' }).min(0, 'must be >= 0');

const transientSchema = z.discriminatedUnion(
  'kernel',
  [
    z.strictObject({
      kernel: z.literal('exponential'),
      amplitude: nonNegative.max(10, 'must be <= 10'),
      halfLifeSteps: z.number().gt(0, 'must be > 0'),
      /** Concave instantaneous part (G0 gamma (n / V)^beta in the MAP-Elites propagator); default linear. */
      beta: z.number().gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]').default(1),
    }),
    z.strictObject({
      kernel: z.literal('power-law'),
      amplitude: nonNegative.max(10, 'must be <= 10'),
      /** G(t) = (1 + t / t0)^(-alpha), t in steps. */
      alpha: z.number().gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]'),
      t0Steps: z.number().gt(0, 'must be > 0'),
      beta: z.number().gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]').default(1),
      components: z.number().int().min(4).max(32).default(16),
    }),
  ],
  { error: 'transient.kernel must be "exponential" or "power-law"' },
);

const betaSchema = z.number({ error: 'must be a number' }).gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]');
/** What a transient impulse's size is measured against: the day's volume at the current rate, or a fixed depth. */
const impulseScale = {
  /** Shares of book depth: impulse amplitude sigma_d s0 (n / depthShares)^beta; default: the volume rate. */
  depthShares: z.number().gt(0, 'must be > 0').optional(),
};

const transientMinutesSchema = z.discriminatedUnion(
  'kernel',
  [
    z.strictObject({
      kernel: z.literal('exponential'),
      /** Instantaneous price move, in daily sigmas, of trading the day's volume (or depthShares) at once. */
      amplitude: nonNegative.max(100, 'must be <= 100'),
      halfLifeMinutes: z.number().gt(0, 'must be > 0').max(1e5, 'must be <= 1e5'),
      beta: betaSchema.default(1),
      ...impulseScale,
    }),
    z.strictObject({
      kernel: z.literal('power-law'),
      amplitude: nonNegative.max(100, 'must be <= 100'),
      /** G(t) = (1 + t / t0)^(-alpha), t in minutes. */
      alpha: z.number().gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]'),
      t0Minutes: z.number().gt(0, 'must be > 0'),
      beta: betaSchema.default(1),
      components: z.number().int().min(4).max(32).default(16),
      ...impulseScale,
    }),
  ],
  { error: 'transient.kernel must be "exponential" or "power-law"' },
);

const spreadSchema = z
  .strictObject({ halfSpreadBps: nonNegative.max(1000, 'must be <= 1000') })
  .default({ halfSpreadBps: 0 });

/** Which sigma_d impact uses: the path's current volatility (default) or the one at arrival. */
const volatilitySchema = z
  .enum(['path', 'arrival'], { error: 'must be "path" (the volatility the trade meets) or "arrival"' })
  .default('path');

/** The 2005 paper's fit (Almgren, Thum, Hauptmann and Li, Risk 18(7), Table 3): eta 0.142, beta 0.6, gamma 0.314. */
export const ALMGREN_2005 = { temporary: { eta: 0.142, beta: 0.6 }, permanent: { gamma: 0.314 } } as const;

export const impactSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('daily-volatility'),
      volatility: volatilitySchema,
      temporary: z
        .strictObject({ eta: nonNegative.max(100, 'must be <= 100'), beta: betaSchema })
        .default({ eta: 0, beta: 1 }),
      permanent: z.strictObject({ gamma: nonNegative.max(100, 'must be <= 100') }).default({ gamma: 0 }),
      transient: transientMinutesSchema.optional(),
      spread: spreadSchema,
    }),
    z.strictObject({
      type: z.literal('square-root'),
      /** Y of the square-root law Y sigma_d sqrt(Q / V); of order 1 in the literature (Toth et al. 2011: 0.5-1). */
      Y: nonNegative.max(100, 'must be <= 100'),
      volatility: volatilitySchema,
      permanent: z.strictObject({ gamma: nonNegative.max(100, 'must be <= 100') }).default({ gamma: 0 }),
      transient: transientMinutesSchema.optional(),
      spread: spreadSchema,
    }),
    z.strictObject({
      type: z.literal('canonical'),
      temporary: z
        .strictObject({
          eta: nonNegative.max(10, 'must be <= 10'),
          beta: z.number({ error: 'must be a number' }).gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]'),
        })
        .default({ eta: 0, beta: 1 }),
      permanent: z.strictObject({ gamma: nonNegative.max(100, 'must be <= 100') }).default({ gamma: 0 }),
      transient: transientSchema.optional(),
      spread: z.strictObject({ halfSpreadBps: nonNegative.max(1000, 'must be <= 1000') }).default({ halfSpreadBps: 0 }),
    }),
    z.strictObject({
      type: z.literal('almgren-chriss'),
      epsilon: nonNegative,
      eta: nonNegative,
      gamma: nonNegative,
    }),
  ],
  { error: 'impact.type must be "daily-volatility", "square-root", "canonical" or "almgren-chriss"' },
);

/**
 * What a config may write for impact: a type (default "daily-volatility"; "relative" is the canonical convention's
 * former name) or { "preset": "almgren-2005", ...overrides }.
 */
export const impactInputSchema = z.preprocess((v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if ('preset' in o) {
    if (o.preset !== 'almgren-2005') return { ...o, type: '__preset' };
    const { preset: _p, ...rest } = o;
    return { type: 'daily-volatility', ...ALMGREN_2005, ...rest };
  }
  if (!('type' in o)) return { ...o, type: 'daily-volatility' };
  if (o.type === 'relative') return { ...o, type: 'canonical' };
  return v;
}, impactSchema);

export type ImpactConfig = z.infer<typeof impactSchema>;

/**
 * The per-step form, in currency per share, for a run with a given schedule grid:
 *   temporary cost of n shares at step k   temporaryScale[k] n^temporaryBeta   per share
 *   spread                                  spread[k]                          per share
 *   permanent, after n shares               log price -= permanentLog n  (log models)
 *                                           price -= permanentAdd n      (ABM)
 *   transient impulse of n shares           transientScale[k] n^transientBeta, split over the kernel's
 *                                           components (weights) that decay by `decays` per step
 */
export interface ResolvedImpact {
  temporaryScale: Float64Array;
  temporaryBeta: number;
  spread: Float64Array;
  permanentLog: number;
  permanentAdd: number;
  transientScale: Float64Array;
  transientBeta: number;
  /**
   * Self-impact of a trade against its own transient impulse, as a fraction of the impulse: G(0) / (1 + beta_T)
   * (Gatheral, Schied and Slynko 2012: 1/2 G(0) n^2 for linear impact); 0 in the canonical convention.
   */
  transientSelf: number;
  kernel: ExponentialComponents;
  /** Impact scales with the volatility each trade meets (volatility "path"); false: fixed at arrival. */
  pathVolatility: boolean;
  /** The transient impulse is measured against the step's volume (false: against a fixed depth, or none). */
  transientByVolume: boolean;
}

export interface ImpactContext {
  s0: number;
  /** Initial volatility of returns per sqrt(year). */
  sigma0: number;
  dailyVolume: number;
  stepVolume: Float64Array;
  stepDays: number;
  logModel: boolean;
}

export function resolveImpact(c: ImpactConfig, ctx: ImpactContext): ResolvedImpact {
  const steps = ctx.stepVolume.length;
  if (c.type === 'almgren-chriss') {
    return {
      temporaryScale: new Float64Array(steps).fill(c.eta / ctx.stepDays),
      temporaryBeta: 1,
      spread: new Float64Array(steps).fill(c.epsilon),
      // the AC world is arithmetic; on a log model the same dollar impact is a log shift gamma / s0 per share
      permanentLog: ctx.logModel ? c.gamma / ctx.s0 : 0,
      permanentAdd: ctx.logModel ? 0 : c.gamma,
      transientScale: new Float64Array(steps),
      transientBeta: 1,
      transientSelf: 0,
      kernel: noTransient(),
      pathVolatility: false,
      transientByVolume: false,
    };
  }
  if (c.type === 'daily-volatility' || c.type === 'square-root') return resolveDailyVolatility(c, ctx);
  const { s0, sigma0, dailyVolume, stepVolume } = ctx;
  const tb = c.transient?.beta ?? 1;
  const permanent = (c.permanent.gamma * sigma0) / dailyVolume;
  const kernel = !c.transient
    ? noTransient()
    : c.transient.kernel === 'exponential'
      ? exponentialKernel(c.transient.halfLifeSteps)
      : powerLawKernel(c.transient.alpha, c.transient.t0Steps, steps, c.transient.components);
  return {
    temporaryScale: stepVolume.map((v) => (c.temporary.eta * s0) / powPositive(v, c.temporary.beta)),
    temporaryBeta: c.temporary.beta,
    spread: new Float64Array(steps).fill(c.spread.halfSpreadBps * 1e-4 * s0),
    permanentLog: ctx.logModel ? permanent : 0,
    permanentAdd: ctx.logModel ? 0 : permanent * s0,
    transientScale: stepVolume.map((v) => ((c.transient?.amplitude ?? 0) * s0 * sigma0) / powPositive(v, tb)),
    transientBeta: tb,
    transientSelf: 0,
    kernel,
    pathVolatility: false,
    transientByVolume: !!c.transient,
  };
}

type DailyVolatilityConfig = Extract<ImpactConfig, { type: 'daily-volatility' | 'square-root' }>;

function resolveDailyVolatility(c: DailyVolatilityConfig, ctx: ImpactContext): ResolvedImpact {
  const { s0, dailyVolume, stepVolume } = ctx;
  const steps = stepVolume.length;
  const sigmaDaily = ctx.sigma0 / Math.sqrt(DAYS_PER_YEAR);
  const temporary = c.type === 'square-root' ? { eta: c.Y, beta: 0.5 } : c.temporary;
  const permanent = (c.permanent.gamma * sigmaDaily) / dailyVolume;
  const stepMinutes = ctx.stepDays * MINUTES_PER_DAY;
  const t = c.transient;
  const tb = t?.beta ?? 1;
  const kernel = !t
    ? noTransient()
    : t.kernel === 'exponential'
      ? exponentialKernel(t.halfLifeMinutes / stepMinutes)
      : powerLawKernel(t.alpha, t.t0Minutes / stepMinutes, steps, t.components);
  // the reference quantity of an impulse: book depth, or the day's volume at this step's rate
  const reference_k = (k: number) => t?.depthShares ?? stepVolume[k]! * (MINUTES_PER_DAY / stepMinutes);
  return {
    temporaryScale: stepVolume.map((v) => (temporary.eta * sigmaDaily * s0) / powPositive(v, temporary.beta)),
    temporaryBeta: temporary.beta,
    spread: new Float64Array(steps).fill(c.spread.halfSpreadBps * 1e-4 * s0),
    permanentLog: ctx.logModel ? permanent : 0,
    permanentAdd: ctx.logModel ? 0 : permanent * s0,
    transientScale: Float64Array.from(
      { length: steps },
      (_, k) => ((t?.amplitude ?? 0) * sigmaDaily * s0) / powPositive(reference_k(k), tb),
    ),
    transientBeta: tb,
    transientSelf: t ? 1 / (1 + tb) : 0,
    kernel,
    pathVolatility: c.volatility === 'path',
    transientByVolume: !!t && t.depthShares === undefined,
  };
}
