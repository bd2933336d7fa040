// The baseline every learning claim is judged against: the optimal static schedule of the experiment's market and
// objective (strategies/optimal-static.ts), run as a schedule in the same environment on the same paths.
//
// Its optimiser minimises E[cost] + lambda sigma^2 tau sum x_k^2 with sigma at the arrival volatility; the judge is
// the environment's Monte Carlo of the experiment's objective (for Heston the risk term uses each path's current
// variance), so the schedule is optimal for the judged objective only up to that approximation: the report gives
// its Monte Carlo score, which is what PPO is compared with.
import type { Engine } from '../../engine/wasm/engine.js';
import type { EnvSpec } from '../../engine/env-spec.js';
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import type { SampleSummary } from '../objective-eval.js';
import { evaluationConfigOf, trainingObjective, type TrainConfig } from '../train-config.js';
import { judgeSchedule, pairedSummary, type Judged } from './common.js';

export interface BestStatic {
  judged: Judged;
  /** The schedule, fractions of the order per step. */
  fractions: number[];
  /** Policy - best static on common paths (negative: the policy is better), bps. */
  policyMinusBestStatic: SampleSummary & { pValue: number };
  /** True only when the paired 95% CI of policy - best static lies entirely below zero. */
  beatsBestStatic: boolean;
}

/** lambda per currency of a mean-variance objective (riskAversion is on IS / notional). */
function objectiveLambda(config: TrainConfig, notional: number): number {
  const o = trainingObjective(config);
  if (o.type !== 'mean-variance') return 0;
  return o.riskAversionPerCurrency ?? (o.riskAversion ?? 0) / notional;
}

export function judgeBestStatic(
  engine: Engine,
  config: TrainConfig,
  judging: EnvSpec,
  policySamples: Float64Array,
): BestStatic {
  const notional = config.order.shares * judging.s0;
  const plan = buildExecutionPlan(
    evaluationConfigOf(config, [
      { type: 'optimal-static', riskAversionPerCurrency: objectiveLambda(config, notional) },
    ]),
  );
  const s = plan.strategies[0] as StaticStrategyPlan;
  const judged = judgeSchedule(engine, judging, s, config.evaluation.paths, config.evaluation.seed);
  const paired = pairedSummary(policySamples, judged.samples);
  return {
    judged,
    fractions: Array.from(s.costs.qty, (n) => n / config.order.shares),
    policyMinusBestStatic: paired,
    beatsBestStatic: paired.ci95[1] < 0,
  };
}
