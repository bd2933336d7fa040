// The public API (src/index.ts) against the internals it wraps, exact oracles and its own error contract.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import {
  simulate,
  evaluate,
  createEngine,
  hestonCall,
  hestonPut,
  almgrenChriss,
  almgrenChrissCost,
  almgrenChrissFrontier,
  parseEvaluationConfig,
  parsePolicyFile,
  mlpPolicy,
  readEvaluationReport,
  InputError,
  RESULT_FORMAT_VERSION,
} from '../../src/index.js';
import { runWorkload } from '../../src/eval/run-workload.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { InlineExecutor } from '../../src/eval/executor.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { parseWorkload } from '../../src/market/workload.js';
import { BUNDLED_WORKLOADS } from '../../src/workloads/bundled.js';

const acExample = () => JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8')) as Record<string, any>;
/** Everything but the wall-clock fields, which differ between two runs. */
const figures = (r: Record<string, unknown>) => JSON.stringify({ ...r, wallSeconds: 0, pathStepsPerSec: 0 });

async function thrown(body: () => unknown): Promise<unknown> {
  try {
    await body();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

test("simulate returns runWorkload's figures bit for bit, tagged with the result format", async () => {
  const run = await simulate('heston-execution', { paths: 3000, seed: 11 });
  const executor = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const direct = await runWorkload(
    parseWorkload(BUNDLED_WORKLOADS['heston-execution']),
    { paths: 3000, seed: 11, scheme: 'euler' },
    executor,
  );
  assert.is(run.format, 'flowexec-simulation');
  assert.is(run.formatVersion, RESULT_FORMAT_VERSION);
  const { format: _f, formatVersion: _v, ...rest } = run;
  assert.is(figures(rest), figures(direct as unknown as Record<string, unknown>));
});

test('simulate on an engine given twice gives the same bits; a bad option names its field', async () => {
  const engine = await createEngine();
  const a = await simulate('heston-paths', { engine, paths: 2000, steps: 20 });
  const b = await simulate('heston-paths', { engine, paths: 2000, steps: 20 });
  assert.is(a.mean, b.mean);
  const error = await thrown(() => simulate('heston-paths', { paths: -3 }));
  assert.ok(error instanceof InputError);
  assert.is((error as InputError).field, 'options.paths');
  assert.match((error as Error).message, /^options\.paths: must be >= 1/);
  assert.match(
    ((await thrown(() => simulate('no-such-workload' as 'heston-paths'))) as Error).message,
    /unknown workload "no-such-workload"/,
  );
});

test('simulate on two worker threads gives the bits of one thread; createEngine takes a wasm path', async () => {
  const one = await simulate('heston-execution', { paths: 4000, seed: 3, shardPaths: 1000 });
  const two = await simulate('heston-execution', { paths: 4000, seed: 3, shardPaths: 1000, threads: 2 });
  assert.is(two.threads, 2);
  assert.equal([two.mean, two.stderr, two.var95], [one.mean, one.stderr, one.var95]);
  const engine = await createEngine({ wasm: 'build/flowexec.wasm' });
  assert.is((await simulate('heston-execution', { engine, paths: 4000, seed: 3 })).mean, one.mean);
  assert.match(((await thrown(() => createEngine({ wasm: 'no/such.wasm' }))) as Error).message, /wasm: file not found/);
});

test('evaluate equals runEvaluation on the same paths, reports progress up to the total, and stops on abort', async () => {
  const config = { ...acExample(), evaluation: { paths: 4000, riskAversion: 50, frontier: [0, 50] } };
  const seen: Array<[number, number]> = [];
  const report = await evaluate(config, { onProgress: (done, total) => seen.push([done, total]) });
  const executor = new InlineExecutor(new WasmBackend(await createNodeEngine()));
  const direct = await runEvaluation(parseEvaluationConfig(config), executor);
  assert.is(report.format, 'flowexec-evaluation');
  const { format: _f, formatVersion: _v, ...rest } = report;
  assert.is(figures(rest), figures(direct as unknown as Record<string, unknown>));
  assert.ok(seen.length >= 2);
  assert.equal(seen.at(-1), [8000, 8000], 'a frontier doubles the paths');
  assert.ok(
    seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0]),
    'progress never goes back',
  );
  const controller = new AbortController();
  controller.abort();
  assert.match(((await thrown(() => evaluate(config, { signal: controller.signal }))) as Error).message, /cancelled/);
});

test("evaluate's config errors are the CLI's: the field named, as InputError", async () => {
  const config = acExample();
  config.market.model.sigmaPerSqrtDay = -1;
  const error = await thrown(() => evaluate(config));
  assert.ok(error instanceof InputError);
  assert.is((error as Error).message, ((await thrown(() => parseEvaluationConfig(config))) as Error).message);
  assert.match((error as Error).message, /^market\.model\.sigmaPerSqrtDay: /);
});

test('hestonCall gives the canonical heston-paths price to 1e-12 and put-call parity holds; a bad field is named', () => {
  const option = {
    s0: 100,
    strike: 100,
    maturityYears: 1,
    rate: 0,
    dividendYield: 0,
    v0: 0.04,
    kappa: 1.5,
    theta: 0.04,
    xi: 0.6,
    rho: -0.7,
  };
  // exact price of the canonical heston-paths call (40-digit quadrature, test/market/heston-pricer.test.ts)
  assert.ok(Math.abs(hestonCall(option) - 6.750867116214) < 1e-12, String(hestonCall(option)));
  const parity = hestonCall({ ...option, strike: 110 }) - hestonPut({ ...option, strike: 110 }) - (100 - 110);
  assert.ok(Math.abs(parity) < 1e-12, String(parity));
  let error: unknown;
  try {
    hestonCall({ ...option, rho: 1.5 });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof InputError);
  assert.is((error as InputError).field, 'option.rho');
});

test("almgrenChriss reproduces the paper's worked example (lambda 1e-6: E 911,227, sd 603,431; TWAP 662,500 and 1,040,673)", () => {
  const market = {
    shares: 1e6,
    steps: 5,
    tauDays: 1,
    sigmaPerSqrtDay: 0.95,
    gamma: 2.5e-7,
    eta: 2.5e-6,
    epsilon: 0.0625,
  };
  const s = almgrenChriss(market, 1e-6);
  assert.ok(Math.abs(s.expectedCost - 911_226.99) < 0.01 && Math.abs(Math.sqrt(s.variance) - 603_430.67) < 0.01);
  assert.is(s.holdings[0], 1e6);
  assert.is(s.holdings[5], 0);
  assert.ok(Math.abs(s.trades.reduce((a, b) => a + b, 0) - 1e6) < 1e-6);
  const twap = almgrenChrissCost(market, new Float64Array(5).fill(2e5));
  assert.ok(Math.abs(twap.mean - 662_500) < 1e-6 && Math.abs(Math.sqrt(twap.variance) - 1_040_672.86) < 0.01);
  const frontier = almgrenChrissFrontier(market, [0, 1e-7, 1e-6]);
  for (let i = 1; i < frontier.length; i++) {
    assert.ok(
      frontier[i]!.expectedCost > frontier[i - 1]!.expectedCost && frontier[i]!.variance < frontier[i - 1]!.variance,
      'more risk aversion: higher cost, lower variance',
    );
  }
  assert.throws(
    () => almgrenChriss({ ...market, eta: 1e-8 }, 1e-6),
    (e: unknown) => e instanceof InputError && e.field === 'market.eta',
  );
  assert.throws(
    () => almgrenChriss(market, Number.NaN),
    (e: unknown) => e instanceof InputError && e.field === 'riskAversionPerCurrency',
  );
});

test("an MLP given as weights runs beside the built-ins on common paths: a zero network trades at TWAP's rate, so its cost is TWAP's to f32 rounding", async () => {
  const [h1, h2] = [4, 3];
  const zero = mlpPolicy('zero', {
    hidden: [h1, h2],
    w1: new Array(h1 * 6).fill(0),
    b1: new Array(h1).fill(0),
    w2: new Array(h2 * h1).fill(0),
    b2: new Array(h2).fill(0),
    w3: new Array(h2).fill(0),
    b3: [0],
  });
  const fast = mlpPolicy('fast', {
    hidden: [h1, h2],
    w1: new Array(h1 * 6).fill(0),
    b1: new Array(h1).fill(0),
    w2: new Array(h2 * h1).fill(0),
    b2: new Array(h2).fill(0),
    w3: new Array(h2).fill(0),
    b3: [2],
  });
  const config = {
    ...acExample(),
    strategies: [{ type: 'twap' }, { type: 'policy', file: 'zero' }, { type: 'policy', file: 'fast' }],
    evaluation: { paths: 2000 },
  };
  const report = await evaluate(config, { policies: { zero, fast } });
  const byName = new Map(report.strategies.map((s) => [s.name, s]));
  const twap = byName.get('twap')!,
    net = byName.get('policy:zero')!,
    front = byName.get('policy:fast')!;
  assert.ok(Math.abs(net.mean - twap.mean) < 1e-4 * Math.abs(twap.mean), `${net.mean} vs ${twap.mean}`);
  assert.ok(front.mean > twap.mean + 3 * twap.stderr, 'trading faster costs more impact in the AC world');
  assert.throws(
    () => mlpPolicy('bad', { hidden: [2, 2], w1: [0], b1: [0, 0], w2: [0, 0, 0, 0], b2: [0, 0], w3: [0, 0], b3: [0] }),
    (e: unknown) => e instanceof InputError && /network\.w1 must have 12 values/.test(e.message),
  );
});

test('versioned formats: a policy file of another version and a result of a newer version are refused by name; a 0.1 result is read', () => {
  const policy = mlpPolicy('p', {
    hidden: [1, 1],
    w1: new Array(6).fill(0),
    b1: [0],
    w2: [0],
    b2: [0],
    w3: [0],
    b3: [0],
  });
  assert.throws(
    () => parsePolicyFile({ ...policy, version: 2 }, 'p.json'),
    (e: unknown) =>
      e instanceof InputError && /version 2 is not supported \(this flowexec reads version 1\)/.test(e.message),
  );
  const legacy = { name: 'old', paths: 10, strategies: [] };
  assert.is(readEvaluationReport(legacy).formatVersion, RESULT_FORMAT_VERSION);
  assert.throws(
    () => readEvaluationReport({ ...legacy, format: 'flowexec-evaluation', formatVersion: 9 }),
    (e: unknown) => e instanceof InputError && /version 9 is not supported/.test(e.message),
  );
  assert.throws(
    () => readEvaluationReport({ format: 'flowexec-policy' }),
    (e: unknown) => e instanceof InputError && /must be "flowexec-evaluation"/.test(e.message),
  );
});

test.run();
