// `flowexec worker`: takes shard jobs from the BullMQ queue and runs them on this machine's engine pool, across
// Redis outages (it reconnects and carries on) until stopped.
import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { NodePoolExecutor } from './node-pool.js';
import { PlanCache, runShardTask, type ShardResult, type ShardTask } from '../eval/shard-task.js';
import { InputError } from '../errors/input-error.js';
import { QUEUE_NAME, redisClient, probeRedis, reason, type RedisTarget } from './redis-connection.js';

export interface QueueWorkerOptions {
  target: RedisTarget;
  /** Engine threads of this process. */
  threads: number;
  /** Jobs taken at once (default: one per thread). */
  concurrency?: number;
  /** A job whose lock is not renewed for this long is stalled and goes to another worker (BullMQ's default 30 s). */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (BullMQ's default 30 s). */
  stalledIntervalMs?: number;
  log?: (line: string) => void;
}

export interface RunningWorker {
  /** Finishes the jobs in hand, then stops. */
  close(): Promise<void>;
  /** Shards this process has completed. */
  readonly completed: number;
}

export async function startQueueWorker(o: QueueWorkerOptions): Promise<RunningWorker> {
  await probeRedis(o.target);
  const log = o.log ?? (() => {});
  // always a pool, even of one thread: the main thread stays free to renew the jobs' locks
  const executor = new NodePoolExecutor(o.threads);
  const plans = new PlanCache();
  let completed = 0;
  const process = async (job: Job<ShardTask, ShardResult>): Promise<ShardResult> => {
    try {
      return await runShardTask(job.data, executor, plans);
    } catch (error) {
      // bad input never gets better on a retry: fail the job at once, with the message the coordinator shows
      if (error instanceof InputError) throw new UnrecoverableError(`invalid shard: ${error.message}`);
      throw error;
    }
  };
  const client = redisClient(o.target);
  const worker = new Worker<ShardTask, ShardResult>(QUEUE_NAME, process, {
    connection: client,
    concurrency: o.concurrency ?? o.threads,
    lockDuration: o.lockDurationMs ?? 30_000,
    stalledInterval: o.stalledIntervalMs ?? 30_000,
    // a job may stall several times (workers killed one after another) before it counts as failed
    maxStalledCount: 10,
    // results stay until the coordinator reads and removes them (or for an hour)
    removeOnComplete: { age: 3600 },
    removeOnFail: { age: 86_400 },
  });
  let down = false,
    lastError = '';
  worker.on('error', (error) => {
    lastError = reason(error);
  }); // every failed reconnect lands here: one line per outage below
  client.on('close', () => {
    if (down || closing) return;
    down = true;
    log(`flowexec worker: lost Redis at ${o.target.label}${lastError ? ` (${lastError})` : ''}; reconnecting`);
  });
  worker.on('completed', () => {
    completed++;
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log(`flowexec worker: reconnected to Redis at ${o.target.label}`);
  });
  let closing: Promise<void> | undefined;
  await worker.waitUntilReady();
  return {
    get completed() {
      return completed;
    },
    close: () =>
      (closing ??= (async () => {
        await worker.close();
        await executor.close();
        client.disconnect();
      })()),
  };
}
