// What every route receives: the resolved dependencies of createApp, and the per-request variables.
import type { ShardExecutor } from '../eval/executor.js';
import type { JobRunner } from './job-runner.js';
import type { Limits } from './limits.js';

export interface ApiContext {
  executor: ShardExecutor;
  jobs: JobRunner;
  limits: Limits;
  /** Canonical workloads by name, as parsed JSON. */
  catalog: Record<string, unknown>;
  runtime: string;
  version: string;
  now: () => number;
}

/** Hono's environment: the deadline's signal (aborted on timeout or when the client goes away). */
export interface ApiEnv {
  Variables: {
    signal: AbortSignal;
    bodyRead: boolean;
  };
}
