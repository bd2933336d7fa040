// The environment spec of an execution plan, and the per-path shortfall parts of a closed-loop rollout.
import type { EnvSpec } from '../engine/env-spec.js';
import { seedWords } from '../engine/seed.js';
import { initialVolatility } from '../engine/model-params.js';
import { exp } from '../math/portable-math.js';
import { DAYS_PER_YEAR } from '../market/time.js';
import { OBJECTIVE_COST } from '../engine/env-layout.js';
import type { ExecutionPlan } from './plan.js';
import { cleanupSharesOfRollout } from './completion.js';

export interface Objective {
  /** OBJECTIVE_* (default: cost only, what evaluations report). */
  objective?: number;
  /** Mean-variance risk aversion, 1 / currency. */
  lambdaPerCurrency?: number;
  /** OPD weight of the squared action. */
  alpha?: number;
  /** Sell what is left at the last step (cap lifted; default: the plan's completion rule is cleanup), penaltyBps of s0 per share above the cap. */
  forceLiquidation?: boolean;
  penaltyBps?: number;
}

export function envSpecFor(plan: ExecutionPlan, o: Objective = {}): EnvSpec {
  const i = plan.impact,
    m = plan.model;
  const sigma0 = initialVolatility(m);
  const horizonYears = plan.horizonYears,
    dtYears = horizonYears / plan.steps;
  const priceScale = 1 / Math.max(sigma0 * Math.sqrt(horizonYears), 1e-12) / (m.kind === 'abm' ? m.s0 : 1);
  return {
    modelId: plan.modelId,
    params: plan.params,
    steps: plan.steps,
    shares: plan.orderShares,
    s0: plan.s0,
    side: plan.side,
    permanentLog: i.permanentLog,
    permanentAdd: i.permanentAdd,
    temporaryBeta: i.temporaryBeta,
    transientBeta: i.transientBeta,
    transientSelf: i.transientSelf,
    kernelWeights: i.kernel.weights,
    kernelDecays: i.kernel.decays,
    participationCap: plan.participationCap,
    seed: seedWords(plan.seed),
    temporaryScale: i.temporaryScale,
    spread: i.spread,
    transientScale: i.transientScale,
    stepVolume: plan.stepVolume,
    obsPriceScale: priceScale,
    obsVarianceScale: m.kind === 'heston' ? 1 / Math.max(m.theta > 0 ? m.theta : m.v0, 1e-12) : 0,
    obsTransientScale: 1 / Math.max(m.s0 * sigma0 * Math.sqrt(dtYears), 1e-12),
    meanVolume: plan.stepVolume.reduce((a, b) => a + b, 0) / plan.steps,
    objective: o.objective ?? OBJECTIVE_COST,
    riskCoef: ((o.lambdaPerCurrency ?? 0) * plan.stepDays) / DAYS_PER_YEAR,
    alpha: o.alpha ?? 0,
    modelVariance: m.kind === 'heston' ? 0 : m.sigma * m.sigma,
    // the completion rule: under cleanup the last step trades what is left, cap lifted, at the market's impact
    forceLiquidation: o.forceLiquidation ?? plan.completion.rule === 'cleanup',
    penaltyPerShare: (o.penaltyBps ?? 0) * 1e-4 * m.s0,
    impactVolScale: plan.pathMarket?.impactVolScale ?? 0,
    ...(plan.pathMarket?.season ? { season: plan.pathMarket.season } : {}),
    ...(plan.pathMarket?.volume
      ? {
          volumeNoise: plan.pathMarket.volume.noise,
          volumePersistence: plan.pathMarket.volume.persistence,
          volumeElasticity: plan.pathMarket.volume.volatilityElasticity,
        }
      : {}),
    transientByVolume: i.transientByVolume,
  };
}

/**
 * Rollout columns (see ROLLOUT_COLUMNS) of one path to the shortfall parts, currency; opportunity marks what is left,
 * penalty charges it under the penalty rule; executedInCap is what the policy executed within the cap (the forced
 * last step of the cleanup rule may trade above it).
 */
export function closedLoopParts(plan: ExecutionPlan, column: (c: number) => number) {
  const side = plan.side;
  const left = column(5),
    executed = column(6),
    terminal = column(8),
    maxParticipation = column(7);
  // the permanent move so far: shares executed, each weighted by the volatility it met (= executed without that)
  const level = column(10);
  const factor = plan.impact.permanentLog === 0 ? 1 : exp(-side * plan.impact.permanentLog * level);
  const shift = -side * plan.impact.permanentAdd * level;
  return {
    timing: column(0),
    permanent: column(1),
    temporary: column(2),
    transient: column(3),
    spread: column(4),
    opportunity: side * left * (plan.s0 - (terminal * factor + shift)),
    penalty: left * plan.completion.penaltyPerShare,
    executed,
    maxParticipation,
    /** The market VWAP of the unimpacted price over the horizon. */
    vwap: column(11),
    /** The window's average unimpacted price (the benchmark of the price advantage). */
    windowAverage: column(13),
    executedInCap:
      plan.completion.rule === 'cleanup'
        ? executed -
          cleanupSharesOfRollout(maxParticipation, plan.participationCap, plan.stepVolume[plan.steps - 1]! * column(12))
        : executed,
  };
}

/**
 * Cost in bps of the shares an episode leaves: left, the permanent level (shares executed, each weighted by the
 * volatility it met: rollout column 10, S_PERM_LEVEL), unimpacted final price.
 */
export type TerminalCost = (left: number, permanentLevel: number, terminalPrice: number) => number;

/**
 * The plan's completion rule as a terminal cost for training and judging: the opportunity mark (and the penalty)
 * closedLoopParts books, so a policy's return in the environment is minus its evaluation IS (plus the risk term).
 */
export function terminalCostOf(plan: ExecutionPlan): TerminalCost {
  const toBps = 1e4 / (plan.orderShares * plan.s0);
  return (left, level, terminal) => {
    if (!(left > 0)) return 0;
    const p = closedLoopParts(plan, (c) => (c === 5 ? left : c === 10 ? level : c === 8 ? terminal : 0));
    return (p.opportunity + p.penalty) * toBps;
  };
}
