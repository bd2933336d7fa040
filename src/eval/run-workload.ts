// Runs a canonical workload end to end and returns the figures `flowexec run` and the API report.
import type { Workload } from '../market/workload.js';
import { planFromWorkload, type SchemeName } from './workload-plan.js';
import { simulate, type SimulateOptions } from './simulate.js';
import type { ShardExecutor } from './executor.js';
import { summarizeExecution, summarizePaths, type Estimate, type StrategySummary } from './summary.js';
import type { SimulationPlan } from './plan.js';
import type { NormalPrecision } from '../engine/model-params.js';
import { withSource, workloadFile } from './shard-source.js';

export interface WorkloadRunOptions {
  paths?: number;
  steps?: number;
  seed: number;
  scheme: SchemeName;
  /** The normals' precision (default: the workload's, else f64). */
  precision?: NormalPrecision;
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
  precision: NormalPrecision;
  threads: number;
  unit: 'currency' | 'bps';
  pathStepsPerSec: number;
  wallSeconds: number;
  /** paths: control-variate estimate; execution: exact E[IS], attribution, tail risk. */
  cvMean?: number;
  cvStderr?: number;
  oracleMean?: number | null;
  attribution?: StrategySummary['attribution'];
  histogramBinWidthBps?: number;
  var95?: number;
  cvar95?: number;
}

export async function runWorkload(
  workload: Workload,
  options: WorkloadRunOptions,
  executor: ShardExecutor,
): Promise<WorkloadRunResult> {
  const now = options.now ?? (() => performance.now());
  const precision = options.precision ?? workload.precision ?? 'f64';
  const plan: SimulationPlan = planFromWorkload(workload, { ...options, precision });
  withSource(plan, {
    kind: 'workload',
    workload: workloadFile(workload),
    paths: plan.paths,
    ...(options.steps !== undefined ? { steps: options.steps } : {}),
    seed: plan.seed,
    scheme: options.scheme,
    precision,
  });
  const started = now();
  const record = await simulate(plan, executor, {
    shardChunks: options.shardChunks,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const wallSeconds = (now() - started) / 1000;
  const common = {
    workload: plan.label,
    kind: plan.kind,
    paths: plan.paths,
    steps: plan.steps,
    seed: plan.seed,
    threads: executor.threads,
    pathStepsPerSec: (plan.paths * plan.steps) / wallSeconds,
    wallSeconds,
    scheme: options.scheme,
    precision,
  };
  if (plan.kind === 'paths') {
    const s = summarizePaths(plan, record);
    return { ...common, ...s };
  }
  const s = summarizeExecution(plan, record).strategies[0]!;
  return {
    ...common,
    unit: 'bps',
    mean: s.mean,
    stderr: s.stderr,
    std: s.std,
    ci95: s.ci95,
    min: s.min,
    max: s.max,
    oracleMean: s.oracleMean,
    attribution: s.attribution,
    var95: s.var95,
    cvar95: s.cvar95,
    histogramBinWidthBps: s.histogramBinWidthBps,
  };
}
