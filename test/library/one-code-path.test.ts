// The CLI runs the library: `flowexec run|evaluate --json` print what simulate / evaluate return, to the bit, and the
// options the CLI needed (executor, precision, shardPaths, schedules) do what they say.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { repositorySources } from '../support/import-rules.js';
import { simulate, evaluate, type ShardExecutor } from '../../src/index.js';
import { evaluate as evaluateNeutral } from '../../src/library/evaluate.js';
import { InlineExecutor } from '../../src/eval/executor.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { flowexec } from '../support/cli.js';

const acExample = () => JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8')) as Record<string, any>;
/** Everything but the wall-clock and process fields, which differ between two runs. */
const figures = (r: Record<string, unknown>) => {
  const { wallSeconds: _w, pathStepsPerSec: _p, peakRssMiB: _m, provenance: _v, ...rest } = r;
  return JSON.stringify(rest);
};

/** An executor over this thread's engine that counts its shards and whether it was closed. */
async function countingExecutor() {
  const inner = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const counts = { shards: 0, closed: false };
  const executor: ShardExecutor = {
    threads: 1,
    runShard(plan, firstChunk, nChunks) {
      counts.shards++;
      return inner.runShard(plan, firstChunk, nChunks);
    },
    async close() {
      counts.closed = true;
    },
  };
  return { executor, counts };
}

test('flowexec run --json prints what simulate returns (format tag included), bit for bit', async () => {
  const cli = await flowexec([
    'run',
    'heston-execution',
    '--paths',
    '3000',
    '--seed',
    '11',
    '--threads',
    '1',
    '--json',
  ]);
  assert.is(cli.status, 0, cli.stderr);
  const printed = JSON.parse(cli.stdout) as Record<string, unknown>;
  assert.is(printed.format, 'flowexec-simulation');
  assert.is(printed.formatVersion, 1);
  const library = await simulate('heston-execution', { paths: 3000, seed: 11 });
  assert.is(figures(printed), figures(library as unknown as Record<string, unknown>));
});

test('flowexec evaluate --json with --precision, --shard-paths and --schedules prints what evaluate returns', async () => {
  const args = ['--paths', '3000', '--seed', '5', '--precision', 'f32', '--shard-paths', '1000', '--schedules'];
  const cli = await flowexec(['evaluate', 'examples/almgren-chriss.json', ...args, '--threads', '1', '--json']);
  assert.is(cli.status, 0, cli.stderr);
  const printed = JSON.parse(cli.stdout) as Record<string, unknown>;
  const library = await evaluate(acExample(), {
    paths: 3000,
    seed: 5,
    precision: 'f32',
    shardPaths: 1000,
    schedules: true,
  });
  assert.ok(Array.isArray(library.schedules) && library.schedules.length === library.strategies.length);
  assert.is(figures(printed), figures(library as unknown as Record<string, unknown>));
});

test('precision "f32" as an option equals it in the config, and differs from f64', async () => {
  const config = acExample();
  const asOption = await evaluate(config, { paths: 2000, precision: 'f32' });
  const inConfig = await evaluate(
    { ...config, evaluation: { ...config.evaluation, precision: 'f32' } },
    { paths: 2000 },
  );
  const f64 = await evaluate(config, { paths: 2000 });
  assert.is(figures(asOption as never), figures(inConfig as never));
  assert.is.not(asOption.strategies[0]!.mean, f64.strategies[0]!.mean);
});

test("an executor given in the options runs every shard, is left open, and gives the engine's bits", async () => {
  const config = acExample();
  const { executor, counts } = await countingExecutor();
  const viaExecutor = await evaluate(config, { paths: 4000, shardPaths: 1000, executor });
  assert.ok(config.evaluation.frontier.length > 0);
  assert.is(counts.shards, 8, 'one shard per 1000 paths, twice with the frontier');
  assert.not.ok(counts.closed, "the caller's executor stays open");
  const plain = await evaluate(config, { paths: 4000 });
  assert.is(figures(viaExecutor as never), figures(plain as never));
  // the runtime-neutral evaluate (flowexec/browser's, the API's) on the same executor: the same bits again
  const neutral = await evaluateNeutral(config, { paths: 4000, shardPaths: 1000, executor });
  assert.is(figures(neutral as never), figures(plain as never));
  const sim = await simulate('heston-paths', { paths: 2000, steps: 20, shardPaths: 1000, executor });
  assert.is(counts.shards, 8 + 8 + 2);
  assert.is(sim.mean, (await simulate('heston-paths', { paths: 2000, steps: 20 })).mean);
});

test('the runtime-neutral functions need an engine or an executor, and one thread without an executor', async () => {
  const error = await evaluateNeutral(acExample(), {}).catch((e: unknown) => e);
  assert.match((error as Error).message, /^options\.engine: flowexec\/browser needs an engine/);
  const engine = await (await import('../../src/index.js')).createEngine();
  const threads = await evaluateNeutral(acExample(), { engine, threads: 2 }).catch((e: unknown) => e);
  assert.match((threads as Error).message, /^options\.threads: flowexec\/browser runs on one thread/);
});

test('no second code path: outside src/eval only src/library imports runEvaluation or runWorkload', () => {
  const callers = repositorySources()
    .filter((f) => f.path.startsWith('src/') && !f.path.startsWith('src/eval/') && !f.path.startsWith('src/library/'))
    .filter((f) => /import\s*\{[^}]*\b(runEvaluation|runWorkload)\b[^}]*\}\s*from/.test(f.text))
    .map((f) => f.path);
  assert.equal(callers, []);
});

test.run();
