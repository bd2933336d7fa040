// What a simulation run computes: a plain, structured-cloneable description that workers receive as is.
import type { HestonDynamics } from '../engine/heston-params.js';
import { hestonParamBlock } from '../engine/heston-params.js';
import { SCHEME_IDS, type SchemeName } from '../engine/layout.js';
import type { Workload } from '../market/workload.js';
import { staticCosts } from '../market/impact.js';
import { exp } from '../reference/math/exp.js';

/** Paths per chunk: the unit of reduction. Chunks merge in order, so shards must be whole chunks. */
export const CHUNK_PATHS = 1000;
/** Histogram bins for implementation shortfall. */
export const IS_BINS = 256;

interface PlanBase {
  workload: string;
  scheme: SchemeName;
  params: Float64Array;
  dynamics: HestonDynamics;
  seed: number;
  paths: number;
  steps: number;
  horizonYears: number;
}

export interface PathsPlan extends PlanBase {
  kind: 'paths';
  strike: number;
  discountFactor: number;
  /** E[discounted S_T] = s0 exp((mu - r) T): exact for both schemes (martingale by construction). */
  expectedDiscountedTerminal: number;
}

export interface StaticStrategy {
  name: string;
  qty: Float64Array;
  weight: Float64Array;
  /** sum n_k (D_k + temporary_k), currency: the deterministic part of the shortfall. */
  deterministicCost: number;
  temporaryCost: number;
  transientCost: number;
  expectedPermanentCost: number;
  executedShares: number;
}

export interface ExecutionPlan extends PlanBase {
  kind: 'execution';
  orderShares: number;
  strategies: StaticStrategy[];
  /** Histogram of each strategy's IS in bps: [lo, binsPerUnit] per strategy. */
  histogram: Float64Array;
  bins: number;
}

export type SimulationPlan = PathsPlan | ExecutionPlan;

export interface RunOptions {
  paths?: number;
  steps?: number;
  seed: number;
  scheme: SchemeName;
}

export function planFromWorkload(w: Workload, options: RunOptions): SimulationPlan {
  const paths = options.paths ?? w.paths;
  const steps = options.steps ?? w.steps;
  const dtYears = w.horizonYears / steps;
  const dynamics: HestonDynamics = { ...w.heston, mu: w.heston.mu ?? 0 };
  const base = {
    workload: w.name, scheme: options.scheme, dynamics, params: hestonParamBlock(dynamics, dtYears),
    seed: options.seed, paths, steps, horizonYears: w.horizonYears,
  };
  if (w.kind === 'paths') {
    const discountFactor = exp(-w.payoff.discountRate * w.horizonYears);
    return { ...base, kind: 'paths', strike: w.payoff.strike, discountFactor,
      expectedDiscountedTerminal: w.heston.s0 * exp((dynamics.mu - w.payoff.discountRate) * w.horizonYears) };
  }
  const shares = w.order.shares;
  const qty = new Float64Array(steps).fill(shares / steps);
  const stepVolume = new Float64Array(steps).fill(w.market.dailyVolume / steps);
  const sigma0 = Math.sqrt(w.heston.v0);
  const costs = staticCosts(w.impact, w.heston.s0, sigma0, qty, stepVolume, w.market.dailyVolume);
  const strategy: StaticStrategy = {
    name: 'twap', qty: costs.qty, weight: costs.weight,
    deterministicCost: costs.temporaryCost + costs.transientCost,
    temporaryCost: costs.temporaryCost, transientCost: costs.transientCost,
    expectedPermanentCost: costs.expectedPermanentCost, executedShares: shares,
  };
  // IS histogram centred on its expectation, +-8 standard deviations of the Almgren-Chriss variance
  // sigma^2 dt sum x_k^2 (constant-volatility approximation; outliers land in the under/overflow bins)
  const notional = shares * w.heston.s0;
  const expectedBps = 1e4 * (strategy.deterministicCost + strategy.expectedPermanentCost) / notional;
  let held = shares, sumSquares = 0;
  for (let k = 0; k < steps; k++) { sumSquares += held * held; held -= qty[k]!; }
  const stdBps = 1e4 * w.heston.s0 * sigma0 * Math.sqrt(dtYears * sumSquares) / notional;
  const halfWidth = 8 * Math.max(stdBps, 1e-6);
  return { ...base, kind: 'execution', orderShares: shares, strategies: [strategy], bins: IS_BINS,
    histogram: new Float64Array([expectedBps - halfWidth, IS_BINS / (2 * halfWidth)]) };
}

/** E[IS] in bps of a static strategy when the price is a martingale (mu = 0): exact. */
export function expectedShortfallBps(plan: ExecutionPlan, s: StaticStrategy): number {
  return 1e4 * (s.deterministicCost + s.expectedPermanentCost) / (plan.orderShares * plan.dynamics.s0);
}
