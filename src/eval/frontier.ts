// The Almgren-Chriss efficient frontier of an evaluation: for each risk aversion the closed form of the linearised AC
// model, the same schedule simulated in this market, and the schedule optimiser's best static schedule for this
// market (src/strategies/optimal-schedule.ts) simulated on the same paths; plus what this market has that AC lacks.
import type { ExecutionPlan, StaticStrategyPlan } from './plan.js';
import { almgrenChrissSchedule, type AlmgrenChrissParameters } from '../strategies/almgren-chriss.js';
import { optimalSchedule } from '../strategies/optimal-schedule.js';
import { applyParticipationCap } from '../strategies/participation.js';
import { staticCosts } from '../market/static-costs.js';
import { completeSchedule } from './completion.js';

/** The optimiser's cost grows with steps squared (central-difference gradients): beyond this it is not run. */
export const OPTIMISER_MAX_STEPS = 120;

/** What the market has that the (linearised) Almgren-Chriss model lacks; empty in the AC world. */
export function acModelGaps(plan: ExecutionPlan): string[] {
  const gaps: string[] = [];
  const i = plan.impact;
  if (i.temporaryBeta !== 1 || (i.kernel.weights.length > 0 && i.transientBeta !== 1)) gaps.push('concave impact');
  if (i.kernel.weights.length > 0 && i.transientScale.some((v) => v > 0)) gaps.push('transient impact');
  const v = plan.stepVolume;
  if (v.some((x) => Math.abs(x - v[0]!) > 1e-9 * v[0]!)) gaps.push('a volume curve');
  if (plan.participationCap < 1) gaps.push(`a ${Math.round(plan.participationCap * 1000) / 10}% participation cap`);
  if (plan.model.kind === 'heston') gaps.push('stochastic volatility');
  if (plan.model.kind !== 'abm') gaps.push('a log-normal price');
  return gaps;
}

function staticPlan(plan: ExecutionPlan, name: string, target: Float64Array): StaticStrategyPlan {
  const capped = applyParticipationCap(target, plan.stepVolume, plan.participationCap);
  const done = completeSchedule(capped, plan.completion.rule);
  return {
    kind: 'static',
    name,
    type: 'schedule',
    unfilledShares: done.unfilledShares,
    cleanupShares: done.cleanupShares,
    costs: staticCosts(plan.impact, done.qty, plan.stepVolume, plan.s0, plan.side),
  };
}

/** Whether the optimiser runs for this plan, and why not when it does not. */
export function optimiserApplies(plan: ExecutionPlan): { applies: boolean; reason?: string } {
  if (plan.steps > OPTIMISER_MAX_STEPS) {
    return {
      applies: false,
      reason: `not computed: ${plan.steps} steps (the optimiser runs up to ${OPTIMISER_MAX_STEPS}; use a longer stepMinutes, or the optimal-static strategy)`,
    };
  }
  return { applies: true };
}

/**
 * A copy of the plan whose static strategies are, for each risk aversion of the grid, the AC schedule (index 2j) and,
 * when it applies, the optimiser's schedule for this market (index 2j + 1): expected cost exact under this market's
 * impact (concave, transient, spread, permanent) plus lambda times the AC variance, the cap and completion rule
 * applied after.
 */
export function frontierPlan(
  plan: ExecutionPlan,
  ac: AlmgrenChrissParameters,
  grid: number[],
  withOptimiser: boolean,
): ExecutionPlan {
  const notional = plan.orderShares * plan.s0;
  const strategies: StaticStrategyPlan[] = [];
  for (const lambda of grid) {
    const acQty = almgrenChrissSchedule(ac, lambda / notional);
    strategies.push(staticPlan(plan, `ac(${lambda})`, acQty));
    if (withOptimiser) {
      const best = optimalSchedule(
        {
          impact: plan.impact,
          stepVolume: plan.stepVolume,
          s0: plan.s0,
          side: plan.side,
          shares: plan.orderShares,
          lambdaPerCurrency: lambda / notional,
          sigmaPerSqrtDay: ac.sigmaPerSqrtDay,
          tauDays: plan.stepDays,
        },
        acQty,
        500,
      );
      strategies.push(staticPlan(plan, `optimal(${lambda})`, best.qty));
    }
  }
  const histogram = new Float64Array(2 * strategies.length);
  for (let j = 0; j < strategies.length; j++) {
    histogram[2 * j] = plan.histogram[0]!;
    histogram[2 * j + 1] = plan.histogram[1]!;
  }
  return { ...plan, strategies, histogram };
}
