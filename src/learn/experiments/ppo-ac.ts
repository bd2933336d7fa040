// Experiment ppo-ac: PPO in the Almgren-Chriss (2000) world (arithmetic Brownian price, linear impact), mean-variance
// objective E[cost] + lambda sigma^2 tau sum x_k^2. That objective's optimum is the AC schedule (a linear-quadratic
// control problem: the optimal control is deterministic), known exactly; PPO must come within 3%. It guards
// against the classic failure of PPO on execution: collapsing to "sell everything at once".
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import { parseTrainConfig, evaluationConfigOf, type TrainConfig } from '../train-config.js';
import { almgrenChrissMoments, almgrenChrissSchedule } from '../../strategies/almgren-chriss.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import { judgeBestStatic } from './best-static.js';
import type { SampleSummary } from '../objective-eval.js';
import { judgeSchedule, pairedSummary, trainAndJudge, type ExperimentOptions, type ExperimentRun } from './common.js';

/** The paper's example: 1e6 shares at 50, 5 daily steps, sigma 0.95 / sqrt(day), eta 2.5e-6, gamma 2.5e-7, lambda 1e-6. */
export const PAPER = {
  X: 1e6,
  S0: 50,
  N: 5,
  tau: 1,
  sigma: 0.95,
  epsilon: 0.0625,
  eta: 2.5e-6,
  gamma: 2.5e-7,
  lambda: 1e-6,
};

export function ppoAcConfig(quick: boolean): TrainConfig {
  return parseTrainConfig({
    name: 'ppo-ac',
    description:
      "PPO in the Almgren-Chriss (2000) worked example, mean-variance objective with the paper's lambda = 1e-6 per currency.",
    market: {
      model: { type: 'abm', s0: PAPER.S0, sigmaPerSqrtDay: PAPER.sigma },
      dailyVolume: 5e6,
      impact: { type: 'almgren-chriss', epsilon: PAPER.epsilon, eta: PAPER.eta, gamma: PAPER.gamma },
    },
    order: { side: 'sell', shares: PAPER.X, horizonDays: PAPER.N * PAPER.tau, steps: PAPER.N },
    objective: { type: 'mean-variance', riskAversionPerCurrency: PAPER.lambda },
    ppo: quick
      ? { iterations: 60, envs: 2048, minibatch: 2048, learningRate: 3e-3, seed: 3 }
      : { iterations: 200, envs: 4096, minibatch: 4096, learningRate: 3e-3, seed: 3 },
    evaluation: { paths: 100_000, seed: 20240601 },
  });
}

/**
 * The AC schedule in closed form, bps of the notional: its objective (E + lambda Var) / notional, eq. 7-8 of the paper,
 * and the standard deviation of its cost per path, sqrt(Var) / notional (the cost is linear in the Gaussian price
 * increments, so it is normal with that spread; the risk term lambda Var is the same on every path).
 */
export function acClosedForm(): { objectiveBps: number; costStdevBps: number } {
  const p = {
    shares: PAPER.X,
    steps: PAPER.N,
    tauDays: PAPER.tau,
    sigmaPerSqrtDay: PAPER.sigma,
    gamma: PAPER.gamma,
    eta: PAPER.eta,
    epsilon: PAPER.epsilon,
  };
  const { mean, variance } = almgrenChrissMoments(p, almgrenChrissSchedule(p, PAPER.lambda));
  const notional = PAPER.X * PAPER.S0;
  return {
    objectiveBps: (1e4 * (mean + PAPER.lambda * variance)) / notional,
    costStdevBps: (1e4 * Math.sqrt(variance)) / notional,
  };
}

/** Exact objective of the AC schedule, bps: (E + lambda Var) / notional, eq. 7-8 of the paper. */
export function acOptimumBps(): number {
  return acClosedForm().objectiveBps;
}

export interface PpoAcResult extends ExperimentRun {
  experiment: 'ppo-ac';
  quick: boolean;
  optimumObjective: number;
  /** The AC schedule by Monte Carlo on the same paths (checks the environment against the closed form). */
  acMonteCarloObjective: number;
  /** Its standard error, measured on the paths. */
  acMonteCarloStderr: number;
  /** The standard error it should have: the closed-form stdev of the cost per path / sqrt(paths). */
  acClosedFormStderr: number;
  ppoObjective: number;
  ppoStderr: number;
  /** 100 (PPO - AC schedule) / optimum on common paths: the sampling noise both share cancels. */
  gapToOptimumPct: number;
  /** 100 (PPO - optimum) / optimum with PPO's own Monte Carlo error (for reference). */
  rawGapToOptimumPct: number;
  /** PPO - AC on common paths. */
  pairedGap: { mean: number; stderr: number; ci95: [number, number] };
  twapObjective: number;
  /** The schedule optimiser's best static schedule on the same paths (here the AC optimum, found numerically). */
  bestStatic: SampleSummary & { fractions: number[] };
  ppoMinusBestStatic: SampleSummary & { pValue: number };
  beatsBestStatic: boolean;
}

export async function ppoAc(o: ExperimentOptions): Promise<PpoAcResult> {
  const config = ppoAcConfig(o.quick);
  const { judging, policy, ppo, envSteps, trainingSeconds } = await trainAndJudge(config, o);
  const plan = buildExecutionPlan(
    evaluationConfigOf(config, [{ type: 'twap' }, { type: 'almgren-chriss', riskAversionPerCurrency: PAPER.lambda }]),
  );
  const [twap, ac] = plan.strategies as [StaticStrategyPlan, StaticStrategyPlan];
  const { paths, seed } = config.evaluation;
  const acJudged = judgeSchedule(o.engine, judging, ac, paths, seed);
  const twapJudged = judgeSchedule(o.engine, judging, twap, paths, seed);
  const { objectiveBps: optimum, costStdevBps } = acClosedForm();
  const paired = pairedSummary(ppo.samples, acJudged.samples);
  const bestStatic = judgeBestStatic(o.engine, config, judging, ppo.samples);
  return {
    experiment: 'ppo-ac',
    quick: o.quick,
    optimumObjective: optimum,
    acMonteCarloObjective: acJudged.summary.mean,
    acMonteCarloStderr: acJudged.summary.stderr,
    acClosedFormStderr: costStdevBps / Math.sqrt(paths),
    ppoObjective: ppo.summary.mean,
    ppoStderr: ppo.summary.stderr,
    gapToOptimumPct: (100 * paired.mean) / optimum,
    rawGapToOptimumPct: (100 * (ppo.summary.mean - optimum)) / optimum,
    pairedGap: { mean: paired.mean, stderr: paired.stderr, ci95: paired.ci95 },
    twapObjective: twapJudged.summary.mean,
    bestStatic: { ...bestStatic.judged.summary, fractions: bestStatic.fractions },
    ppoMinusBestStatic: bestStatic.policyMinusBestStatic,
    beatsBestStatic: bestStatic.beatsBestStatic,
    paths,
    envSteps,
    trainingSeconds,
    policy,
  };
}
