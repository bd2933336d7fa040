// flowexec recommend and history: a recommendation with its cost, CI and confidence is recorded in the DuckDB run
// history, which `history` summarises per regime and exports to CSV and Parquet.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowexec, scratchDir, isCleanInputError } from '../support/cli.js';

const dir = scratchDir();
const db = join(dir, 'history.duckdb');
const RECOMMEND = [
  'recommend',
  '--data',
  'data/lean-2013-10/minute_trade.csv',
  '--symbol',
  'BAC',
  '--order',
  'examples/real-markets/order-spy.json',
  '--paths',
  '2000',
  '--threads',
  '1',
  '--history',
  db,
];

test('recommend ranks the candidates, states its confidence and records the run', async () => {
  const r = await flowexec([...RECOMMEND, '--json']);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(['HH', 'HL', 'LH', 'LL'].includes(out.regime));
  assert.is(out.alternatives.length, 9);
  assert.is(out.alternatives[0].strategy, out.recommendation.strategy);
  assert.ok(
    out.recommendation.ci95[0] < out.recommendation.expectedCostBps &&
      out.recommendation.expectedCostBps < out.recommendation.ci95[1],
  );
  assert.ok(out.recommendation.confidence.pValue >= 0 && out.recommendation.confidence.pValue <= 1);
  assert.is(out.metaSelector.predicted, null, 'an empty history predicts nothing');
  const again = JSON.parse((await flowexec([...RECOMMEND, '--json'])).stdout);
  assert.is(
    again.metaSelector.predicted,
    out.recommendation.strategy,
    "the second run predicts the first run's winner",
  );
});

test('history summarises per regime and exports CSV and Parquet', async () => {
  const r = await flowexec(['history', '--history', db, '--json']);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(
    out.summary.reduce((a: number, s: { runs: number }) => a + s.runs, 0),
    18,
  );
  const csv = join(dir, 'runs.csv'),
    parquet = join(dir, 'runs.parquet');
  assert.is((await flowexec(['history', '--history', db, '--export', csv])).status, 0);
  assert.is(readFileSync(csv, 'utf8').trim().split('\n').length, 19);
  assert.is((await flowexec(['history', '--history', db, '--export', parquet])).status, 0);
  assert.ok(existsSync(parquet));
});

test('history without a history file exits 2', async () => {
  assert.is(
    isCleanInputError(await flowexec(['history', '--history', join(dir, 'none.duckdb')]), /no run history/),
    null,
  );
});

test.run();
