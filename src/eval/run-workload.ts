// Runs a canonical workload end to end and returns the figures `flowexec run` and the API report.
import type { Workload } from '../market/workload.js';
import type { SchemeName } from '../engine/layout.js';
import { planFromWorkload } from './plan.js';
import { simulate, type SimulateOptions } from './simulate.js';
import type { ShardExecutor } from './executor.js';
import { summarizeExecution, summarizePaths, type Estimate, type StrategySummary } from './summary.js';

export interface WorkloadRunOptions {
  paths?: number;
  steps?: number;
  seed: number;
  scheme: SchemeName;
  shardChunks?: number;
  onProgress?: SimulateOptions['onProgress'];
  signal?: AbortSignal;
  /** Wall clock in milliseconds (performance.now on every runtime). */
  now?: () => number;
}

export interface WorkloadRunResult extends Estimate {
  workload: string;
  kind: 'paths' | 'execution';
  paths: number;
  steps: number;
  seed: number;
  scheme: SchemeName;
  threads: number;
  unit: 'currency' | 'bps';
  pathStepsPerSec: number;
  wallSeconds: number;
  /** paths: control-variate estimate; execution: exact E[IS], attribution, tail risk. */
  cvMean?: number;
  cvStderr?: number;
  oracleMean?: number | null;
  attribution?: StrategySummary['attribution'];
  var95?: number;
  cvar95?: number;
}

export async function runWorkload(workload: Workload, options: WorkloadRunOptions, executor: ShardExecutor): Promise<WorkloadRunResult> {
  const now = options.now ?? (() => performance.now());
  const plan = planFromWorkload(workload, options);
  const started = now();
  const record = await simulate(plan, executor, { shardChunks: options.shardChunks, onProgress: options.onProgress, signal: options.signal });
  const wallSeconds = (now() - started) / 1000;
  const common = {
    workload: plan.workload, kind: plan.kind, paths: plan.paths, steps: plan.steps, seed: plan.seed, scheme: plan.scheme,
    threads: executor.threads, pathStepsPerSec: (plan.paths * plan.steps) / wallSeconds, wallSeconds,
  };
  if (plan.kind === 'paths') {
    const s = summarizePaths(plan, record);
    return { ...common, ...s };
  }
  const [s] = summarizeExecution(plan, record);
  const { name: _name, ...rest } = s!;
  return { ...common, ...rest };
}
