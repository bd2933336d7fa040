// Runs evaluation jobs from a JobStore: a bounded FIFO queue, progress events, cancellation, recovery after a restart.
import type { ShardExecutor } from '../eval/executor.js';
import type { EvaluationConfig } from '../eval/config.js';
import { evaluationTotalPaths } from '../eval/evaluate.js';
import { evaluate } from '../library/evaluate.js';
import { InputError } from '../errors/input-error.js';
import { ApiError } from './errors.js';
import { newJobId } from './job-id.js';
import { isFinished, type JobRecord, type JobStore, type ListOptions } from './job-store.js';
import type { Limits } from './limits.js';

export type JobListener = (job: JobRecord, final: boolean) => void;

export interface JobRunnerOptions {
  store: JobStore;
  executor: ShardExecutor;
  limits: Pick<Limits, 'maxQueuedJobs' | 'jobConcurrency' | 'maxStoredJobs' | 'retryAfterSeconds'>;
  /** background: POST answers at once and the job runs after; inline: the job runs inside its request (edge isolates). */
  mode?: 'background' | 'inline';
  /** Whether the store survives a restart (reported by /healthz). */
  durable?: boolean;
  /** Monotonic clock in ms for timings, wall clock in ms for timestamps. */
  now?: () => number;
  clock?: () => number;
}

export class JobRunner {
  readonly mode: 'background' | 'inline';
  readonly durable: boolean;
  private readonly queue: string[] = [];
  /** Queued and running jobs: the live state, ahead of the store by the progress of running jobs. */
  private readonly active = new Map<string, JobRecord>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly settled = new Map<string, Promise<void>>();
  private readonly listeners = new Map<string, Set<JobListener>>();
  private ready?: Promise<void>;
  private stopping = false;

  constructor(private readonly o: JobRunnerOptions) {
    this.mode = o.mode ?? 'background';
    this.durable = o.durable ?? false;
  }

  /** Loads the store; jobs it holds as queued or running (the server stopped under them) run again, oldest first. */
  start(): Promise<void> {
    this.ready ??= (async () => {
      for (const job of await this.o.store.all()) {
        if (isFinished(job.status)) continue;
        try {
          job.status = 'queued';
          job.progress = { donePaths: 0, totalPaths: evaluationTotalPaths(job.config) };
          await this.o.store.save(job);
          this.active.set(job.id, job);
          this.queue.push(job.id);
        } catch (error) {
          // a record this version cannot read must not keep the others (or the server) from starting
          console.error(`flowexec api: cannot resume job ${job.id}: ${(error as Error)?.message ?? String(error)}`);
        }
      }
      this.pump();
    })();
    return this.ready;
  }

  counts(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.controllers.size };
  }

  /** Stores a new job; 429 when the queue is full. Inline mode returns once the job has finished. */
  async submit(config: EvaluationConfig, signal?: AbortSignal): Promise<JobRecord> {
    await this.start();
    const full =
      this.mode === 'inline'
        ? this.active.size >= this.o.limits.maxQueuedJobs
        : this.queue.length >= this.o.limits.maxQueuedJobs;
    if (full || this.stopping) {
      throw new ApiError(
        429,
        'queue_full',
        `the job queue is full (${this.o.limits.maxQueuedJobs} jobs); retry later`,
        undefined,
        { 'retry-after': String(this.o.limits.retryAfterSeconds) },
      );
    }
    const clock = this.o.clock ?? Date.now;
    const job: JobRecord = {
      id: newJobId(clock()),
      kind: 'evaluation',
      name: config.name,
      status: 'queued',
      createdAt: new Date(clock()).toISOString(),
      attempts: 0,
      progress: { donePaths: 0, totalPaths: evaluationTotalPaths(config) },
      config,
    };
    this.active.set(job.id, job);
    await this.o.store.save(job);
    if (this.mode === 'inline') {
      await this.run(job.id, signal);
      return (await this.get(job.id))!;
    }
    this.queue.push(job.id);
    this.pump();
    return structuredClone(job);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    await this.start();
    const live = this.active.get(id);
    return live ? structuredClone(live) : this.o.store.load(id);
  }

  /** Newest first, with the live progress of running jobs. */
  async list(options: ListOptions): Promise<JobRecord[]> {
    await this.start();
    return (await this.o.store.list(options)).map((job) => {
      const live = this.active.get(job.id);
      return live ? structuredClone(live) : job;
    });
  }

  /** Cancels a queued or running job and returns it once its work has stopped; 409 if it had already finished. */
  async cancel(id: string): Promise<JobRecord | undefined> {
    await this.start();
    const job = this.active.get(id);
    if (!job) {
      const stored = await this.o.store.load(id);
      if (stored && stored.status !== 'cancelled') {
        throw new ApiError(
          409,
          'conflict',
          `id: evaluation ${id} has already ${stored.status === 'succeeded' ? 'succeeded' : 'failed'}`,
          'id',
        );
      }
      return stored;
    }
    if (job.status === 'succeeded' || job.status === 'failed') {
      // finished, its record still being saved: the same answer as once it is stored
      throw new ApiError(409, 'conflict', `id: evaluation ${id} has already ${job.status}`, 'id');
    }
    if (job.status === 'queued') {
      const at = this.queue.indexOf(id);
      if (at >= 0) this.queue.splice(at, 1);
      await this.finish(job, 'cancelled');
    } else {
      this.controllers.get(id)?.abort();
      await this.settled.get(id);
    }
    return this.get(id);
  }

  /** Calls listener on every change of the job until it finishes (final = true); returns the unsubscribe. */
  subscribe(id: string, listener: JobListener): () => void {
    const set = this.listeners.get(id) ?? new Set<JobListener>();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Shutdown: running work is abandoned unrecorded, so a durable store re-runs it after the restart. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.queue.length = 0;
    for (const controller of this.controllers.values()) controller.abort();
    await Promise.all(this.settled.values());
  }

  private pump(): void {
    while (
      !this.stopping &&
      this.mode === 'background' &&
      this.controllers.size < this.o.limits.jobConcurrency &&
      this.queue.length > 0
    ) {
      void this.run(this.queue.shift()!);
    }
  }

  private run(id: string, requestSignal?: AbortSignal): Promise<void> {
    const job = this.active.get(id);
    if (!job || job.status !== 'queued') return Promise.resolve(); // cancelled before it could start
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const onRequestAbort = () => controller.abort();
    requestSignal?.addEventListener('abort', onRequestAbort);
    const done = (async () => {
      let end: { status: JobRecord['status']; error?: JobRecord['error'] };
      try {
        job.status = 'running';
        job.startedAt = new Date((this.o.clock ?? Date.now)()).toISOString();
        job.attempts += 1;
        await this.o.store.save(job);
        this.emit(job, false);
        // the library's evaluate (what flowexec/browser exports); policies come only inline, never from files
        job.result = await evaluate(job.config, {
          executor: this.o.executor,
          signal: controller.signal,
          now: this.o.now,
          onProgress: (donePaths, total) => {
            job.progress = { donePaths, totalPaths: total };
            this.emit(job, false);
          },
        });
        end = { status: 'succeeded' };
      } catch (error) {
        if (this.stopping) return; // shutdown: the stored record stays queued or running, and runs again at the next start
        if (requestSignal?.aborted)
          end = { status: 'failed', error: { code: 'timeout', message: 'the request ended before the job finished' } };
        else if (controller.signal.aborted) end = { status: 'cancelled' };
        else if (error instanceof InputError)
          end = { status: 'failed', error: { code: 'invalid_request', message: error.message } };
        else {
          console.error(`flowexec api: job ${id} failed: ${(error as Error)?.message ?? String(error)}`);
          end = { status: 'failed', error: { code: 'internal', message: 'internal error' } };
        }
      }
      try {
        await this.finish(job, end.status, end.error);
      } catch (error) {
        // the store refused the final record (disk full?): the job still ends here, and its listeners hear it
        console.error(
          `flowexec api: job ${id} ${end.status} but could not be stored: ${(error as Error)?.message ?? String(error)}`,
        );
        this.active.delete(id);
        this.emit(job, true);
      }
    })().finally(() => {
      requestSignal?.removeEventListener('abort', onRequestAbort);
      this.controllers.delete(id);
      this.settled.delete(id);
      this.pump();
    });
    this.settled.set(id, done);
    return done;
  }

  private async finish(job: JobRecord, status: JobRecord['status'], error?: JobRecord['error']): Promise<void> {
    job.status = status;
    job.finishedAt = new Date((this.o.clock ?? Date.now)()).toISOString();
    if (error) job.error = error;
    await this.o.store.save(job);
    this.active.delete(job.id);
    this.emit(job, true);
    await this.prune().catch((e: unknown) =>
      console.error(`flowexec api: pruning old jobs failed: ${(e as Error)?.message ?? String(e)}`),
    );
  }

  private emit(job: JobRecord, final: boolean): void {
    const set = this.listeners.get(job.id);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(structuredClone(job), final);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  /** Keeps at most maxStoredJobs records by dropping the oldest finished ones. */
  private async prune(): Promise<void> {
    const all = await this.o.store.all();
    let excess = all.length - this.o.limits.maxStoredJobs;
    for (const job of all) {
      if (excess <= 0) break;
      if (isFinished(job.status)) {
        await this.o.store.remove(job.id);
        excess--;
      }
    }
  }
}
