// The routes over the server's saved state: GET /v1/policies lists saved training runs with their curves (taken from
// the policy file's history and the log beside it, exactly), /v1/regimes maps bundled or uploaded bars with the
// labels `flowexec regime` gives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.js';
import { trainingRunListSchema, trainingRunSchema } from '../../src/api/training-runs.js';
import { regimeMapSchema } from '../../src/api/regime-data.js';
import { policyDirSource, EXAMPLE_POLICIES_DIR } from '../../src/runtime/policy-dir.js';
import { nodeRegimes } from '../../src/runtime/node-regimes.js';
import { catalog } from './support.js';
import { wasmExecutor } from '../support/workloads.js';
import { flowexec, scratchDir } from '../support/cli.js';

const executor = await wasmExecutor();
const app = createApp({
  executor,
  workloads: catalog(),
  policies: policyDirSource(EXAMPLE_POLICIES_DIR),
  regimes: nodeRegimes(),
  limits: { maxBodyBytes: 400_000 },
});
const bare = createApp({ executor, workloads: catalog() });
const json = async (path: string, init?: RequestInit, on = app) => {
  const res = await on.request(path, init);
  return { status: res.status, body: (await res.json()) as any };
};
const file = (name: string) => JSON.parse(readFileSync(join(EXAMPLE_POLICIES_DIR, name), 'utf8'));

test('GET /v1/policies lists the saved runs newest first, each in the documented shape', async () => {
  const { status, body } = await json('/v1/policies');
  assert.is(status, 200);
  trainingRunListSchema.parse(body);
  assert.is(body.directory, EXAMPLE_POLICIES_DIR);
  const names = body.items.map((r: any) => r.file).sort();
  assert.equal(names, ['flowoe-regimes.json', 'ppo-almgren-chriss.json', 'ppo-heston-execution.json']);
  const dates = body.items.map((r: any) => r.createdAt);
  assert.equal(dates, [...dates].sort().reverse());
  for (const r of body.items) assert.ok(r.hasHistory, `${r.file} has a history`);
});

test("a PPO run's curves are its file's history (return = minus the objective) and the log's env-steps/s", async () => {
  const { status, body } = await json('/v1/policies/ppo-almgren-chriss.json');
  assert.is(status, 200);
  trainingRunSchema.parse(body);
  const h = file('ppo-almgren-chriss.json').training.history;
  assert.equal(body.x.values, h.iteration);
  assert.equal(
    body.curves.meanReturnBps.values,
    h.objective.map((o: number) => -o),
  );
  for (const key of ['meanCostBps', 'policyLoss', 'valueLoss', 'entropy', 'approxKl', 'completion'])
    assert.equal(body.curves[key].values, h[key], key);
  const log = readFileSync(join(EXAMPLE_POLICIES_DIR, 'ppo-almgren-chriss.log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(
    body.curves.envStepsPerSec.values,
    log.map((l) => l.stepsPerSec),
  );
  assert.ok(body.curves.envStepsPerSec.values.every((v: number) => v > 0));
});

test("a FlowOE run's curve is its flow-matching loss, at the optimiser steps it was logged", async () => {
  const { body } = await json('/v1/policies/flowoe-regimes.json');
  const t = file('flowoe-regimes.json').training;
  assert.is(body.algorithm, 'flow-matching');
  assert.equal(body.x.values, t.lossHistory.step);
  assert.equal(body.curves.loss.values, t.lossHistory.loss);
  assert.is(body.x.values.at(-1), t.flow.iterations);
});

test('a folder with other JSON and an old policy without history: the others skipped, the old one listed as such', async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'config.json'), readFileSync('examples/heston-execution.json'));
  writeFileSync(join(dir, 'broken.json'), '{');
  const old = file('ppo-heston-execution.json');
  delete old.training.history;
  writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
  copyFileSync(join(EXAMPLE_POLICIES_DIR, 'flowoe-regimes.json'), join(dir, 'flow.json'));
  const other = createApp({ executor, workloads: catalog(), policies: policyDirSource(dir) });
  const { body } = await json('/v1/policies', undefined, other);
  assert.equal(body.items.map((r: any) => [r.file, r.hasHistory]).sort(), [
    ['flow.json', true],
    ['old.json', false],
  ]);
  const oldRun = (await json('/v1/policies/old.json', undefined, other)).body;
  assert.equal(oldRun.curves, {});
  assert.is(oldRun.final, old.training.final.meanCostBps);
});

test('policy routes: a path with a folder is 400, an unknown file 404, and no folder lists none', async () => {
  assert.is((await json('/v1/policies/..%2Fpackage.json')).status, 400);
  assert.is((await json('/v1/policies/.hidden.json')).status, 400);
  const missing = await json('/v1/policies/nope.json');
  assert.is(missing.status, 404);
  assert.is(missing.body.error.field, 'file');
  assert.equal((await json('/v1/policies', undefined, bare)).body, { directory: null, items: [] });
  assert.is((await json('/v1/policies/ppo-almgren-chriss.json', undefined, bare)).status, 404);
  assert.is((await app.request('/v1/policies', { method: 'DELETE' })).status, 405);
});

test('GET /v1/regimes lists the bundled data sets; the BAC minute map has the labels of `flowexec regime --json`', async () => {
  const list = await json('/v1/regimes');
  assert.equal(
    list.body.items.map((d: any) => d.id),
    ['spy-daily', 'bac-daily', 'spy-minute', 'bac-minute'],
  );
  const { status, body } = await json('/v1/regimes/bac-minute');
  assert.is(status, 200);
  regimeMapSchema.parse(body);
  const cli = await flowexec(['regime', 'data/lean-2013-10/minute_trade.csv', '--symbol', 'BAC', '--json']);
  assert.is(cli.status, 0, cli.stderr);
  const oracle = JSON.parse(cli.stdout);
  assert.equal(
    body.windows.map((w: any) => [w.start, w.label, w.grid]),
    oracle.windows.map((w: any) => [w.start, w.label, w.grid]),
  );
  assert.equal(body.counts, oracle.counts);
  assert.equal(body.grid, oracle.grid);
  assert.is(body.daily, false);
  assert.is(body.window, '30 min');
});

test('daily bars: 5-day windows whose counts and grid add up to the windows; POSTing the same CSV gives the same map', async () => {
  const { body } = await json('/v1/regimes/bac-daily');
  assert.ok(body.daily && body.window === '5 days' && body.symbol === 'BAC');
  const n = body.windows.length;
  assert.ok(n > 1000, `${n} windows`);
  assert.is(
    Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0),
    n,
  );
  assert.is(
    body.grid.flat().reduce((a: number, b: number) => a + b, 0),
    n,
  );
  const posted = await json('/v1/regimes?symbol=BAC', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: readFileSync('data/lean-2013-10/daily_bac.csv', 'utf8'),
  });
  assert.is(posted.status, 200);
  assert.equal(posted.body.windows, body.windows);
  assert.is(posted.body.source, 'body');
  const tenDays = await json('/v1/regimes/bac-daily?window=10');
  assert.is(tenDays.body.window, '10 days');
  assert.ok(Math.abs(tenDays.body.windows.length - n / 2) <= 2);
});

test('regime routes say what is wrong: media type, bad rows, bad window, unknown data set, a body over the limit', async () => {
  const csv = (body: string, type = 'text/csv', query = '') =>
    json(`/v1/regimes${query}`, { method: 'POST', headers: { 'content-type': type }, body });
  assert.is((await csv('date,close\n', 'application/json')).status, 415);
  const bad = await csv('date,open,high,low,close,volume\n20200102,1,2,0.5,x,100\n');
  assert.is(bad.status, 422);
  assert.match(bad.body.error.message, /line 2, column 5 \(close\): not a number/);
  const window = await json('/v1/regimes/spy-daily?window=1');
  assert.is(window.status, 400);
  assert.is(window.body.error.field, 'window');
  assert.is((await json('/v1/regimes/nope')).status, 404);
  assert.is((await json('/v1/regimes/NOPE!')).status, 400);
  const big = await csv(readFileSync('data/lean-2013-10/minute_trade.csv', 'utf8'));
  assert.is(big.status, 413);
  assert.equal((await json('/v1/regimes', undefined, bare)).body, { items: [] });
  assert.is((await json('/v1/regimes/spy-daily', undefined, bare)).status, 404);
  const none = await json(
    '/v1/regimes',
    { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'date\n' },
    bare,
  );
  assert.is(none.status, 404);
});

test.run();
