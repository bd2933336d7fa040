// Market impact: the two ways users write it, and the one per-step form both the static and the closed-loop
// kernels use.
//
// "relative" (the canonical heston-execution convention, Almgren et al. 2005 style), per step k with quantity n,
// step volume V_k, daily volume ADV, arrival price s0, initial volatility sigma0 (per sqrt(year)):
//   temporary   eta s0 (n / V_k)^beta per share                                  (beta = 1: linear)
//   permanent   log price falls by gamma sigma0 n / ADV (ABM: price by gamma sigma0 s0 n / ADV)
//   transient   an impulse amplitude s0 sigma0 n / V_k decaying with an exponential (Obizhaeva-Wang) or
//               power-law (Gatheral) kernel; optionally concave: instantaneous G0 gamma (n / V_k)^beta
//   spread      halfSpreadBps 1e-4 s0 per share
// "almgren-chriss" (Almgren and Chriss 2000, currency units, tau the step length in days):
//   temporary epsilon + eta n / tau per share; permanent price falls by gamma n.
import { z } from 'zod';
import { powPositive } from '../math/portable-math.js';
import { exponentialKernel, noTransient, powerLawKernel, type ExponentialComponents } from './transient-kernel.js';

const nonNegative = z.number({ error: 'must be a number' }).min(0, 'must be >= 0');

const transientSchema = z.discriminatedUnion('kernel', [
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
], { error: 'transient.kernel must be "exponential" or "power-law"' });

export const impactSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('relative'),
    temporary: z.strictObject({
      eta: nonNegative.max(10, 'must be <= 10'),
      beta: z.number({ error: 'must be a number' }).gt(0, 'must be in (0, 2]').max(2, 'must be in (0, 2]'),
    }).default({ eta: 0, beta: 1 }),
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
], { error: 'impact.type must be "relative" or "almgren-chriss"' });

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
  kernel: ExponentialComponents;
}

export interface ImpactContext {
  s0: number;
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
      temporaryScale: new Float64Array(steps).fill(c.eta / ctx.stepDays), temporaryBeta: 1,
      spread: new Float64Array(steps).fill(c.epsilon),
      // the AC world is arithmetic; on a log model the same dollar impact is a log shift gamma / s0 per share
      permanentLog: ctx.logModel ? c.gamma / ctx.s0 : 0, permanentAdd: ctx.logModel ? 0 : c.gamma,
      transientScale: new Float64Array(steps), transientBeta: 1, kernel: noTransient(),
    };
  }
  const { s0, sigma0, dailyVolume, stepVolume } = ctx;
  const tb = c.transient?.beta ?? 1;
  const permanent = c.permanent.gamma * sigma0 / dailyVolume;
  const kernel = !c.transient ? noTransient()
    : c.transient.kernel === 'exponential' ? exponentialKernel(c.transient.halfLifeSteps)
    : powerLawKernel(c.transient.alpha, c.transient.t0Steps, steps, c.transient.components);
  return {
    temporaryScale: stepVolume.map((v) => c.temporary.eta * s0 / powPositive(v, c.temporary.beta)),
    temporaryBeta: c.temporary.beta,
    spread: new Float64Array(steps).fill(c.spread.halfSpreadBps * 1e-4 * s0),
    permanentLog: ctx.logModel ? permanent : 0,
    permanentAdd: ctx.logModel ? 0 : permanent * s0,
    transientScale: stepVolume.map((v) => (c.transient?.amplitude ?? 0) * s0 * sigma0 / powPositive(v, tb)),
    transientBeta: tb,
    kernel,
  };
}
