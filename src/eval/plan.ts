// What a simulation computes: a plain, structured-cloneable description that worker threads receive as is.
import type { PriceModel } from '../engine/model-params.js';
import type { ResolvedImpact } from '../market/impact.js';
import type { StaticCosts } from '../market/static-costs.js';
import type { StochasticVolume } from '../market/path-market.js';

/** Paths per chunk: the unit of reduction. Chunks merge in order, so shards must be whole chunks. */
export const CHUNK_PATHS = 1000;
/** Histogram bins for implementation shortfall. */
export const IS_BINS = 256;

export interface PlanBase {
  label: string;
  model: PriceModel;
  modelId: number;
  params: Float64Array;
  seed: number;
  paths: number;
  steps: number;
  horizonYears: number;
}

export interface PathsPlan extends PlanBase {
  kind: 'paths';
  strike: number;
  discountFactor: number;
  /** E[discounted S_T] = s0 exp((mu - r) T): exact for every scheme (each step is a martingale). */
  expectedDiscountedTerminal: number;
}

export interface StaticStrategyPlan {
  kind: 'static';
  name: string;
  type: string;
  costs: StaticCosts;
  /** Shares left at the horizon (marked to the final price; 0 under the cleanup rule). */
  unfilledShares: number;
  /** Shares the cleanup rule added to the last step above the cap (0 under the other rules). */
  cleanupShares: number;
}

export type CompletionRule = 'cleanup' | 'opportunity' | 'penalty';

/** What shares left at the horizon cost (see evaluation.completion in src/eval/config.ts). */
export interface CompletionPolicy {
  rule: CompletionRule;
  /** Currency per unfilled share (penalty rule; 0 otherwise). */
  penaltyPerShare: number;
  /** Strategies that complete less than this fraction within the cap rank below the complete ones. */
  threshold: number;
}

/** Closed-loop strategies run inside the engine (assembly/policy): one decision per path per step. */
export interface ClosedLoopStrategyPlan {
  kind: 'closed-loop';
  name: string;
  type: string;
  /** POLICY_* of src/engine/env-layout.ts and its parameter block. */
  policy: { kind: number; params: Float64Array };
}

export type StrategyPlan = StaticStrategyPlan | ClosedLoopStrategyPlan;

/**
 * What makes a static schedule's cost path-dependent in this market, so every strategy runs in the batched
 * environment (a static schedule as a closed-loop schedule policy, on the same draws) instead of the static kernel.
 */
export interface PathMarket {
  /** 1 / sqrt(v0) (Heston) or 1: impact scales with the volatility a trade meets; 0: at the arrival volatility. */
  impactVolScale: number;
  /** The volatility multiplier s_k of each step; null: flat. */
  season: Float64Array | null;
  volume: StochasticVolume | null;
  /** What the market has, in words (the report's note). */
  features: string[];
}

export interface ExecutionPlan extends PlanBase {
  kind: 'execution';
  /** +1 sell, -1 buy. */
  side: 1 | -1;
  orderShares: number;
  s0: number;
  stepDays: number;
  stepVolume: Float64Array;
  impact: ResolvedImpact;
  participationCap: number;
  strategies: StrategyPlan[];
  /** Histogram of each strategy's IS in bps: [lo, binsPerUnit] per strategy. */
  histogram: Float64Array;
  bins: number;
  /** Score = mean + riskAversion x var x 1e-4 (bps), i.e. E[IS/N] + lambda Var[IS/N] in bps. */
  riskAversion: number;
  completion: CompletionPolicy;
  /** Null: the static kernel prices static schedules exactly (impact deterministic along the path). */
  pathMarket: PathMarket | null;
}

export type SimulationPlan = PathsPlan | ExecutionPlan;

/** Parts of a strategy's shortfall, one column each per strategy (IS first: those columns are paired). */
export const PARTS = [
  'is',
  'timing',
  'permanent',
  'temporary',
  'transient',
  'spread',
  'opportunity',
  'penalty',
  'completion',
  'maxParticipation',
  'vwapSlippage',
  'pa',
  'paGain',
  'paLoss',
  'paPositive',
  'paNegative',
] as const;
export type Part = (typeof PARTS)[number];

/** E[IS] in bps of a static strategy when the price is a martingale (zero drift): exact. */
export function expectedShortfallBps(plan: ExecutionPlan, s: StaticStrategyPlan): number {
  const c = s.costs;
  const total = c.temporaryCost + c.spreadCost + c.transientCost + c.additivePermanentCost + c.expectedPermanentCost;
  // unfilled shares marked at the (permanently impacted) terminal price: expectation -side U s0 (f_N - 1) + shift
  const opportunity = s.unfilledShares * (plan.side * plan.s0 * (1 - c.terminalFactor) - plan.side * c.terminalShift);
  const penalty = s.unfilledShares * plan.completion.penaltyPerShare;
  return (1e4 * (total + opportunity + penalty)) / (plan.orderShares * plan.s0);
}
