// What `flowexec bench` and the suite in bench/ agree on: the suites, their options and one result row.
export interface BenchRow {
  suite: 'workload' | 'anchor' | 'scaling-paths' | 'scaling-threads' | 'strategies' | 'env' | 'ppo';
  workload: string;
  impl: string;
  threads: number;
  paths: number;
  steps: number;
  pathStepsPerSec: number;
  seconds: number;
  /** FlowExec wasm (same workload, same run) divided by this row's throughput; on wasm rows: wasm / TS twin. */
  ratio?: number;
  /** Domain unit of pathStepsPerSec for the env and ppo suites: env-steps/s. */
  unit?: 'path-steps/s' | 'env-steps/s';
  rmePercent?: number;
}

/** The suites, in the order they run; `only` picks some (workloads include the anchors). */
export const BENCH_SUITES = ['workloads', 'scaling-paths', 'strategies', 'env', 'ppo', 'scaling-threads'] as const;
export type BenchSuite = (typeof BENCH_SUITES)[number];

export interface BenchOptions {
  quick: boolean;
  /** Suites to run (default: all). */
  only?: readonly BenchSuite[];
  anchorsDir?: string;
  maxThreads: number;
  onRow: (row: BenchRow) => void;
  onNote?: (note: string) => void;
}

export type RunBenchSuite = (o: BenchOptions) => Promise<BenchRow[]>;
