// From a request body to bounded work: validation with the field named, the API's own rules, and the work caps.
import { parseEvaluationConfig, orderGrid, type EvaluationConfig } from '../eval/config.js';
import { parseWorkload, type Workload } from '../market/workload.js';
import { InputError } from '../errors/input-error.js';
import { ApiError } from './errors.js';
import { requireObject } from './body.js';
import { workloadSimulationSchema, type WorkloadSimulation } from './schemas.js';

/** 422 naming `field` when `what` (pathSteps) exceeds the server's limit. */
export function checkWork(what: string, pathSteps: number, limit: number, field: string): void {
  if (!(pathSteps <= limit)) {
    throw new ApiError(
      422,
      'work_limit',
      `${field}: ${what} is ${pathSteps.toExponential(3)} path-steps, more than this server's limit of ${limit.toExponential(3)}`,
      field,
    );
  }
}

/** A config of `flowexec evaluate`, with its work (paths x steps x (strategies + frontier points)) capped. */
export function evaluationWork(input: unknown, limit: number): { config: EvaluationConfig; pathSteps: number } {
  const config = parseEvaluationConfig(requireObject(input));
  config.strategies.forEach((s, i) => {
    // a policy strategy names a file: no request may choose a path on the server
    if (s.type === 'policy')
      throw new InputError(
        `strategies.${i}.type: "policy" (a file on the server) is not accepted over HTTP`,
        `strategies.${i}.type`,
      );
  });
  const runs = config.strategies.length + (config.evaluation.frontier?.length ?? 0);
  const pathSteps = config.evaluation.paths * orderGrid(config.order).steps * runs;
  checkWork('paths x steps x (strategies + frontier points)', pathSteps, limit, 'evaluation.paths');
  return { config, pathSteps };
}

export interface WorkloadWork {
  request: WorkloadSimulation;
  workload: Workload;
}

/** A workload simulation (canonical by name, or inline), with paths x steps capped. */
export function workloadWork(input: WorkloadSimulation, catalog: Record<string, unknown>, limit: number): WorkloadWork {
  const request = input;
  const workload =
    typeof request.workload === 'string'
      ? parseWorkload(catalog[request.workload])
      : parseWorkload(request.workload, 'workload');
  if (request.scheme === 'qe' && workload.heston.xi === 0)
    throw new InputError('scheme: "qe" needs workload heston.xi > 0', 'scheme');
  const steps = request.steps ?? workload.steps;
  checkWork('paths x steps', request.paths * steps, limit, 'paths');
  return { request, workload };
}

/** POST /v1/simulations takes a workload ({"workload": ...}) or a market + schedule (an evaluate config). */
export function simulationKind(body: Record<string, unknown>): 'workload' | 'config' {
  if ('workload' in body) return 'workload';
  if ('market' in body || 'order' in body || 'strategies' in body) return 'config';
  throw new InputError(
    'body: must have "workload" (a canonical workload) or "market", "order" and "strategies" (a market + schedule)',
    'body',
  );
}
