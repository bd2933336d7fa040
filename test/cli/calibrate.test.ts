// flowexec calibrate: the shipped BAC bars give a market section that `flowexec evaluate` runs as is; malformed or
// degenerate files exit 2 naming file, line and column.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowexec, scratchDir, writeJson, isCleanInputError } from '../support/cli.js';

const dir = scratchDir();

test('calibrate writes a market section that evaluate accepts, and prints the data-quality summary', async () => {
  const out = join(dir, 'bac.json');
  const r = await flowexec([
    'calibrate',
    'data/lean-2013-10/minute_trade.csv',
    '--symbol',
    'BAC',
    '--bootstrap',
    '50',
    '-o',
    out,
  ]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /data: data\/lean-2013-10\/minute_trade\.csv \[lean-minute\] BAC: 9252 rows -> 2340 bars/);
  assert.match(r.stdout, /quality: other symbols \d+, outside session \d+, unsorted 0, duplicates 0/);
  assert.match(r.stdout, /kappa \(1\/year\)/);
  const market = JSON.parse(readFileSync(out, 'utf8'));
  const config = writeJson(dir, 'config.json', {
    market,
    order: { shares: 100000, horizonMinutes: 60, startMinute: 30 },
    strategies: [{ type: 'twap' }, { type: 'vwap' }],
    evaluation: { paths: 2000 },
  });
  const e = await flowexec(['evaluate', config, '--threads', '1', '--json']);
  assert.is(e.status, 0, e.stderr);
  assert.is(JSON.parse(e.stdout).strategies.length, 2);
});

const BAD: Array<[string, string, RegExp]> = [
  ['an empty file', '', /empty\.csv: line 1: empty file/],
  ['a header only', 'timestamp,open,high,low,close,volume\n', /header\.csv: line 2: no data rows/],
  [
    'a bad number',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,5\n2024-01-02 10:01:00,1,x,1,1,5\n',
    /number\.csv: line 3, column 3 \(high\): not a number/,
  ],
  [
    'one row',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,5\n',
    /one\.csv.*|usable variance window/,
  ],
];

for (const [what, text, expected] of BAD) {
  test(`calibrate on ${what} exits 2 with one line naming the problem`, async () => {
    const name =
      what === 'an empty file'
        ? 'empty.csv'
        : what === 'a header only'
          ? 'header.csv'
          : what === 'a bad number'
            ? 'number.csv'
            : 'one.csv';
    const r = await flowexec(['calibrate', writeJson(dir, name, text)]);
    assert.is(isCleanInputError(r, expected), null);
  });
}

test('calibrate on a missing file exits 2', async () => {
  assert.is(isCleanInputError(await flowexec(['calibrate', join(dir, 'nope.csv')]), /data file not found/), null);
});

test.run();
