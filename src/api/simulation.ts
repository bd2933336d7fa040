// POST /v1/simulations' work: a bounded workload or market + schedule run by the library's simulate / evaluate.
import type { ShardExecutor } from '../eval/executor.js';
import { simulate } from '../library/simulate.js';
import { evaluate } from '../library/evaluate.js';
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
    return evaluate(config, { executor: ctx.executor, signal: ctx.signal, now: ctx.now });
  }
  const { request, workload } = workloadWork(parseWith(workloadSimulationSchema, body), ctx.catalog, ctx.maxPathSteps);
  return simulate(workload, {
    executor: ctx.executor,
    paths: request.paths,
    steps: request.steps,
    seed: request.seed,
    scheme: request.scheme,
    precision: request.precision,
    signal: ctx.signal,
    now: ctx.now,
  });
}
