// flowexec evaluate records every result in the run history: one row per strategy with its config, regime (when
// given, else null), metrics, seed and version; --no-history records nothing; concurrent runs wait for the file.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { flowexec, scratchDir, isCleanInputError } from '../support/cli.js';
import { RunHistory } from '../../src/runtime/run-history.js';

const dir = scratchDir();
const EVALUATE = ['evaluate', 'examples/heston-execution.json', '--paths', '1000', '--threads', '1', '--json'];
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

async function rows(db: string): Promise<Array<Record<string, string>>> {
  const history = await RunHistory.open(db);
  const csv = join(dir, `rows-${Math.random().toString(36).slice(2)}.csv`);
  try {
    await history.export(csv);
  } finally {
    history.close();
  }
  return Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

test('evaluate --history --regime records one row per strategy with config, regime, metrics, seed and version', async () => {
  const db = join(dir, 'regime.duckdb');
  const r = await flowexec([...EVALUATE, '--seed', '7', '--history', db, '--regime', 'HL']);
  assert.is(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  const recorded = await rows(db);
  assert.is(recorded.length, result.strategies.length);
  assert.is(new Set(recorded.map((x) => x.run_id)).size, 1, 'one run id for the whole evaluation');
  for (const s of result.strategies) {
    const row = recorded.find((x) => x.strategy === s.name)!;
    assert.ok(row, `no row for ${s.name}`);
    assert.is(row.command, 'evaluate');
    assert.is(row.regime, 'HL');
    assert.is(row.strategy_type, s.type);
    assert.is(Number(row.mean_bps), s.mean);
    assert.is(Number(row.stderr_bps), s.stderr);
    assert.is(Number(row.score_bps), s.score);
    assert.is(row.won, String(s.name === result.ranking[0]));
    assert.is(Number(row.seed), 7);
    assert.is(row.version, VERSION);
    const config = JSON.parse(row.config!);
    assert.is(config.evaluation.paths, 1000);
    assert.is(config.evaluation.seed, 7);
    assert.is(config.strategies.length, result.strategies.length);
    const metrics = JSON.parse(row.metrics!);
    assert.is(metrics.var95, s.var95);
    assert.is(metrics.attribution.temporary.mean, s.attribution.temporary.mean);
  }
});

test('by default (FLOWEXEC_HISTORY standing in for .flowexec/) a run is recorded with a null regime', async () => {
  const db = join(dir, 'default.duckdb');
  const r = await flowexec(EVALUATE, { FLOWEXEC_NO_HISTORY: '', FLOWEXEC_HISTORY: db });
  assert.is(r.status, 0, r.stderr);
  const recorded = await rows(db);
  assert.is(recorded.length, JSON.parse(r.stdout).strategies.length);
  assert.ok(
    recorded.every((x) => x.regime === '' && x.grid === ''),
    'regime and grid are NULL (empty in CSV)',
  );
  const summary = JSON.parse((await flowexec(['history', '--history', db, '--json'])).stdout).summary;
  assert.ok(summary.length > 0 && summary.every((s: { regime: unknown }) => s.regime === null));
});

test('--no-history records nothing', async () => {
  const db = join(dir, 'none.duckdb');
  const r = await flowexec([...EVALUATE, '--no-history'], { FLOWEXEC_NO_HISTORY: '', FLOWEXEC_HISTORY: db });
  assert.is(r.status, 0, r.stderr);
  assert.not.ok(existsSync(db));
});

test('two evaluations writing one history at the same time both get recorded', async () => {
  const db = join(dir, 'shared.duckdb');
  const [a, b] = await Promise.all([
    flowexec([...EVALUATE, '--history', db]),
    flowexec([...EVALUATE, '--history', db, '--seed', '3']),
  ]);
  assert.is(a.status, 0, a.stderr);
  assert.is(b.status, 0, b.stderr);
  assert.not.match(a.stderr + b.stderr, /not recorded/);
  const recorded = await rows(db);
  assert.is(new Set(recorded.map((x) => x.run_id)).size, 2);
});

test('a malformed --regime exits 2 naming the option, before simulating', async () => {
  const db = join(dir, 'bad.duckdb');
  assert.is(isCleanInputError(await flowexec([...EVALUATE, '--history', db, '--regime', 'H L;']), /--regime/), null);
  assert.not.ok(existsSync(db));
});

test.run();
