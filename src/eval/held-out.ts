// The held-out comparison a trained policy ends with (what `experiment` prints): the policy against TWAP and the best
// static Almgren-Chriss schedule of a risk-aversion grid, on common paths of the evaluation seed, with paired CIs.
import type { ShardExecutor } from './executor.js';
import type { EvaluationConfig } from './config.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import { buildExecutionPlan } from './execution-plan.js';
import { simulate } from './simulate.js';
import { summarizeExecution, pairedDifference, type StrategySummary, type PairedDifference } from './summary.js';

export interface HeldOutComparison {
  paths: number;
  seed: number;
  riskAversion: number;
  completionRule: EvaluationConfig['evaluation']['completion'];
  policy: StrategySummary;
  twap: StrategySummary;
  /** The AC schedule of the grid with the lowest score (mean + riskAversion var 1e-4). */
  bestAc: StrategySummary & { acRiskAversion: number };
  /** Every strategy run, ranked as evaluate ranks them. */
  strategies: StrategySummary[];
  /** Policy - other, IS on common paths (negative: the policy is cheaper), bps. */
  policyMinusTwap: PairedDifference;
  policyMinusBestAc: PairedDifference;
  /** Policy score - other score, bps, with a conservative (unpaired) standard error of the difference. */
  scoreVsTwap: { difference: number; stderr: number };
  scoreVsBestAc: { difference: number; stderr: number };
  /** The policy completes and its score is below the other's by more than 1.96 standard errors of the difference. */
  beatsTwap: boolean;
  beatsBestAc: boolean;
}

/** Risk aversions of the AC baselines: the frontier's when given, else around the evaluation's. */
export function acGrid(e: EvaluationConfig['evaluation']): number[] {
  const grid = e.frontier?.length ? e.frontier : [0, e.riskAversion / 4, e.riskAversion, 4 * e.riskAversion];
  return [...new Set(grid)].sort((a, b) => a - b);
}

export async function heldOutComparison(
  config: EvaluationConfig,
  policy: PolicyFile,
  executor: ShardExecutor,
  onProgress?: (done: number, total: number) => void,
): Promise<HeldOutComparison> {
  const grid = acGrid(config.evaluation);
  const strategies: EvaluationConfig['strategies'] = [
    { type: 'policy', file: 'trained-policy', name: 'policy' },
    { type: 'twap' },
    ...grid.map((riskAversion) => ({ type: 'almgren-chriss' as const, name: `ac(${riskAversion})`, riskAversion })),
  ];
  const evaluation = { ...config, strategies, evaluation: { ...config.evaluation, frontier: undefined } };
  const plan = buildExecutionPlan(evaluation, { policies: new Map([['trained-policy', policy]]) });
  const record = await simulate(plan, executor, { onProgress });
  const summary = summarizeExecution(plan, record);
  const at = (name: string) => plan.strategies.findIndex((s) => s.name === name);
  const s = (name: string) => summary.strategies[at(name)]!;
  const acIndex = grid
    .map((_, i) => i)
    .reduce((best, i) => (s(`ac(${grid[i]})`).score < s(`ac(${grid[best]})`).score ? i : best), 0);
  const bestAcName = `ac(${grid[acIndex]})`;
  const vsTwap = pairedDifference(plan, record, at('policy'), at('twap'));
  const vsAc = pairedDifference(plan, record, at('policy'), at(bestAcName));
  // SE of a score: the mean's, and the variance's (normal approximation: Var[s^2] = 2 sigma^4 / n), unpaired
  const scoreSe = (x: StrategySummary) =>
    Math.hypot(x.stderr, plan.riskAversion * 1e-4 * x.std * x.std * Math.sqrt(2 / plan.paths));
  const versus = (other: StrategySummary) => ({
    difference: s('policy').score - other.score,
    stderr: Math.hypot(scoreSe(s('policy')), scoreSe(other)),
  });
  const beats = (v: { difference: number; stderr: number }) =>
    !s('policy').incomplete && v.difference < -1.959963984540054 * v.stderr;
  const scoreVsTwap = versus(s('twap')),
    scoreVsBestAc = versus(s(bestAcName));
  return {
    paths: plan.paths,
    seed: plan.seed,
    riskAversion: plan.riskAversion,
    completionRule: plan.completion.rule,
    policy: s('policy'),
    twap: s('twap'),
    bestAc: { ...s(bestAcName), acRiskAversion: grid[acIndex]! },
    strategies: summary.ranking.map((name) => s(name)),
    policyMinusTwap: vsTwap,
    policyMinusBestAc: vsAc,
    scoreVsTwap,
    scoreVsBestAc,
    beatsTwap: beats(scoreVsTwap),
    beatsBestAc: beats(scoreVsBestAc),
  };
}
