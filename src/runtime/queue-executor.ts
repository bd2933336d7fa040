// A ShardExecutor on a BullMQ queue: each shard is a job any `flowexec worker` may take; results come back as chunk
// records that simulate() merges in shard order. Survives workers dying (stalled jobs re-run) and Redis restarts
// (a job Redis lost is added again); a shard that completes twice is taken once.
import { Queue, QueueEvents, Job } from 'bullmq';
import type { ShardExecutor } from '../eval/executor.js';
import type { SimulationPlan } from '../eval/plan.js';
import { sourceOf } from '../eval/shard-source.js';
import { planDigest } from '../eval/shard.js';
import { resultRecords, type ShardResult, type ShardTask } from '../eval/shard-task.js';
import { InputError } from '../errors/input-error.js';
import type { Redis } from 'ioredis';
import { QUEUE_NAME, redisClient, probeRedis, reason, type RedisTarget } from './redis-connection.js';

export interface QueueExecutorOptions {
  /** Shards enqueued and not yet merged, at most (simulate keeps 2 x threads in flight). Default 256. */
  inFlight?: number;
  /** How long Redis may stay unreachable mid-run before the run fails, ms. Default 60 s. */
  outageMs?: number;
  /** How often pending jobs are checked against Redis (lost jobs re-added, missed events caught up), ms. */
  reconcileMs?: number;
  /** A line for the user (lost Redis, reconnected). */
  log?: (line: string) => void;
}

interface Pending {
  task: ShardTask;
  plan: SimulationPlan;
  waiters: Array<{ resolve: (records: Float64Array) => void; reject: (error: unknown) => void }>;
  resubmits: number;
  checkedAt: number;
}

/** Re-adds of a shard whose job failed for a reason other than its input (stalled too often, attempts used up). */
const MAX_RESUBMITS = 3;
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 500 },
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 86_400 },
} as const;

export class QueueExecutor implements ShardExecutor {
  readonly threads: number;
  private readonly pending = new Map<string, Pending>();
  private readonly run = Math.random().toString(36).slice(2, 10);
  private readonly timer: ReturnType<typeof setInterval>;
  private downSince: number | undefined;
  /** Shards taken and the engine time their workers reported, s (the bench's overhead measure). */
  readonly stats = { shards: 0, engineSeconds: 0, bytes: 0 };
  private reconciling = false;
  private closed = false;

  private constructor(
    private readonly target: RedisTarget,
    private readonly client: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly o: QueueExecutorOptions,
  ) {
    this.threads = Math.max(1, Math.floor((o.inFlight ?? 256) / 2));
    events.on('completed', ({ jobId, returnvalue }) => this.completed(jobId, returnvalue as unknown as ShardResult));
    events.on('failed', ({ jobId }) => {
      if (this.pending.has(jobId)) void this.check(jobId);
    });
    this.timer = setInterval(() => void this.reconcile(false), o.reconcileMs ?? 2000);
    this.timer.unref?.();
  }

  /** Probes Redis first: an InputError within a few seconds when it is down. */
  static async open(target: RedisTarget, o: QueueExecutorOptions = {}): Promise<QueueExecutor> {
    await probeRedis(target);
    const client = redisClient(target);
    const queue = new Queue(QUEUE_NAME, { connection: client });
    const events = new QueueEvents(QUEUE_NAME, { connection: client });
    queue.on('error', () => {}); // outages are watched on the client below; BullMQ re-emits every socket error here
    events.on('error', () => {});
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const executor = new QueueExecutor(target, client, queue, events, o);
    client.on('close', () => executor.lost());
    client.on('ready', () => executor.regained());
    return executor;
  }

  /** Workers currently connected to the queue. */
  async workers(): Promise<number> {
    return await this.queue.getWorkersCount();
  }

  runShard(plan: SimulationPlan, firstChunk: number, nChunks: number): Promise<Float64Array> {
    const source = sourceOf(plan);
    if (!source)
      return Promise.reject(
        new Error('this plan has no source to send to workers (built outside runEvaluation/runWorkload)'),
      );
    if (this.closed) return Promise.reject(new Error('the queue executor is closed'));
    const digest = planDigest(plan);
    const id = `${digest}.${this.run}.${firstChunk}.${nChunks}`;
    return new Promise((resolve, reject) => {
      const known = this.pending.get(id);
      if (known) {
        known.waiters.push({ resolve, reject });
        return;
      }
      const task: ShardTask = { source, firstChunk, chunks: nChunks, planDigest: digest };
      this.pending.set(id, { task, plan, waiters: [{ resolve, reject }], resubmits: 0, checkedAt: Date.now() });
      this.submit(id);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const ids = [...this.pending.keys()];
    for (const id of ids) this.settle(id, new Error('the queue executor closed before the shard finished'));
    // jobs nobody waits for any more: best effort (an active one is locked by its worker and expires with its age)
    await Promise.race([
      Promise.allSettled(ids.map((id) => this.queue.remove(id))),
      new Promise((r) => setTimeout(r, 1000).unref?.()),
    ]);
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private submit(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.checkedAt = Date.now();
    // adding an existing id is a no-op, so a re-add after a lost event is harmless
    this.queue.add('shard', p.task, { ...JOB_OPTIONS, jobId: id }).catch((error: unknown) => {
      if (!this.closed) this.o.log?.(`flowexec: could not enqueue a shard (${reason(error)}); retrying`);
    });
  }

  private completed(id: string, value: ShardResult | string | null | undefined): void {
    const p = this.pending.get(id);
    if (!p || !value) return; // another coordinator's job, or a duplicate completion: taken once
    let records: Float64Array;
    try {
      const result = typeof value === 'string' ? (JSON.parse(value) as ShardResult) : value;
      records = resultRecords(p.plan, p.task.firstChunk, p.task.chunks, result);
      this.stats.shards++;
      this.stats.engineSeconds += result.seconds ?? 0;
      this.stats.bytes += result.records.length;
    } catch (error) {
      this.settle(id, error);
      return;
    }
    this.settle(id, undefined, records);
    void this.queue.remove(id).catch(() => {}); // its age would remove it anyway
  }

  private settle(id: string, error: unknown, records?: Float64Array): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    for (const w of p.waiters) {
      if (records) w.resolve(records);
      else w.reject(error);
    }
  }

  /** Looks a pending job up: completed (a missed event), failed (re-add or give up), or gone (Redis lost it: re-add). */
  private async check(id: string): Promise<void> {
    const p = this.pending.get(id);
    if (!p) return;
    p.checkedAt = Date.now();
    // the state first, then the job: a job read before its state could be an active one without its return value
    const state = await this.queue.getJobState(id);
    if (!this.pending.has(id) || !['completed', 'failed', 'unknown'].includes(state)) return;
    const job = await Job.fromId<ShardTask, ShardResult>(this.queue, id);
    if (!this.pending.has(id)) return;
    if (!job) {
      this.submit(id);
      return;
    }
    if (state === 'completed') {
      if (job.returnvalue) this.completed(id, job.returnvalue);
    } else if (state === 'failed') {
      const why = job.failedReason ?? 'unknown';
      if (why.startsWith('invalid shard: ')) {
        this.settle(id, new InputError(why.slice('invalid shard: '.length)));
        return;
      }
      if (p.resubmits >= MAX_RESUBMITS) {
        this.settle(
          id,
          new Error(`shard ${p.task.firstChunk}+${p.task.chunks} failed ${p.resubmits + 1} times: ${why}`),
        );
        return;
      }
      p.resubmits++;
      await job.remove().catch(() => {});
      this.submit(id);
    }
  }

  /** Every few seconds (and at once after a reconnect): pending jobs not heard of for a while are looked up. */
  private async reconcile(all: boolean): Promise<void> {
    if (this.downSince !== undefined) {
      const outage = this.o.outageMs ?? 60_000;
      if (Date.now() - this.downSince > outage) {
        const error = new InputError(
          `--queue: lost Redis at ${this.target.label} for more than ${Math.round(outage / 1000)} s`,
          'queue',
        );
        for (const id of [...this.pending.keys()]) this.settle(id, error);
      }
      return;
    }
    if (this.reconciling || this.pending.size === 0) return;
    this.reconciling = true;
    try {
      const stale = Date.now() - (this.o.reconcileMs ?? 2000);
      const ids = [...this.pending.entries()].filter(([, p]) => all || p.checkedAt <= stale).map(([id]) => id);
      await Promise.all(ids.map((id) => this.check(id).catch(() => {})));
    } finally {
      this.reconciling = false;
    }
  }

  private lost(): void {
    if (this.closed || this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.o.log?.(`flowexec: lost Redis at ${this.target.label}; reconnecting`);
  }

  private regained(): void {
    if (this.downSince === undefined) return;
    this.downSince = undefined;
    this.o.log?.(`flowexec: reconnected to Redis at ${this.target.label}`);
    void this.reconcile(true);
  }
}
