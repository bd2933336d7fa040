// flowexec evaluate's core: every strategy of a config on common paths, summarised, with the AC frontier.
import type { ShardExecutor } from './executor.js';
import { simulate, type SimulateOptions } from './simulate.js';
import { buildExecutionPlan } from './execution-plan.js';
import type { EvaluationConfig } from './config.js';
import type { ExecutionPlan, StaticStrategyPlan } from './plan.js';
import { summarizeExecution, type ExecutionSummary } from './summary.js';
import { almgrenChrissSchedule, almgrenChrissMoments, type AlmgrenChrissParameters } from '../strategies/almgren-chriss.js';
import { linearisedParameters } from '../strategies/linearise.js';
import { applyParticipationCap } from '../strategies/participation.js';
import { staticCosts } from '../market/static-costs.js';
import { initialVolatility } from '../engine/model-params.js';
import type { PolicyFile } from '../strategies/policy-file.js';

export interface EvaluateOptions {
  paths?: number;
  seed?: number;
  policies?: ReadonlyMap<string, PolicyFile>;
  onProgress?: SimulateOptions['onProgress'];
  signal?: AbortSignal;
  /** Wall clock in milliseconds. */
  now?: () => number;
}

/**
 * A point of the Almgren-Chriss efficient frontier: the closed form beside the same schedule simulated in the
 * configured market on the evaluation's paths.
 *
 * @example
 * ```ts
 * for (const p of report.frontier ?? []) console.log(p.riskAversion, p.analyticMean, p.monteCarloMean);
 * ```
 */
export interface FrontierPoint {
  riskAversion: number;
  /** Almgren-Chriss closed form (exact in the AC world, a linearisation elsewhere), bps. */
  analyticMean: number;
  analyticStd: number;
  /** The same schedule simulated in the configured market, on the evaluation's paths. */
  monteCarloMean: number;
  monteCarloStderr: number;
  monteCarloStd: number;
}

export interface EvaluationResult extends ExecutionSummary {
  name: string;
  paths: number;
  steps: number;
  seed: number;
  threads: number;
  wallSeconds: number;
  pathStepsPerSec: number;
  /** Scale of the report: bps of the arrival notional. */
  notional: number;
  riskAversion: number;
  /** Max relative error of the transient kernel's sum-of-exponentials fit over the horizon (0: exact). */
  transientKernelError: number;
  frontier?: FrontierPoint[];
}

/** The AC schedules (parameters ac) of a risk-aversion grid as static strategies of a copy of the plan. */
function frontierPlan(plan: ExecutionPlan, ac: AlmgrenChrissParameters, grid: number[]): ExecutionPlan {
  const notional = plan.orderShares * plan.s0;
  const strategies: StaticStrategyPlan[] = grid.map((lambda) => {
    const capped = applyParticipationCap(almgrenChrissSchedule(ac, lambda / notional), plan.stepVolume, plan.participationCap);
    return { kind: 'static', name: `ac(${lambda})`, type: 'almgren-chriss', unfilledShares: capped.unfilledShares,
      costs: staticCosts(plan.impact, capped.qty, plan.stepVolume, plan.s0, plan.side) };
  });
  const histogram = new Float64Array(2 * grid.length);
  for (let j = 0; j < grid.length; j++) { histogram[2 * j] = plan.histogram[0]!; histogram[2 * j + 1] = plan.histogram[1]!; }
  return { ...plan, strategies, histogram };
}

/** Paths an evaluation simulates: its paths, twice when a frontier is asked for (the progress bar's total). */
export function evaluationTotalPaths(config: EvaluationConfig, paths = config.evaluation.paths): number {
  return paths * ((config.evaluation.frontier?.length ?? 0) > 0 ? 2 : 1);
}

export async function runEvaluation(config: EvaluationConfig, executor: ShardExecutor, options: EvaluateOptions = {}): Promise<EvaluationResult> {
  const now = options.now ?? (() => performance.now());
  const plan = buildExecutionPlan(config, { paths: options.paths, seed: options.seed, policies: options.policies });
  const grid = config.evaluation.frontier ?? [];
  const totalPaths = evaluationTotalPaths(config, plan.paths);
  const started = now();
  const record = await simulate(plan, executor, { onProgress: (done) => options.onProgress?.(done, totalPaths), signal: options.signal });
  const summary = summarizeExecution(plan, record);
  let frontier: FrontierPoint[] | undefined;
  if (grid.length > 0) {
    const ac = linearisedParameters(plan.impact, plan.s0, initialVolatility(plan.model), plan.orderShares, plan.steps, plan.stepDays);
    const fp = frontierPlan(plan, ac, grid);
    const frontierRecord = await simulate(fp, executor, { onProgress: (done) => options.onProgress?.(plan.paths + done, totalPaths), signal: options.signal });
    const simulated = summarizeExecution(fp, frontierRecord).strategies; // in fp.strategies' order
    const toBps = 1e4 / (plan.orderShares * plan.s0);
    frontier = grid.map((riskAversion, j) => {
      const moments = almgrenChrissMoments(ac, (fp.strategies[j] as StaticStrategyPlan).costs.qty);
      const s = simulated[j]!;
      return { riskAversion, analyticMean: moments.mean * toBps, analyticStd: Math.sqrt(moments.variance) * toBps,
        monteCarloMean: s.mean, monteCarloStderr: s.stderr, monteCarloStd: s.std };
    });
  }
  const wallSeconds = (now() - started) / 1000;
  return {
    name: config.name, paths: plan.paths, steps: plan.steps, seed: plan.seed, threads: executor.threads, wallSeconds,
    pathStepsPerSec: (totalPaths * plan.steps) / wallSeconds, notional: plan.orderShares * plan.s0,
    riskAversion: plan.riskAversion, transientKernelError: plan.impact.kernel.maxRelativeError, ...summary, ...(frontier ? { frontier } : {}),
  };
}
