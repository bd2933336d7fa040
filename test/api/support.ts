// In-process API for tests: the app on this thread's wasm engine, request helpers, the simulation cases every runtime
// must answer bit for bit like Node, and a Server-Sent Events parser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type AppDeps } from '../../src/api/app.js';
import { JobRunner } from '../../src/api/job-runner.js';
import { MemoryJobStore } from '../../src/api/job-store.js';
import { SERVER_LIMITS, type Limits } from '../../src/api/limits.js';
import type { ShardExecutor } from '../../src/eval/executor.js';
import { WORKLOADS_DIR } from '../../src/runtime/paths.js';
import { wasmExecutor } from '../support/workloads.js';
import { CANONICAL_WORKLOAD_NAMES } from '../../src/workloads/names.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

export function catalog(): Record<string, unknown> {
  return Object.fromEntries(
    CANONICAL_WORKLOAD_NAMES.map((n) => [n, JSON.parse(readFileSync(join(WORKLOADS_DIR, `${n}.json`), 'utf8'))]),
  );
}

export function example(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8'));
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  jobs: JobRunner;
  executor: ShardExecutor;
  close(): Promise<void>;
}

/** The app over the wasm engine in this thread (or the given executor), jobs in memory. */
export async function testApp(
  o: { limits?: Partial<Limits>; executor?: ShardExecutor; authToken?: string; mode?: 'background' | 'inline' } = {},
): Promise<TestApp> {
  const executor = o.executor ?? (await wasmExecutor());
  const limits = { ...SERVER_LIMITS, ...o.limits };
  const jobs = new JobRunner({ store: new MemoryJobStore(), executor, limits, mode: o.mode });
  const deps: AppDeps = { executor, workloads: catalog(), jobs, limits, authToken: o.authToken, runtime: 'test' };
  return { app: createApp(deps), jobs, executor, close: () => jobs.stop() };
}

export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** What must not depend on the runtime, the thread count or the clock: everything but timings and threads. */
export function deterministic(result: Record<string, unknown>): Record<string, unknown> {
  const { wallSeconds: _w, pathStepsPerSec: _p, threads: _t, ...rest } = result;
  return rest;
}

/**
 * JSON prints the shortest decimal that reads back as the same double, so equal text is equal bits (but for the sign
 * of a zero, which no statistic here can take).
 */
export function sameBits(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Small runs covering every kernel: terminal values (Euler, QE), static execution, closed loop, frontier, power-law transient. */
export function simulationCases(): Array<[string, Record<string, unknown>]> {
  const ac = example('almgren-chriss');
  ac.evaluation.paths = 3000;
  const power = example('power-law-transient');
  power.evaluation = { ...power.evaluation, paths: 2000 };
  delete power.evaluation.frontier;
  return [
    ['heston-execution (TWAP, static execution kernel)', { workload: 'heston-execution', paths: 3000, seed: 7 }],
    ['heston-paths with the QE scheme', { workload: 'heston-paths', paths: 3000, scheme: 'qe', steps: 64 }],
    ['the Almgren-Chriss market with five strategies and a frontier', ac],
    ['a Heston market with a power-law transient kernel', power],
    [
      'a Heston market + explicit schedule',
      {
        name: 'schedule',
        market: {
          model: { type: 'heston', s0: 50, v0: 0.09, kappa: 2, theta: 0.09, xi: 0.5, rho: -0.5 },
          dailyVolume: 2e6,
        },
        order: { shares: 50_000, horizonMinutes: 60, steps: 6 },
        strategies: [{ type: 'schedule', fractions: [3, 2, 1, 1, 2, 3] }, { type: 'twap' }],
        evaluation: { paths: 2500, seed: 11 },
      },
    ],
  ];
}

/** A small evaluation job (a few thousand paths). */
export function smallJob(paths = 4000): Record<string, any> {
  const config = example('almgren-chriss');
  config.evaluation.paths = paths;
  return config;
}

export interface SseEvent {
  event: string;
  id?: string;
  data: any;
}

export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .filter((block) => /^(event|data):/m.test(block))
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) =>
        lines.filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2));
      return { event: field('event')[0] ?? 'message', id: field('id')[0], data: JSON.parse(field('data').join('\n')) };
    });
}
