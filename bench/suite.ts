// The benchmark suite behind `flowexec bench`: canonical workloads in path-steps/s, wasm vs the TS twin vs anchors,
// scaling over paths and threads. One row per result; ratios are always between figures of the same run.
import { join } from 'node:path';
import { parseWorkload, type Workload } from '../src/market/workload.js';
import type { SimulationPlan } from '../src/eval/plan.js';
import { planFromWorkload } from '../src/eval/workload-plan.js';
import { simulate } from '../src/eval/simulate.js';
import { InlineExecutor, type ShardExecutor } from '../src/eval/executor.js';
import { WasmBackend } from '../src/engine/wasm/wasm-backend.js';
import { ReferenceBackend } from '../src/reference/backend.js';
import { createNodeEngine } from '../src/runtime/node.js';
import { NodePoolExecutor } from '../src/runtime/node-pool.js';
import { WORKLOADS_DIR } from '../src/runtime/paths.js';
import { readJsonFile } from '../src/cli/files.js';
import { measure } from './measure.js';
import { parseEvaluationConfig } from '../src/eval/config.js';
import { runEvaluation } from '../src/eval/evaluate.js';
import { PACKAGE_ROOT } from '../src/runtime/paths.js';
import { POLICY_FLOW, POLICY_MLP, ROLLOUT_COLUMNS } from '../src/engine/env-layout.js';
import { benchFlowParams, benchPolicyParams, envWorlds } from './env-worlds.js';
import { ppoHestonConfig } from '../src/learn/experiments/ppo-heston.js';
import { trainingEnvironment } from '../src/learn/train.js';
import { trainPpo, type IterationLog } from '../src/learn/ppo.js';
import { findAnchors, runAnchor } from './anchors.js';
import type { BenchRow, BenchOptions, BenchSuite } from '../src/cli/bench-rows.js';
import { CANONICAL_WORKLOAD_NAMES } from '../src/workloads/names.js';

const SEED = 20240601;
const WORKLOADS = CANONICAL_WORKLOAD_NAMES;

function load(name: string): Workload {
  return parseWorkload(readJsonFile(join(WORKLOADS_DIR, `${name}.json`), 'workload file'));
}

async function throughput(plan: SimulationPlan, executor: ShardExecutor, runs: number) {
  const timing = await measure(`${plan.label} ${plan.paths}`, () => simulate(plan, executor), runs);
  return { ...timing, pathStepsPerSec: (plan.paths * plan.steps) / timing.seconds };
}

export async function runBenchSuite(o: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow) => {
    rows.push(row);
    o.onRow(row);
  };
  const wasm = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const twin = new InlineExecutor(new ReferenceBackend());
  const anchors = o.anchorsDir ? findAnchors(o.anchorsDir) : [];
  if (o.anchorsDir && anchors.length < 3) o.onNote?.(`only ${anchors.length} anchor programs found in ${o.anchorsDir}`);
  const runs = o.quick ? 2 : 3;
  const wanted = (suite: BenchSuite) => !o.only || o.only.includes(suite);

  for (const name of wanted('workloads') ? WORKLOADS : []) {
    const w = load(name);
    const wasmPlan = planFromWorkload(w, { seed: SEED, scheme: 'euler', paths: o.quick ? 200_000 : 1_000_000 });
    const twinPlan = planFromWorkload(w, { seed: SEED, scheme: 'euler', paths: o.quick ? 2_000 : 10_000 });
    const wasmPlan32 = planFromWorkload(w, { seed: SEED, scheme: 'euler', paths: wasmPlan.paths, precision: 'f32' });
    const fast = await throughput(wasmPlan, wasm, runs);
    const fast32 = await throughput(wasmPlan32, wasm, runs);
    const slow = await throughput(twinPlan, twin, o.quick ? 1 : 2);
    emit({
      suite: 'workload',
      workload: name,
      impl: 'ts-twin',
      threads: 1,
      paths: twinPlan.paths,
      steps: twinPlan.steps,
      pathStepsPerSec: slow.pathStepsPerSec,
      seconds: slow.seconds,
      rmePercent: slow.rmePercent,
    });
    emit({
      suite: 'workload',
      workload: name,
      impl: 'wasm-simd',
      threads: 1,
      paths: wasmPlan.paths,
      steps: wasmPlan.steps,
      pathStepsPerSec: fast.pathStepsPerSec,
      seconds: fast.seconds,
      rmePercent: fast.rmePercent,
      ratio: fast.pathStepsPerSec / slow.pathStepsPerSec,
    });
    emit({
      suite: 'workload',
      workload: name,
      impl: 'wasm-simd-f32',
      threads: 1,
      paths: wasmPlan32.paths,
      steps: wasmPlan32.steps,
      pathStepsPerSec: fast32.pathStepsPerSec,
      seconds: fast32.seconds,
      rmePercent: fast32.rmePercent,
      ratio: fast32.pathStepsPerSec / slow.pathStepsPerSec,
    });
    for (const anchor of anchors) {
      // the anchor runs right after our measurement, so both see the same machine load
      const samples = Array.from({ length: runs }, () => runAnchor(anchor, join(WORKLOADS_DIR, `${name}.json`), name));
      const median = samples.map((s) => s.pathStepsPerSec).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      const again = await throughput(wasmPlan, wasm, runs),
        again32 = await throughput(wasmPlan32, wasm, runs);
      const ours = (fast.pathStepsPerSec + again.pathStepsPerSec) / 2,
        ours32 = (fast32.pathStepsPerSec + again32.pathStepsPerSec) / 2;
      emit({
        suite: 'anchor',
        workload: name,
        impl: anchor.name,
        threads: 1,
        paths: anchor.paths[name]!,
        steps: wasmPlan.steps,
        pathStepsPerSec: median,
        seconds: samples[0]!.seconds,
        ratio: ours / median,
      });
      // the same anchor figure against FlowExec with f32 normals (precision: "f32")
      emit({
        suite: 'anchor',
        workload: `${name} f32`,
        impl: anchor.name,
        threads: 1,
        paths: anchor.paths[name]!,
        steps: wasmPlan.steps,
        pathStepsPerSec: median,
        seconds: samples[0]!.seconds,
        ratio: ours32 / median,
      });
    }
  }

  const pathCounts = !wanted('scaling-paths')
    ? []
    : o.quick
      ? [10_000, 100_000, 1_000_000]
      : [10_000, 100_000, 1_000_000, 10_000_000];
  const paths = load('heston-paths');
  for (const count of pathCounts) {
    const plan = planFromWorkload(paths, { seed: SEED, scheme: 'euler', paths: count });
    const t = await throughput(plan, wasm, count >= 10_000_000 ? 1 : runs);
    emit({
      suite: 'scaling-paths',
      workload: 'heston-paths',
      impl: 'wasm-simd',
      threads: 1,
      paths: count,
      steps: plan.steps,
      pathStepsPerSec: t.pathStepsPerSec,
      seconds: t.seconds,
      rmePercent: t.rmePercent,
    });
  }

  if (wanted('strategies')) await strategiesSuite(o, wasm, emit, runs);
  if (wanted('env')) await envSuite(o, emit);
  if (wanted('ppo')) await ppoSuite(o, emit);

  const threadPlan = planFromWorkload(paths, { seed: SEED, scheme: 'euler', paths: o.quick ? 400_000 : 2_000_000 });
  let single = 0;
  for (let threads = 1; wanted('scaling-threads') && threads <= o.maxThreads; threads++) {
    const executor = threads === 1 ? wasm : new NodePoolExecutor(threads);
    try {
      const t = await throughput(threadPlan, executor, runs); // tinybench's warm-up run also starts the workers
      if (threads === 1) single = t.pathStepsPerSec;
      emit({
        suite: 'scaling-threads',
        workload: 'heston-paths',
        impl: 'wasm-simd',
        threads,
        paths: threadPlan.paths,
        steps: threadPlan.steps,
        pathStepsPerSec: t.pathStepsPerSec,
        seconds: t.seconds,
        rmePercent: t.rmePercent,
        ratio: t.pathStepsPerSec / single,
      });
    } finally {
      if (threads > 1) await executor.close();
    }
  }
  return rows;
}

/** Five static strategies on common paths against one: the price path is simulated once for all of them. */
async function strategiesSuite(
  o: BenchOptions,
  wasm: ShardExecutor,
  emit: (row: BenchRow) => void,
  runs: number,
): Promise<void> {
  const config = parseEvaluationConfig(
    readJsonFile(join(PACKAGE_ROOT, 'examples', 'heston-execution.json'), 'example'),
  );
  config.evaluation.frontier = undefined;
  const paths = o.quick ? 20_000 : 100_000;
  const five = {
    ...config,
    strategies: config.strategies
      .filter((s) => s.type !== 'adaptive-almgren-chriss')
      .concat([{ type: 'schedule', fractions: new Array(390).fill(1) }]),
  };
  const one = { ...config, strategies: [{ type: 'twap' as const }] };
  const single = await measure('one strategy', () => runEvaluation(one, wasm, { paths }), runs);
  const many = await measure('five strategies', () => runEvaluation(five, wasm, { paths }), runs);
  emit({
    suite: 'strategies',
    workload: 'heston-execution example',
    impl: '1 static',
    threads: 1,
    paths,
    steps: 390,
    pathStepsPerSec: (paths * 390) / single.seconds,
    seconds: single.seconds,
    rmePercent: single.rmePercent,
  });
  emit({
    suite: 'strategies',
    workload: 'heston-execution example',
    impl: '5 static',
    threads: 1,
    paths,
    steps: 390,
    pathStepsPerSec: (paths * 390) / many.seconds,
    seconds: many.seconds,
    rmePercent: many.rmePercent,
    ratio: many.seconds / single.seconds,
  });
}

/** The execution environment with a 16 x 16 policy network in wasm, against the TS twin, per world. */
async function envSuite(o: BenchOptions, emit: (row: BenchRow) => void): Promise<void> {
  const engine = await createNodeEngine();
  const wasm = new WasmBackend(engine),
    twin = new ReferenceBackend();
  const policy = { kind: POLICY_MLP, params: benchPolicyParams() };
  for (const { name: world, spec: judging } of envWorlds()) {
    // about 0.1 s a run (AC world): runs of a few ms swing with every timer tick and GC pause on a shared machine
    const batch = 1024,
      batches = o.quick ? 16 : 256;
    const out = new Float64Array(ROLLOUT_COLUMNS * batch);
    const fast = await measure(
      `env ${world}`,
      () => {
        for (let b = 0; b < batches; b++) wasm.closedLoopRollout(judging, b * batch, batch, policy, out, batch);
      },
      o.quick ? 3 : 7,
    );
    const slow = await measure(`twin ${world}`, () => twin.closedLoopRollout(judging, 0, batch, policy, out, batch), 1);
    const fastRate = (batches * batch * judging.steps) / fast.seconds,
      slowRate = (batch * judging.steps) / slow.seconds;
    emit({
      suite: 'env',
      workload: world,
      impl: 'ts-twin',
      threads: 1,
      paths: batch,
      steps: judging.steps,
      pathStepsPerSec: slowRate,
      seconds: slow.seconds,
      unit: 'env-steps/s',
    });
    emit({
      suite: 'env',
      workload: world,
      impl: 'wasm-simd',
      threads: 1,
      paths: batches * batch,
      steps: judging.steps,
      pathStepsPerSec: fastRate,
      seconds: fast.seconds,
      rmePercent: fast.rmePercent,
      ratio: fastRate / slowRate,
      unit: 'env-steps/s',
    });
    // FlowOE's policy in the env: K Euler steps of the velocity network per env step (16 x 16 as PPO's, 64 x 64 as
    // FlowOE trains by default); compare with the 16 x 16 MLP policy's wasm row above
    for (const h of [16, 64]) {
      for (const K of [1, 2, 4, 8]) {
        const flow = { kind: POLICY_FLOW, params: benchFlowParams(h, K) };
        const flowBatches = Math.max(8, Math.round(batches / (K * (h / 16))));
        const t = await measure(
          `flow ${h} K=${K} ${world}`,
          () => {
            for (let b = 0; b < flowBatches; b++) wasm.closedLoopRollout(judging, b * batch, batch, flow, out, batch);
          },
          o.quick ? 3 : 7,
        );
        const rate = (flowBatches * batch * judging.steps) / t.seconds;
        emit({
          suite: 'env',
          workload: world,
          impl: `flow ${h}x${h} K=${K}`,
          threads: 1,
          paths: flowBatches * batch,
          steps: judging.steps,
          pathStepsPerSec: rate,
          seconds: t.seconds,
          rmePercent: t.rmePercent,
          unit: 'env-steps/s',
        });
      }
    }
  }
}

/** End-to-end PPO (collection in wasm + updates on tfjs-wasm) with ppo-heston's default configuration. */
async function ppoSuite(o: BenchOptions, emit: (row: BenchRow) => void): Promise<void> {
  const config = ppoHestonConfig(true);
  config.ppo.iterations = o.quick ? 3 : 8;
  const { training } = trainingEnvironment(config);
  const logs: IterationLog[] = [];
  await trainPpo({
    engine: await createNodeEngine(),
    spec: training,
    settings: config.ppo,
    onIteration: (l) => logs.push(l),
  });
  const steady = logs.slice(1);
  const rate = steady.reduce((a, l) => a + l.stepsPerSec, 0) / steady.length;
  emit({
    suite: 'ppo',
    workload: 'ppo-heston',
    impl: 'tfjs-wasm + wasm env',
    threads: 1,
    paths: config.ppo.envs,
    steps: training.steps,
    pathStepsPerSec: rate,
    seconds: (config.ppo.envs * training.steps) / rate,
    unit: 'env-steps/s',
  });
}
