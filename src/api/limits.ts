// Limits on what one request may ask for (body size, work, queue, time), their defaults, and reading them from env.
import { InputError } from '../errors/input-error.js';

export interface Limits {
  /** Largest request body, bytes (413 beyond). */
  maxBodyBytes: number;
  /** POST /v1/simulations: paths x steps x strategies of one synchronous run. */
  maxSimulationPathSteps: number;
  /** POST /v1/evaluations: paths x steps x (strategies + frontier points) of one job. */
  maxJobPathSteps: number;
  /** POST /v1/shards: paths x steps x strategies of one shard. */
  maxShardPathSteps: number;
  /** POST /v1/bench: paths x steps x (repeats + 1 warm-up). */
  maxBenchPathSteps: number;
  /** Jobs waiting to start; one more gets 429 with Retry-After. */
  maxQueuedJobs: number;
  /** Jobs running at once (each uses the whole executor). */
  jobConcurrency: number;
  /** Finished jobs kept; the oldest finished ones are dropped beyond this. */
  maxStoredJobs: number;
  /** Deadline of a request, body reading and work included (SSE streams excepted). */
  requestTimeoutMs: number;
  /** Retry-After of a 429, seconds. */
  retryAfterSeconds: number;
}

/** A long-lived server: Node (with its worker pool), Deno, Bun. */
export const SERVER_LIMITS: Limits = {
  maxBodyBytes: 1 << 20,
  maxSimulationPathSteps: 20_000_000,
  maxJobPathSteps: 20_000_000_000,
  maxBenchPathSteps: 50_000_000,
  maxShardPathSteps: 200_000_000,
  maxQueuedJobs: 16,
  jobConcurrency: 1,
  maxStoredJobs: 1000,
  requestTimeoutMs: 30_000,
  retryAfterSeconds: 10,
};

/** An edge isolate (workerd): jobs run inside their request, so they get the synchronous bound. */
export const EDGE_LIMITS: Limits = {
  ...SERVER_LIMITS,
  maxJobPathSteps: 20_000_000,
  maxBenchPathSteps: 20_000_000,
  maxShardPathSteps: 20_000_000,
  maxQueuedJobs: 4,
  maxStoredJobs: 100,
};

/** Environment variable of each limit: maxBodyBytes -> FLOWEXEC_MAX_BODY_BYTES. */
export function limitVariable(key: keyof Limits): string {
  return `FLOWEXEC_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Limits overridden by FLOWEXEC_* variables; a bad value is an InputError naming the variable. */
export function limitsFromEnv(base: Limits, get: (name: string) => string | undefined): Limits {
  const limits = { ...base };
  for (const key of Object.keys(base) as Array<keyof Limits>) {
    const name = limitVariable(key);
    const raw = get(name);
    if (raw === undefined || raw === '') continue;
    const value = /^\d+(\.\d+)?(e\d+)?$/i.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < 1)
      throw new InputError(`${name} must be a positive integer (got "${raw}")`, name);
    limits[key] = value;
  }
  return limits;
}
