// Where evaluation jobs live: the JobStore interface, the job record, and the in-memory store (edge, Deno, Bun, tests).
import type { EvaluationConfig } from '../eval/config.js';
import type { EvaluationResult } from '../eval/evaluate.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const isFinished = (status: JobStatus): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

export interface JobProgress {
  donePaths: number;
  totalPaths: number;
}

export interface JobRecord {
  id: string;
  kind: 'evaluation';
  name: string;
  status: JobStatus;
  /** ISO 8601 times. */
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** How many times the job was started: a job interrupted by a restart runs again from the start. */
  attempts: number;
  progress: JobProgress;
  /** The validated config (defaults filled in), exactly what runs. */
  config: EvaluationConfig;
  result?: EvaluationResult;
  error?: { code: string; message: string };
}

export interface ListOptions {
  limit: number;
  /** Only ids strictly older than this one (the previous page's last id). */
  before?: string;
  status?: JobStatus;
}

/** Records by id; ids are validated before they get here, so a store may use them as file names. */
export interface JobStore {
  save(job: JobRecord): Promise<void>;
  load(id: string): Promise<JobRecord | undefined>;
  /** Newest first. */
  list(options: ListOptions): Promise<JobRecord[]>;
  remove(id: string): Promise<void>;
  /** Every record, oldest first (recovery and pruning). */
  all(): Promise<JobRecord[]>;
}

/** Records as plain copies in a Map: nobody can change a stored record by holding a reference to it. */
export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, JobRecord>();

  async save(job: JobRecord): Promise<void> {
    this.jobs.set(job.id, structuredClone(job));
  }

  async load(id: string): Promise<JobRecord | undefined> {
    const job = this.jobs.get(id);
    return job && structuredClone(job);
  }

  async list({ limit, before, status }: ListOptions): Promise<JobRecord[]> {
    return [...this.jobs.values()]
      .filter((j) => (before === undefined || j.id < before) && (status === undefined || j.status === status))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, limit)
      .map((j) => structuredClone(j));
  }

  async remove(id: string): Promise<void> {
    this.jobs.delete(id);
  }

  async all(): Promise<JobRecord[]> {
    return [...this.jobs.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((j) => structuredClone(j));
  }
}
