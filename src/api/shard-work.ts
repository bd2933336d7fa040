// POST /v1/shards' work: the request validated (the evaluate config and workload schemas), the plan rebuilt and
// fingerprinted, the chunk range and the shard's work checked against this server's limit.
import { parseEvaluationConfig } from '../eval/config.js';
import { CHUNK_PATHS, type SimulationPlan } from '../eval/plan.js';
import { workloadFile, type ShardSource } from '../eval/shard-source.js';
import { checkRange, type PlanCache, type ShardTask } from '../eval/shard-task.js';
import { InputError } from '../errors/input-error.js';
import { parseWith } from '../errors/zod-errors.js';
import { requireObject } from './body.js';
import { shardRequestSchema } from './schemas.js';
import { checkWork, workloadWork } from './work.js';

export function shardWork(
  input: unknown,
  catalog: Record<string, unknown>,
  plans: PlanCache,
  limit: number,
): { task: ShardTask; plan: SimulationPlan } {
  const request = parseWith(shardRequestSchema, requireObject(input));
  if ((request.evaluation === undefined) === (request.simulation === undefined)) {
    throw new InputError(
      'body: give exactly one of "evaluation" (an evaluate config) and "simulation" (a workload run)',
      'body',
    );
  }
  let source: ShardSource;
  if (request.evaluation) {
    const config = parseEvaluationConfig(request.evaluation);
    config.strategies.forEach((s, i) => {
      if (s.type === 'policy')
        throw new InputError(
          `evaluation.strategies.${i}.type: "policy" (a file on the server) is not accepted over HTTP`,
          `evaluation.strategies.${i}.type`,
        );
    });
    source = { kind: 'evaluation', config, part: request.part };
  } else {
    const { request: run, workload } = workloadWork(request.simulation!, catalog, Number.POSITIVE_INFINITY);
    source = {
      kind: 'workload',
      workload: workloadFile(workload),
      paths: run.paths,
      ...(run.steps !== undefined ? { steps: run.steps } : {}),
      seed: run.seed,
      scheme: run.scheme,
    };
  }
  const plan = plans.get(source);
  const task: ShardTask = {
    source,
    firstChunk: request.firstChunk,
    chunks: request.chunks,
    ...(request.planDigest ? { planDigest: request.planDigest } : {}),
  };
  checkRange(plan, task);
  const columns = plan.kind === 'execution' ? plan.strategies.length : 1;
  checkWork('chunks x 1000 x steps x strategies', task.chunks * CHUNK_PATHS * plan.steps * columns, limit, 'chunks');
  return { task, plan };
}
