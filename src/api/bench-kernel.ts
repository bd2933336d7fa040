// POST /v1/bench's work: one kernel on the canonical market, a warm-up then timed runs, in path-steps per second.
import type { ShardExecutor } from '../eval/executor.js';
import type { SimulationPlan } from '../eval/plan.js';
import { chunkCount } from '../eval/chunk.js';
import { simulate } from '../eval/simulate.js';
import { planFromWorkload, executionWorkloadConfig } from '../eval/workload-plan.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { parseWorkload, type ExecutionWorkload } from '../market/workload.js';
import { checkWork } from './work.js';
import type { BenchRequest } from './schemas.js';

export interface BenchRun {
  seconds: number;
  /** null when the clock did not move (workerd advances its clock only between I/O events). */
  pathStepsPerSec: number | null;
}

export interface BenchResult {
  kernel: BenchRequest['kernel'];
  scheme: BenchRequest['scheme'];
  paths: number;
  steps: number;
  threads: number;
  runs: BenchRun[];
  pathStepsPerSec: number | null;
}

function benchPlan(request: BenchRequest, catalog: Record<string, unknown>): SimulationPlan {
  const overrides = { paths: request.paths, steps: request.steps, seed: request.seed, scheme: request.scheme };
  if (request.kernel === 'heston-terminal') return planFromWorkload(parseWorkload(catalog['heston-paths']), overrides);
  const workload = parseWorkload(catalog['heston-execution']) as ExecutionWorkload;
  if (request.kernel === 'static-execution') return planFromWorkload(workload, overrides);
  const config = executionWorkloadConfig(workload, overrides);
  return buildExecutionPlan({ ...config, strategies: [{ type: 'adaptive-almgren-chriss' }] });
}

export async function runBench(
  request: BenchRequest,
  ctx: {
    executor: ShardExecutor;
    catalog: Record<string, unknown>;
    maxPathSteps: number;
    signal: AbortSignal;
    now: () => number;
  },
): Promise<BenchResult> {
  const plan = benchPlan(request, ctx.catalog);
  const pathSteps = plan.paths * plan.steps * (request.repeats + 1);
  checkWork('paths x steps x (repeats + 1 warm-up)', pathSteps, ctx.maxPathSteps, 'paths');
  // shards split evenly over the executor's threads, so a small run keeps every thread busy
  const options = { signal: ctx.signal, shardChunks: Math.ceil(chunkCount(plan) / ctx.executor.threads) };
  await simulate(plan, ctx.executor, options);
  const runs: BenchRun[] = [];
  for (let i = 0; i < request.repeats; i++) {
    const started = ctx.now();
    await simulate(plan, ctx.executor, options);
    const seconds = (ctx.now() - started) / 1000;
    runs.push({ seconds, pathStepsPerSec: seconds > 0 ? (plan.paths * plan.steps) / seconds : null });
  }
  const speeds = runs
    .map((r) => r.pathStepsPerSec)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  return {
    kernel: request.kernel,
    scheme: request.scheme,
    paths: plan.paths,
    steps: plan.steps,
    threads: ctx.executor.threads,
    runs,
    pathStepsPerSec: speeds.length ? speeds[Math.floor(speeds.length / 2)]! : null,
  };
}
