// flowexec evaluate's core: every strategy of a config on common paths, summarised, with the AC frontier.
import type { ShardExecutor } from './executor.js';
import { simulate, type SimulateOptions } from './simulate.js';
import { buildExecutionPlan } from './execution-plan.js';
import type { EvaluationConfig } from './config.js';
import type { ExecutionPlan, StaticStrategyPlan } from './plan.js';
import { summarizeExecution, type ExecutionSummary } from './summary.js';
import { almgrenChrissMoments } from '../strategies/almgren-chriss.js';
import { frontierPlan, acModelGaps, optimiserApplies } from './frontier.js';
import { linearisedParameters } from '../strategies/linearise.js';
import { initialVolatility } from '../engine/model-params.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import { squareRootCheck, type SquareRootCheck } from './square-root-check.js';
import { inventoryTrajectories, type InventoryTrajectories } from './inventory.js';
import { withSource, type EvaluationSource } from './shard-source.js';

export interface EvaluateOptions {
  paths?: number;
  seed?: number;
  policies?: ReadonlyMap<string, PolicyFile>;
  onProgress?: SimulateOptions['onProgress'];
  /** Chunks per shard (default DEFAULT_SHARD_CHUNKS); the result does not depend on it. */
  shardChunks?: number;
  signal?: AbortSignal;
  /** Wall clock in milliseconds. */
  now?: () => number;
  /** Report each strategy's expected trade and inventory per step (`--schedules`). */
  schedules?: boolean;
}

/** A strategy's expected trade and inventory after each step, shares (static schedules: exact; closed loop: null). */
export interface StrategySchedule {
  name: string;
  kind: 'static' | 'closed-loop';
  tradeShares: number[] | null;
  inventoryShares: number[] | null;
  note?: string;
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
  /** The linearised Almgren-Chriss model's closed form for its schedule (exact only in the AC world), bps. */
  analyticMean: number;
  analyticStd: number;
  /** The same schedule simulated in this market (the configured one), on the evaluation's paths. */
  monteCarloMean: number;
  monteCarloStderr: number;
  monteCarloStd: number;
  /** Its score in this market: mean + riskAversion var 1e-4 (bps). */
  monteCarloScore: number;
  /**
   * The schedule optimiser's best static schedule for this market at this risk aversion (exact expected cost under
   * this market's impact + lambda x the AC variance), simulated on the same paths; null where it is not run.
   */
  optimal: {
    monteCarloMean: number;
    monteCarloStderr: number;
    monteCarloStd: number;
    monteCarloScore: number;
    completion: number;
  } | null;
}

export interface FrontierInfo {
  /** What this market has that the linearised AC model lacks (empty: the AC world, where the closed form is exact). */
  acModelGaps: string[];
  /** Why the optimiser's column is empty, when it is. */
  optimiserNote: string | null;
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
  /** The order's impact against the square-root law, with a warning when far above it. */
  squareRootLaw: SquareRootCheck;
  frontierInfo?: FrontierInfo;
  /**
   * What makes this market path-dependent (impact at the path's volatility, seasonality, stochastic volume), so
   * every strategy ran in the batched environment; null when the static kernel priced the static schedules exactly.
   */
  pathMarket: string[] | null;
  /** Expected inventory of each strategy over the horizon (charts and the assistant's plan). */
  inventory: InventoryTrajectories;
  schedules?: StrategySchedule[];
}

/** The frontier's AC parameters and plan of an evaluation's main plan (also rebuilt by shards on other machines). */
export function frontierOf(plan: ExecutionPlan, grid: number[]) {
  const ac = linearisedParameters(
    plan.impact,
    plan.s0,
    initialVolatility(plan.model),
    plan.orderShares,
    plan.steps,
    plan.stepDays,
  );
  const optimiser = optimiserApplies(plan);
  return { ac, optimiser, plan: frontierPlan(plan, ac, grid, optimiser.applies) };
}

/** Paths an evaluation simulates: its paths, twice when a frontier is asked for (the progress bar's total). */
export function evaluationTotalPaths(config: EvaluationConfig, paths = config.evaluation.paths): number {
  return paths * ((config.evaluation.frontier?.length ?? 0) > 0 ? 2 : 1);
}

export async function runEvaluation(
  config: EvaluationConfig,
  executor: ShardExecutor,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const now = options.now ?? (() => performance.now());
  const plan = buildExecutionPlan(config, { paths: options.paths, seed: options.seed, policies: options.policies });
  const source: EvaluationSource = {
    kind: 'evaluation',
    config: { ...config, evaluation: { ...config.evaluation, paths: plan.paths, seed: plan.seed } },
    part: 'main',
    ...(options.policies?.size ? { policies: Object.fromEntries(options.policies) } : {}),
  };
  withSource(plan, source);
  const grid = config.evaluation.frontier ?? [];
  const totalPaths = evaluationTotalPaths(config, plan.paths);
  const started = now();
  const record = await simulate(plan, executor, {
    shardChunks: options.shardChunks,
    onProgress: (done) => options.onProgress?.(done, totalPaths),
    signal: options.signal,
  });
  const summary = summarizeExecution(plan, record);
  let frontier: FrontierPoint[] | undefined;
  let frontierInfo: FrontierInfo | undefined;
  if (grid.length > 0) {
    const { ac, optimiser, plan: fp } = frontierOf(plan, grid);
    const per = optimiser.applies ? 2 : 1;
    withSource(fp, { ...source, part: 'frontier' });
    const frontierRecord = await simulate(fp, executor, {
      shardChunks: options.shardChunks,
      onProgress: (done) => options.onProgress?.(plan.paths + done, totalPaths),
      signal: options.signal,
    });
    const simulated = summarizeExecution(fp, frontierRecord).strategies; // in fp.strategies' order
    const toBps = 1e4 / (plan.orderShares * plan.s0);
    const score = (mean: number, std: number, lambda: number) => mean + lambda * std * std * 1e-4;
    frontier = grid.map((riskAversion, j) => {
      const moments = almgrenChrissMoments(ac, (fp.strategies[per * j] as StaticStrategyPlan).costs.qty);
      const s = simulated[per * j]!,
        o = optimiser.applies ? simulated[per * j + 1]! : undefined;
      return {
        riskAversion,
        analyticMean: moments.mean * toBps,
        analyticStd: Math.sqrt(moments.variance) * toBps,
        monteCarloMean: s.mean,
        monteCarloStderr: s.stderr,
        monteCarloStd: s.std,
        monteCarloScore: score(s.mean, s.std, riskAversion),
        optimal: o
          ? {
              monteCarloMean: o.mean,
              monteCarloStderr: o.stderr,
              monteCarloStd: o.std,
              monteCarloScore: score(o.mean, o.std, riskAversion),
              completion: o.completion,
            }
          : null,
      };
    });
    frontierInfo = { acModelGaps: acModelGaps(plan), optimiserNote: optimiser.reason ?? null };
  }
  const wallSeconds = (now() - started) / 1000;
  const schedules = options.schedules
    ? plan.strategies.map((s): StrategySchedule => {
        if (s.kind !== 'static')
          return {
            name: s.name,
            kind: s.kind,
            tradeShares: null,
            inventoryShares: null,
            note: 'path-dependent: each path trades its own schedule',
          };
        let left = plan.orderShares;
        const trade = Array.from(s.costs.qty);
        return {
          name: s.name,
          kind: s.kind,
          tradeShares: trade,
          inventoryShares: trade.map((n) => {
            left -= n;
            return Math.abs(left) < 1e-9 * plan.orderShares ? 0 : left;
          }),
        };
      })
    : undefined;
  return {
    name: config.name,
    paths: plan.paths,
    steps: plan.steps,
    seed: plan.seed,
    threads: executor.threads,
    wallSeconds,
    pathStepsPerSec: (totalPaths * plan.steps) / wallSeconds,
    notional: plan.orderShares * plan.s0,
    riskAversion: plan.riskAversion,
    transientKernelError: plan.impact.kernel.maxRelativeError,
    ...summary,
    ...(frontier ? { frontier, frontierInfo } : {}),
    ...(schedules ? { schedules } : {}),
    squareRootLaw: squareRootCheck(plan, config.market.dailyVolume),
    pathMarket: plan.pathMarket?.features ?? null,
    inventory: inventoryTrajectories(plan, plan.stepDays * 390),
  };
}
