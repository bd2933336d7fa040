// Results are the same bits whatever the backend, shard size or thread count (DESIGN.md rule 1).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonical, wasmExecutor, referenceExecutor } from '../support/workloads.js';
import type { SimulationPlan } from '../../src/eval/plan.js';
import { planFromWorkload } from '../../src/eval/workload-plan.js';
import { simulate } from '../../src/eval/simulate.js';
import { NodePoolExecutor } from '../../src/runtime/node-pool.js';
import { firstBitDifference } from '../support/backends.js';

const wasm = await wasmExecutor();

function same(a: Float64Array, b: Float64Array, what: string): void {
  const i = firstBitDifference(a, b);
  assert.is(i, -1, `${what}: records differ at ${i}: ${a[i]} vs ${b[i]}`);
}

for (const name of ['heston-paths', 'heston-execution'] as const) {
  for (const scheme of ['euler', 'qe'] as const) {
    test(`${name} with ${scheme}: the wasm engine and the TS twin give bit-identical statistics`, async () => {
      const plan = planFromWorkload(canonical(name), { paths: 1_500, steps: 67, seed: 5, scheme });
      same(await simulate(plan, wasm), await simulate(plan, referenceExecutor()), `${name} ${scheme}`);
    });
  }
}

test('shard sizes of 1e3 and 1e5 paths, and 1, 2 and 3 threads, give bit-identical statistics', async () => {
  const plans: SimulationPlan[] = [
    planFromWorkload(canonical('heston-execution'), { paths: 201_000, steps: 20, seed: 9, scheme: 'euler' }),
    planFromWorkload(canonical('heston-paths'), { paths: 201_000, steps: 12, seed: 9, scheme: 'qe' }),
  ];
  const pools = [new NodePoolExecutor(2), new NodePoolExecutor(3)];
  try {
    for (const plan of plans) {
      const base = await simulate(plan, wasm, { shardChunks: 1 });
      same(await simulate(plan, wasm, { shardChunks: 100 }), base, `${plan.label}: shard 1e5 vs 1e3`);
      for (const pool of pools) {
        same(await simulate(plan, pool, { shardChunks: 1 }), base, `${plan.label}: ${pool.threads} threads, shard 1e3`);
        same(
          await simulate(plan, pool, { shardChunks: 100 }),
          base,
          `${plan.label}: ${pool.threads} threads, shard 1e5`,
        );
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});

test('a different seed gives different statistics (the seed reaches the generator)', async () => {
  const w = canonical('heston-paths');
  const a = await simulate(planFromWorkload(w, { paths: 2_000, steps: 10, seed: 1, scheme: 'euler' }), wasm);
  const b = await simulate(planFromWorkload(w, { paths: 2_000, steps: 10, seed: 2, scheme: 'euler' }), wasm);
  assert.is.not(a[1], b[1]);
});

test.run();
