// The environment spec of an execution plan, and the per-path shortfall parts of a closed-loop rollout.
import type { EnvSpec } from '../engine/env-spec.js';
import { seedWords } from '../engine/seed.js';
import { initialVolatility } from '../engine/model-params.js';
import { exp } from '../math/portable-math.js';
import { DAYS_PER_YEAR } from '../market/time.js';
import { OBJECTIVE_COST } from '../engine/env-layout.js';
import type { ExecutionPlan } from './plan.js';

export interface Objective {
  /** OBJECTIVE_* (default: cost only, what evaluations report). */
  objective?: number;
  /** Mean-variance risk aversion, 1 / currency. */
  lambdaPerCurrency?: number;
  /** OPD weight of the squared action. */
  alpha?: number;
  /** Training: sell what is left at the last step (cap lifted), penaltyBps of s0 per share above the cap. */
  forceLiquidation?: boolean;
  penaltyBps?: number;
}

export function envSpecFor(plan: ExecutionPlan, o: Objective = {}): EnvSpec {
  const i = plan.impact, m = plan.model;
  const sigma0 = initialVolatility(m);
  const horizonYears = plan.horizonYears, dtYears = horizonYears / plan.steps;
  const priceScale = 1 / Math.max(sigma0 * Math.sqrt(horizonYears), 1e-12) / (m.kind === 'abm' ? m.s0 : 1);
  return {
    modelId: plan.modelId, params: plan.params, steps: plan.steps, shares: plan.orderShares, s0: plan.s0, side: plan.side,
    permanentLog: i.permanentLog, permanentAdd: i.permanentAdd, temporaryBeta: i.temporaryBeta, transientBeta: i.transientBeta,
    kernelWeights: i.kernel.weights, kernelDecays: i.kernel.decays, participationCap: plan.participationCap,
    seed: seedWords(plan.seed), temporaryScale: i.temporaryScale, spread: i.spread, transientScale: i.transientScale,
    stepVolume: plan.stepVolume,
    obsPriceScale: priceScale,
    obsVarianceScale: m.kind === 'heston' ? 1 / Math.max(m.theta > 0 ? m.theta : m.v0, 1e-12) : 0,
    obsTransientScale: 1 / Math.max(m.s0 * sigma0 * Math.sqrt(dtYears), 1e-12),
    meanVolume: plan.stepVolume.reduce((a, b) => a + b, 0) / plan.steps,
    objective: o.objective ?? OBJECTIVE_COST,
    riskCoef: ((o.lambdaPerCurrency ?? 0) * plan.stepDays) / DAYS_PER_YEAR,
    alpha: o.alpha ?? 0,
    modelVariance: m.kind === 'heston' ? 0 : m.sigma * m.sigma,
    forceLiquidation: o.forceLiquidation ?? false,
    penaltyPerShare: ((o.penaltyBps ?? 0) * 1e-4) * m.s0,
  };
}

/** Rollout columns (see ROLLOUT_COLUMNS) of one path to the shortfall parts, currency; opportunity marks what is left. */
export function closedLoopParts(plan: ExecutionPlan, column: (c: number) => number) {
  const side = plan.side;
  const left = column(5), executed = column(6), terminal = column(8);
  const factor = plan.impact.permanentLog === 0 ? 1 : exp((-side * plan.impact.permanentLog) * executed);
  const shift = -side * plan.impact.permanentAdd * executed;
  return {
    timing: column(0), permanent: column(1), temporary: column(2), transient: column(3), spread: column(4),
    opportunity: side * left * (plan.s0 - (terminal * factor + shift)), executed, maxParticipation: column(7),
  };
}
