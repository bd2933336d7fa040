// What a shard's plan is built from (an evaluation config or a workload run), kept beside the plan so a shard can be
// sent to another process or machine as a small JSON document that rebuilds the very same plan there.
import type { EvaluationConfig } from './config.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import type { SchemeName } from './workload-plan.js';
import type { SimulationPlan } from './plan.js';

import type { NormalPrecision } from '../engine/model-params.js';

/** An evaluation (paths and seed written into the config): its main plan, or the Almgren-Chriss frontier plan. */
export interface EvaluationSource {
  kind: 'evaluation';
  config: EvaluationConfig;
  part: 'main' | 'frontier';
  /** Policy files of `policy` strategies by their `file` (trusted queues only: the API refuses policy strategies). */
  policies?: Record<string, PolicyFile>;
}

/** A workload run (the fields of POST /v1/simulations with a workload object). */
export interface WorkloadSource {
  kind: 'workload';
  workload: unknown;
  paths: number;
  steps?: number;
  seed: number;
  scheme: SchemeName;
  precision?: NormalPrecision;
}

export type ShardSource = EvaluationSource | WorkloadSource;

/** A parsed workload back in the form of its file (parseWorkload adds `kind`, which the file schema does not allow). */
export function workloadFile(workload: { kind: string }): unknown {
  const { kind: _kind, ...file } = workload;
  return file;
}

const sources = new WeakMap<SimulationPlan, ShardSource>();

/** Records where a plan comes from (runEvaluation and runWorkload do it), and returns the plan. */
export function withSource<P extends SimulationPlan>(plan: P, source: ShardSource): P {
  sources.set(plan, source);
  return plan;
}

/** The source a plan was built from, when it was recorded. */
export function sourceOf(plan: SimulationPlan): ShardSource | undefined {
  return sources.get(plan);
}
