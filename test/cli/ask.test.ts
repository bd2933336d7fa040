// flowexec ask: --json prints one line {intent, request, answer} with numbers as numbers; questions about the user's
// own work read the run `flowexec evaluate` kept; bad invocations exit 2 with one line.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowexec, scratchDir, isCleanInputError } from '../support/cli.js';

const home = scratchDir();
const env = { FLOWEXEC_HOME: home };

test('ask --json prints one JSON line with the intent, the request (numbers as numbers) and the answer', async () => {
  const r = await flowexec(['ask', '--json', 'how much does it cost to buy 500k shares over 90 min with VWAP?'], env);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.is(lines.length, 1);
  const out = JSON.parse(lines[0]!);
  assert.equal(Object.keys(out), ['intent', 'request', 'answer']);
  assert.is(out.intent, 'cost');
  assert.is(out.request.shares, 500_000);
  assert.is(out.request.side, 'buy');
  assert.is(out.request.horizonMinutes, 90);
  assert.equal(out.request.strategies, [{ type: 'vwap' }]);
  assert.match(out.answer, /^Buying 500,000 shares over 1\.5 hours .* vwap: -?\d+\.\d\d bps \(95% CI/);
});

test('history questions before any run say how to make one; after evaluate they answer from it', async () => {
  const before = await flowexec(['ask', 'how did the strategies perform?'], env);
  assert.is(before.status, 0, before.stderr);
  assert.match(before.stdout, /no run to read yet/);
  const run = await flowexec(
    ['evaluate', 'examples/almgren-chriss.json', '--paths', '2000', '--threads', '1', '--json'],
    env,
  );
  assert.is(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  const after = await flowexec(['ask', '--json', 'how did the strategies perform?'], env);
  const out = JSON.parse(after.stdout);
  assert.is(out.intent, 'last-performance');
  for (const name of result.ranking) assert.ok(out.answer.includes(name), `${name} missing: ${out.answer}`);
  const trades = JSON.parse((await flowexec(['ask', '--json', 'show me the last 5 trades'], env)).stdout);
  assert.is(trades.request.count, 5);
  assert.is((trades.answer.match(/ shares at mid /g) ?? []).length, 5, trades.answer);
});

test('a refusal exits 0 with example questions; a missing question exits 2 with one line', async () => {
  const r = await flowexec(['ask', 'tell', 'me', 'a', 'joke'], env);
  assert.is(r.status, 0);
  assert.match(r.stdout, /^Sorry: that is outside what FlowExec answers.*You can ask, for example/);
  const problem = isCleanInputError(await flowexec(['ask'], env), /missing QUESTION/);
  assert.is(problem, null, problem ?? '');
});

test.run();
