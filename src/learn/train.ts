// Training from a config: the environment of its market and objective, PPO, and the policy file it produces.
import type { Engine } from '../engine/wasm/engine.js';
import type { EnvSpec } from '../engine/env-spec.js';
import { OBJECTIVE_COST, OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD } from '../engine/env-layout.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { envSpecFor } from '../eval/closed-loop.js';
import type { ExecutionPlan } from '../eval/plan.js';
import { lambdaPerCurrency } from '../strategies/linearise.js';
import { policyFileOf, type PolicyFile } from '../strategies/policy-file.js';
import { trainPpo, type IterationLog } from './ppo.js';
import { historyColumns } from './training-history.js';
import type { GradientRunnerFactory } from './ppo-gradients.js';
import { evaluationConfigOf, trainingObjective, type TrainConfig } from './train-config.js';
import { terminalCostOf, type TerminalCost } from '../eval/closed-loop.js';

export interface TrainingEnvironment {
  plan: ExecutionPlan;
  /** The environment PPO trains in: the evaluation's market, order and completion rule. */
  training: EnvSpec;
  /** How policies are judged: the same environment (training and evaluation agree on completion). */
  judging: EnvSpec;
  /** What shares left at the horizon cost, bps (opportunity and penalty rules; 0 under cleanup, nothing is left). */
  terminalCostBps: TerminalCost;
}

export function trainingEnvironment(c: TrainConfig): TrainingEnvironment {
  const plan = buildExecutionPlan(evaluationConfigOf(c, [{ type: 'twap' }]), { paths: 1000, seed: c.evaluation.seed });
  const o = trainingObjective(c);
  const notional = plan.orderShares * plan.s0;
  const objective =
    o.type === 'cost'
      ? { objective: OBJECTIVE_COST }
      : o.type === 'mean-variance'
        ? { objective: OBJECTIVE_MEAN_VARIANCE, lambdaPerCurrency: lambdaPerCurrency(o, notional) }
        : { objective: OBJECTIVE_OPD, alpha: o.alpha };
  const spec = envSpecFor(plan, objective);
  return { plan, training: spec, judging: spec, terminalCostBps: terminalCostOf(plan) };
}

export interface TrainingResult {
  policy: PolicyFile;
  history: IterationLog[];
}

export async function trainFromConfig(
  c: TrainConfig,
  engine: Engine,
  options: {
    onIteration?: (log: IterationLog) => void;
    signal?: AbortSignal;
    createdAt?: string;
    gradients?: GradientRunnerFactory;
  } = {},
): Promise<TrainingResult> {
  const env = trainingEnvironment(c);
  const trained = await trainPpo({
    engine,
    spec: env.training,
    terminalCostBps: env.terminalCostBps,
    settings: c.ppo,
    onIteration: options.onIteration,
    signal: options.signal,
    gradients: options.gradients,
  });
  // the file is a function of the config and seed alone: no wall-clock figures (steps/s) in it
  const { stepsPerSec: _stepsPerSec, ...last } = trained.history[trained.history.length - 1]!;
  const policy = policyFileOf(
    c.name,
    trained.weights,
    trained.logStd,
    {
      market: c.market,
      order: c.order,
      objective: trainingObjective(c),
      riskAversion: c.evaluation.riskAversion,
      completion: c.evaluation.completion,
      completionThreshold: c.evaluation.completionThreshold,
      ...(c.evaluation.penaltyBpsPerShare !== undefined ? { penaltyBpsPerShare: c.evaluation.penaltyBpsPerShare } : {}),
    },
    {
      algorithm: 'ppo',
      settings: c.ppo,
      iterations: trained.history.length,
      envSteps: trained.envSteps,
      final: last,
      history: historyColumns(trained.history),
    },
    options.createdAt ?? new Date().toISOString(),
  );
  return { policy, history: trained.history };
}
