// A shard as a task: what a queue job and POST /v1/shards carry (the plan's source and a chunk range), how a worker
// rebuilds and checks the plan, and what comes back (the chunk records, for the coordinator's in-order merge).
import { recordLength } from '../engine/moments.js';
import { CHUNK_PATHS, type SimulationPlan } from './plan.js';
import { chunkCount, recordShape } from './chunk.js';
import type { ShardExecutor } from './executor.js';
import { buildExecutionPlan } from './execution-plan.js';
import { frontierOf } from './evaluate.js';
import { parseEvaluationConfig } from './config.js';
import { planFromWorkload } from './workload-plan.js';
import { parseWorkload } from '../market/workload.js';
import { InputError } from '../errors/input-error.js';
import type { ShardSource } from './shard-source.js';
import { planDigest, encodeRecords, decodeRecords, rangePaths } from './shard.js';

export interface ShardTask {
  source: ShardSource;
  firstChunk: number;
  chunks: number;
  /** planDigest of the coordinator's plan; a worker that builds another plan refuses the shard. */
  planDigest?: string;
}

export interface ShardResult {
  firstChunk: number;
  chunks: number;
  paths: number;
  recordLength: number;
  planDigest: string;
  /** The chunk records, concatenated in chunk order: encodeRecords. */
  records: string;
  /** Time the executor spent on the shard, s (what the queue's overhead is measured against). */
  seconds?: number;
}

/** Rebuilds the plan a source describes (validating it again: a worker trusts no one's arithmetic but its own). */
export function planOf(source: ShardSource): SimulationPlan {
  if (source.kind === 'workload') {
    const workload = parseWorkload(source.workload, 'workload');
    return planFromWorkload(workload, {
      paths: source.paths,
      steps: source.steps,
      seed: source.seed,
      scheme: source.scheme,
      precision: source.precision,
    });
  }
  const config = parseEvaluationConfig(source.config);
  const policies = source.policies ? new Map(Object.entries(source.policies)) : undefined;
  const plan = buildExecutionPlan(config, { policies });
  if (source.part === 'main') return plan;
  const grid = config.evaluation.frontier ?? [];
  if (grid.length === 0) throw new InputError('part: "frontier" needs evaluation.frontier in the config', 'part');
  return frontierOf(plan, grid).plan;
}

/** Plans by source, so consecutive shards of one evaluation build their plan once (a few per worker). */
export class PlanCache {
  private readonly plans = new Map<string, SimulationPlan>();
  constructor(private readonly size = 8) {}

  get(source: ShardSource): SimulationPlan {
    const key = JSON.stringify(source);
    let plan = this.plans.get(key);
    if (plan) this.plans.delete(key);
    else plan = planOf(source);
    this.plans.set(key, plan); // most recent last
    if (this.plans.size > this.size) this.plans.delete(this.plans.keys().next().value!);
    return plan;
  }
}

/** Checks a task's chunk range against its plan: InputError naming the field. */
export function checkRange(plan: SimulationPlan, task: Pick<ShardTask, 'firstChunk' | 'chunks'>): void {
  const chunks = chunkCount(plan);
  if (!(Number.isInteger(task.firstChunk) && task.firstChunk >= 0 && task.firstChunk < chunks)) {
    throw new InputError(
      `firstChunk: must be an integer in [0, ${chunks - 1}] (the plan has ${chunks} chunks of ${CHUNK_PATHS} paths), got ${task.firstChunk}`,
      'firstChunk',
    );
  }
  if (!(Number.isInteger(task.chunks) && task.chunks >= 1 && task.firstChunk + task.chunks <= chunks)) {
    throw new InputError(
      `chunks: must be an integer in [1, ${chunks - task.firstChunk}] from firstChunk ${task.firstChunk}, got ${task.chunks}`,
      'chunks',
    );
  }
}

/** A different plan than the coordinator's: another version or another config; never merged. */
export class PlanMismatchError extends InputError {
  constructor(expected: string, actual: string) {
    super(
      `planDigest: this worker builds plan ${actual}, the coordinator sent ${expected} (different flowexec versions?)`,
      'planDigest',
    );
  }
}

/** Runs one shard task on an executor: the same code behind a queue worker and POST /v1/shards. */
export async function runShardTask(
  task: ShardTask,
  executor: ShardExecutor,
  plans: PlanCache,
  plan = plans.get(task.source),
): Promise<ShardResult> {
  checkRange(plan, task);
  const digest = planDigest(plan);
  if (task.planDigest !== undefined && task.planDigest !== digest) throw new PlanMismatchError(task.planDigest, digest);
  const started = performance.now();
  const records = await executor.runShard(plan, task.firstChunk, task.chunks);
  const seconds = (performance.now() - started) / 1000;
  return {
    firstChunk: task.firstChunk,
    chunks: task.chunks,
    paths: rangePaths(plan, task.firstChunk, task.chunks),
    recordLength: recordLength(recordShape(plan)),
    planDigest: digest,
    records: encodeRecords(records),
    seconds,
  };
}

/** The chunk records of a result, checked against the plan and range the coordinator asked for. */
export function resultRecords(
  plan: SimulationPlan,
  firstChunk: number,
  chunks: number,
  result: ShardResult,
): Float64Array {
  const digest = planDigest(plan);
  if (result.planDigest !== digest) throw new PlanMismatchError(digest, result.planDigest);
  const length = recordLength(recordShape(plan));
  const records = decodeRecords(result.records);
  if (result.firstChunk !== firstChunk || result.chunks !== chunks || records.length !== chunks * length) {
    throw new Error(
      `shard result for chunks ${result.firstChunk}+${result.chunks} (${records.length} values) does not answer chunks ${firstChunk}+${chunks}`,
    );
  }
  return records;
}
