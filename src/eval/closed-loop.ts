// The environment spec of an execution plan, and the per-path shortfall parts of a closed-loop rollout.
import type { EnvSpec } from '../engine/env-spec.js';
import { seedWords } from '../engine/backend.js';
import { initialVolatility } from '../engine/model-params.js';
import { exp } from '../engine/portable-math.js';
import { minutesToYears, MINUTES_PER_DAY } from '../market/time.js';
import type { ExecutionPlan } from './plan.js';

export function envSpecFor(plan: ExecutionPlan): EnvSpec {
  const i = plan.impact, m = plan.model;
  const sigma0 = initialVolatility(m);
  return {
    modelId: plan.modelId, params: plan.params, steps: plan.steps, shares: plan.orderShares, s0: plan.s0, side: plan.side,
    permanentLog: i.permanentLog, permanentAdd: i.permanentAdd, temporaryBeta: i.temporaryBeta, transientBeta: i.transientBeta,
    kernelWeights: i.kernel.weights, kernelDecays: i.kernel.decays, participationCap: plan.participationCap,
    seed: seedWords(plan.seed), temporaryScale: i.temporaryScale, spread: i.spread, transientScale: i.transientScale,
    stepVolume: plan.stepVolume, sigma0, varianceRef: m.kind === 'heston' ? m.theta : sigma0 * sigma0,
    dtYears: minutesToYears(plan.stepDays * MINUTES_PER_DAY),
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
