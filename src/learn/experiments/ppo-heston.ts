// Experiment ppo-heston: PPO under Heston with concave temporary and transient impact and a mean-variance objective
// (the risk term uses each path's current variance), against TWAP and the best static Almgren-Chriss schedule of a
// risk-aversion grid and the optimal static schedule (best-static.ts), on the same objective and the same 1e5 paths:
// paired 95% CIs decide "beats".
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import { parseTrainConfig, evaluationConfigOf, type TrainConfig } from '../train-config.js';
import { judgeSchedule, pairedSummary, trainAndJudge, type ExperimentOptions, type ExperimentRun } from './common.js';
import type { SampleSummary } from '../objective-eval.js';
import { judgeBestStatic } from './best-static.js';

export const RISK_AVERSION = 100;
export const AC_GRID = [0, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800];

export function ppoHestonConfig(quick: boolean): TrainConfig {
  return parseTrainConfig({
    name: 'ppo-heston',
    description:
      'Sell 10% of daily volume over a day in 15-minute steps under Heston (vol of vol 0.6) with concave temporary, permanent and transient impact; mean-variance objective with the current variance.',
    market: {
      model: { type: 'heston', s0: 100, v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.6, rho: -0.7, scheme: 'euler' },
      dailyVolume: 2e7,
      volumeCurve: { type: 'u-shape' },
      // the experiment's original market restated in daily-volatility units (sigma_d = 0.2 / sqrt(252) at arrival):
      // the same temporary and permanent magnitudes, the transient impulse per share of the day's volume rate, a
      // 30-minute half-life; new here: the self-impact term and impact that moves with the path's variance
      impact: {
        temporary: { eta: 0.8, beta: 0.6 },
        permanent: { gamma: 4 },
        transient: { kernel: 'exponential', amplitude: 0.8, halfLifeMinutes: 30 },
        spread: { halfSpreadBps: 0.5 },
      },
    },
    order: { side: 'sell', shares: 2e6, horizonMinutes: 390, stepMinutes: 15 },
    objective: { type: 'mean-variance', riskAversion: RISK_AVERSION },
    // the best static schedules sell up to ~17 times TWAP's rate at the start: give the policy room for it
    ppo: quick
      ? { iterations: 40, envs: 1024, minibatch: 2048, learningRate: 2e-3, seed: 5, actionScale: 20 }
      : { iterations: 300, envs: 2048, minibatch: 4096, learningRate: 1e-3, seed: 5, actionScale: 20 },
    evaluation: { paths: 100_000, seed: 20240601 },
  });
}

/** PPO - the other strategy on common paths (negative: PPO is better), bps, with the p-value of "no difference". */
export interface Comparison extends SampleSummary {
  pValue: number;
}

export interface PpoHestonResult extends ExperimentRun {
  experiment: 'ppo-heston';
  quick: boolean;
  riskAversion: number;
  ppo: SampleSummary;
  twap: SampleSummary;
  bestAc: SampleSummary & { riskAversion: number };
  acGrid: Array<{ riskAversion: number; objective: number; stderr: number }>;
  ppoMinusTwap: Comparison;
  ppoMinusBestAc: Comparison;
  /** True only when the paired 95% CI of PPO - other lies entirely below zero. */
  beatsTwap: boolean;
  beatsBestAc: boolean;
  /** The optimal static schedule of this market and objective on the same paths: the baseline for "beats static". */
  bestStatic: SampleSummary & { fractions: number[] };
  ppoMinusBestStatic: Comparison;
  beatsBestStatic: boolean;
}

export async function ppoHeston(o: ExperimentOptions): Promise<PpoHestonResult> {
  const config = ppoHestonConfig(o.quick);
  const { judging, policy, ppo, envSteps, trainingSeconds } = await trainAndJudge(config, o);
  const strategies = [
    { type: 'twap' as const },
    ...AC_GRID.map((riskAversion) => ({ type: 'almgren-chriss' as const, name: `ac-${riskAversion}`, riskAversion })),
  ];
  const plan = buildExecutionPlan(evaluationConfigOf(config, strategies));
  const { paths, seed } = config.evaluation;
  const judged = plan.strategies.map((s) => judgeSchedule(o.engine, judging, s as StaticStrategyPlan, paths, seed));
  const twap = judged[0]!;
  const ac = judged.slice(1);
  const bestIndex = ac.reduce((best, j, i) => (j.summary.mean < ac[best]!.summary.mean ? i : best), 0);
  const best = ac[bestIndex]!;
  const vsTwap = pairedSummary(ppo.samples, twap.samples),
    vsAc = pairedSummary(ppo.samples, best.samples);
  const bestStatic = judgeBestStatic(o.engine, config, judging, ppo.samples);
  return {
    experiment: 'ppo-heston',
    quick: o.quick,
    riskAversion: RISK_AVERSION,
    ppo: ppo.summary,
    twap: twap.summary,
    bestAc: { ...best.summary, riskAversion: AC_GRID[bestIndex]! },
    acGrid: ac.map((j, i) => ({ riskAversion: AC_GRID[i]!, objective: j.summary.mean, stderr: j.summary.stderr })),
    ppoMinusTwap: vsTwap,
    ppoMinusBestAc: vsAc,
    beatsTwap: vsTwap.ci95[1] < 0,
    beatsBestAc: vsAc.ci95[1] < 0,
    bestStatic: { ...bestStatic.judged.summary, fractions: bestStatic.fractions },
    ppoMinusBestStatic: bestStatic.policyMinusBestStatic,
    beatsBestStatic: bestStatic.beatsBestStatic,
    paths,
    envSteps,
    trainingSeconds,
    policy,
  };
}
