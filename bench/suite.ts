// The benchmark suite behind `flowexec bench`: canonical workloads in path-steps/s, wasm vs the TS twin vs anchors,
// scaling over paths and threads. One row per result; ratios are always between figures of the same run.
import { join } from 'node:path';
import { parseWorkload, type Workload } from '../src/market/workload.js';
import type { SimulationPlan } from '../src/eval/plan.js';
import { planFromWorkload } from '../src/eval/workload-plan.js';
import { simulate } from '../src/eval/simulate.js';
import { InlineExecutor, type ShardExecutor } from '../src/eval/executor.js';
import { WasmBackend } from '../src/engine/wasm-backend.js';
import { ReferenceBackend } from '../src/reference/backend.js';
import { createNodeEngine } from '../src/runtime/node.js';
import { NodePoolExecutor } from '../src/runtime/node-pool.js';
import { WORKLOADS_DIR } from '../src/runtime/paths.js';
import { readJsonFile } from '../src/cli/files.js';
import { measure } from './measure.js';
import { findAnchors, runAnchor } from './anchors.js';

export interface BenchRow {
  suite: 'workload' | 'anchor' | 'scaling-paths' | 'scaling-threads';
  workload: string;
  impl: string;
  threads: number;
  paths: number;
  steps: number;
  pathStepsPerSec: number;
  seconds: number;
  /** FlowExec wasm (same workload, same run) divided by this row's throughput; on wasm rows: wasm / TS twin. */
  ratio?: number;
  rmePercent?: number;
}

export interface BenchOptions {
  quick: boolean;
  anchorsDir?: string;
  maxThreads: number;
  onRow: (row: BenchRow) => void;
  onNote?: (note: string) => void;
}

const SEED = 20240601;
const WORKLOADS = ['heston-paths', 'heston-execution'] as const;

function load(name: string): Workload {
  return parseWorkload(readJsonFile(join(WORKLOADS_DIR, `${name}.json`), 'workload file'));
}

async function throughput(plan: SimulationPlan, executor: ShardExecutor, runs: number) {
  const timing = await measure(`${plan.label} ${plan.paths}`, () => simulate(plan, executor), runs);
  return { ...timing, pathStepsPerSec: (plan.paths * plan.steps) / timing.seconds };
}

export async function runBenchSuite(o: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow) => { rows.push(row); o.onRow(row); };
  const wasm = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const twin = new InlineExecutor(new ReferenceBackend());
  const anchors = o.anchorsDir ? findAnchors(o.anchorsDir) : [];
  if (o.anchorsDir && anchors.length < 3) o.onNote?.(`only ${anchors.length} anchor programs found in ${o.anchorsDir}`);
  const runs = o.quick ? 2 : 3;

  for (const name of WORKLOADS) {
    const w = load(name);
    const wasmPlan = planFromWorkload(w, { seed: SEED, scheme: 'euler', paths: o.quick ? 200_000 : 1_000_000 });
    const twinPlan = planFromWorkload(w, { seed: SEED, scheme: 'euler', paths: o.quick ? 2_000 : 10_000 });
    const fast = await throughput(wasmPlan, wasm, runs);
    const slow = await throughput(twinPlan, twin, o.quick ? 1 : 2);
    emit({ suite: 'workload', workload: name, impl: 'ts-twin', threads: 1, paths: twinPlan.paths, steps: twinPlan.steps,
      pathStepsPerSec: slow.pathStepsPerSec, seconds: slow.seconds, rmePercent: slow.rmePercent });
    emit({ suite: 'workload', workload: name, impl: 'wasm-simd', threads: 1, paths: wasmPlan.paths, steps: wasmPlan.steps,
      pathStepsPerSec: fast.pathStepsPerSec, seconds: fast.seconds, rmePercent: fast.rmePercent, ratio: fast.pathStepsPerSec / slow.pathStepsPerSec });
    for (const anchor of anchors) {
      // the anchor runs right after our measurement, so both see the same machine load
      const samples = Array.from({ length: runs }, () => runAnchor(anchor, join(WORKLOADS_DIR, `${name}.json`), name));
      const median = samples.map((s) => s.pathStepsPerSec).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      const again = await throughput(wasmPlan, wasm, runs);
      const ours = (fast.pathStepsPerSec + again.pathStepsPerSec) / 2;
      emit({ suite: 'anchor', workload: name, impl: anchor.name, threads: 1, paths: anchor.paths[name]!, steps: wasmPlan.steps,
        pathStepsPerSec: median, seconds: samples[0]!.seconds, ratio: ours / median });
    }
  }

  const pathCounts = o.quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000];
  const paths = load('heston-paths');
  for (const count of pathCounts) {
    const plan = planFromWorkload(paths, { seed: SEED, scheme: 'euler', paths: count });
    const t = await throughput(plan, wasm, count >= 10_000_000 ? 1 : runs);
    emit({ suite: 'scaling-paths', workload: 'heston-paths', impl: 'wasm-simd', threads: 1, paths: count, steps: plan.steps,
      pathStepsPerSec: t.pathStepsPerSec, seconds: t.seconds, rmePercent: t.rmePercent });
  }

  const threadPlan = planFromWorkload(paths, { seed: SEED, scheme: 'euler', paths: o.quick ? 400_000 : 2_000_000 });
  let single = 0;
  for (let threads = 1; threads <= o.maxThreads; threads++) {
    const executor = threads === 1 ? wasm : new NodePoolExecutor(threads);
    try {
      const t = await throughput(threadPlan, executor, runs); // tinybench's warm-up run also starts the workers
      if (threads === 1) single = t.pathStepsPerSec;
      emit({ suite: 'scaling-threads', workload: 'heston-paths', impl: 'wasm-simd', threads, paths: threadPlan.paths,
        steps: threadPlan.steps, pathStepsPerSec: t.pathStepsPerSec, seconds: t.seconds, rmePercent: t.rmePercent,
        ratio: t.pathStepsPerSec / single });
    } finally {
      if (threads > 1) await executor.close();
    }
  }
  return rows;
}
