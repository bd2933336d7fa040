// POST /v1/simulations' work: a bounded workload run or a bounded market + schedule evaluation, on the app's executor.
import type { ShardExecutor } from '../eval/executor.js';
import { runWorkload, type WorkloadRunResult } from '../eval/run-workload.js';
import { runEvaluation, type EvaluationResult } from '../eval/evaluate.js';
import { requireObject } from './body.js';
import { evaluationWork, simulationKind, workloadWork } from './work.js';
import { parseWith } from '../errors/zod-errors.js';
import { workloadSimulationSchema } from './schemas.js';

export interface SimulationContext {
  executor: ShardExecutor;
  catalog: Record<string, unknown>;
  maxPathSteps: number;
  signal: AbortSignal;
  now: () => number;
}

/** Validates (422 naming the field), caps the work, runs it; throws on cancellation (deadline or client gone). */
export async function runSimulation(input: unknown, ctx: SimulationContext): Promise<WorkloadRunResult | EvaluationResult> {
  const body = requireObject(input);
  if (simulationKind(body) === 'config') {
    const { config } = evaluationWork(body, ctx.maxPathSteps);
    return runEvaluation(config, ctx.executor, { signal: ctx.signal, now: ctx.now });
  }
  const { request, workload } = workloadWork(parseWith(workloadSimulationSchema, body), ctx.catalog, ctx.maxPathSteps);
  return runWorkload(workload, {
    paths: request.paths, steps: request.steps, seed: request.seed, scheme: request.scheme, precision: request.precision, signal: ctx.signal, now: ctx.now,
  }, ctx.executor);
}
