// POST /v1/simulations' work: a bounded workload run or a bounded market + schedule evaluation, on the app's executor.
import type { ShardExecutor } from '../eval/executor.js';
import { simulateOn } from '../library/simulate.js';
import { evaluateOn } from '../library/evaluate.js';
import type { SimulationResult, EvaluationReport } from '../library/results.js';
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
export async function runSimulation(
  input: unknown,
  ctx: SimulationContext,
): Promise<SimulationResult | EvaluationReport> {
  const body = requireObject(input);
  if (simulationKind(body) === 'config') {
    const { config } = evaluationWork(body, ctx.maxPathSteps);
    return evaluateOn(ctx.executor, config, { signal: ctx.signal, now: ctx.now }, new Map());
  }
  const { request, workload } = workloadWork(parseWith(workloadSimulationSchema, body), ctx.catalog, ctx.maxPathSteps);
  return simulateOn(ctx.executor, workload, {
    paths: request.paths,
    steps: request.steps,
    seed: request.seed,
    scheme: request.scheme,
    precision: request.precision,
    signal: ctx.signal,
    now: ctx.now,
  });
}
