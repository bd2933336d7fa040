// Shards: the in-order merger takes a re-delivered shard once and gives the same bits whatever the arrival order;
// plan digests and the records' wire form are exact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ShardMerger, mergerFor, shardRanges, planDigest, encodeRecords, decodeRecords } from '../../src/eval/shard.js';
import { runShardWith } from '../../src/eval/executor.js';
import { ChunkRunner } from '../../src/eval/chunk.js';
import { simulate } from '../../src/eval/simulate.js';
import { planFromWorkload } from '../../src/eval/workload-plan.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { canonical, wasmExecutor } from '../support/workloads.js';

const plan = planFromWorkload(canonical('heston-paths'), { paths: 9_500, steps: 16, seed: 11, scheme: 'euler' });
const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

test('shards cover every chunk once, in order, the last one short', () => {
  const ranges = shardRanges(plan, 3);
  assert.equal(
    ranges.map((r) => [r.firstChunk, r.chunks]),
    [
      [0, 3],
      [3, 3],
      [6, 3],
      [9, 1],
    ],
  );
});

test('shards arriving out of order and twice merge to the bits of the in-order local run', async () => {
  const runner = new ChunkRunner(new WasmBackend(await createNodeEngine()));
  const ranges = shardRanges(plan, 3);
  const results = ranges.map((r) => runShardWith(runner, plan, r.firstChunk, r.chunks));
  const merger = mergerFor(plan, ranges.length);
  const accepted = [2, 0, 2, 3, 0, 1, 1].map((i) => merger.add(i, results[i]!));
  assert.equal(accepted, [true, true, false, true, false, true, false]);
  assert.ok(merger.complete);
  const local = await simulate(plan, await wasmExecutor(), { shardChunks: 5 });
  assert.equal(bits(merger.record), bits(local));
});

test('a shard index out of range or records of the wrong length are refused', () => {
  const merger = new ShardMerger({ nCols: 2, nPaired: 2, bins: 0 }, 2);
  assert.throws(() => merger.add(2, new Float64Array(10)), /out of range/);
  assert.throws(() => merger.add(0, new Float64Array(7)), /whole number of records/);
});

test('the plan digest is stable for equal plans and changes with the seed', () => {
  const again = planFromWorkload(canonical('heston-paths'), { paths: 9_500, steps: 16, seed: 11, scheme: 'euler' });
  const other = planFromWorkload(canonical('heston-paths'), { paths: 9_500, steps: 16, seed: 12, scheme: 'euler' });
  assert.match(planDigest(plan), /^[0-9a-f]{16}$/);
  assert.is(planDigest(again), planDigest(plan));
  assert.is.not(planDigest(other), planDigest(plan));
});

test('records survive the wire bit for bit, NaN, -0 and infinities included', () => {
  const values = Float64Array.from([0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, 1 / 3, -1e308, 5e-324]);
  assert.equal(bits(decodeRecords(encodeRecords(values))), bits(values));
  const large = Float64Array.from({ length: 100_003 }, (_, i) => Math.sin(i) * 1e6);
  assert.equal(bits(decodeRecords(encodeRecords(large))), bits(large));
});

test('an execution record packs to under a third of its raw bytes (histogram counts and zero runs take a byte)', async () => {
  const { buildExecutionPlan } = await import('../../src/eval/execution-plan.js');
  const { parseEvaluationConfig } = await import('../../src/eval/config.js');
  const { readFileSync } = await import('node:fs');
  const config = parseEvaluationConfig(
    JSON.parse(readFileSync(new URL('../../examples/almgren-chriss.json', import.meta.url), 'utf8')),
  );
  const execution = buildExecutionPlan(config, { paths: 5_000 });
  const records = runShardWith(new ChunkRunner(new WasmBackend(await createNodeEngine())), execution, 0, 5);
  const text = encodeRecords(records);
  assert.ok(
    (text.length * 3) / 4 < records.byteLength / 3,
    `${text.length} base64 characters for ${records.byteLength} bytes`,
  );
  assert.equal(bits(decodeRecords(text)), bits(records));
});

test.run();
