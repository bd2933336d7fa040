// Regime detection: labels split the history at its medians and terciles, a calm-then-turbulent series is labelled
// so, the classifier reports a time-ordered test accuracy, and --follow labels stdin bars as they arrive.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { detectRegimes } from '../../../src/market/regime/detect.js';
import { FULL_DAY, type BarSeries } from '../../../src/data/bars.js';
import { openBarFile } from '../../../src/cli/data-file.js';
import { flowexec } from '../../support/cli.js';

/** Hourly bars of a 24-hour market: 30 calm days (vol 20%) then 30 turbulent ones (vol 80%), fixed seed. */
function twoRegimes(): BarSeries {
  const n = 60 * 24;
  const col = () => new Float64Array(n);
  const s: BarSeries = {
    symbol: 'X',
    length: n,
    epochMs: col(),
    wallMs: col(),
    open: col(),
    high: col(),
    low: col(),
    close: col(),
    volume: col(),
    barMinutes: 60,
  };
  let seed = 7,
    price = 100;
  const u = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const vol = i < n / 2 ? 0.2 : 0.8;
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const open = price;
    price *= Math.exp(vol * Math.sqrt(1 / (24 * 365)) * z);
    const t = Date.UTC(2024, 0, 1) + i * 3_600_000;
    s.epochMs[i] = t;
    s.wallMs[i] = t;
    s.open[i] = open;
    s.close[i] = price;
    s.high[i] = Math.max(open, price);
    s.low[i] = Math.min(open, price);
    s.volume[i] = 1000 * (1 + u());
  }
  return s;
}

test('a calm then turbulent market is labelled low-vol then high-vol, split at the median', () => {
  const r = detectRegimes(twoRegimes(), FULL_DAY, { window: 24 * 60 });
  assert.is(r.windows.length, 60);
  const high = (w: { label: string }) => w.label.startsWith('H');
  assert.ok(r.windows.slice(0, 30).filter(high).length <= 1, 'the calm month is low vol');
  assert.ok(r.windows.slice(30).filter(high).length >= 29, 'the turbulent month is high vol');
  assert.is(r.counts.HH + r.counts.HL, 30, 'the median splits the history in half');
  const cells = r.grid.flat().reduce((a, b) => a + b, 0);
  assert.is(cells, 60);
  assert.is(
    r.grid[0]!.reduce((a, b) => a + b, 0),
    20,
    'terciles: a third of the windows in the low-vol row',
  );
});

test('SPY daily bars give a classifier report with a time-ordered split and a confusion matrix', async () => {
  const data = await openBarFile('data/lean-2013-10/daily_spy.csv', {});
  const r = detectRegimes(data.series, data.session);
  const c = r.classifier!;
  assert.ok(c.trainWindows > 2 * c.testWindows, 'train on the earlier 70%');
  assert.is(
    c.confusion.flat().reduce((a, b) => a + b, 0),
    c.testWindows,
  );
  for (const a of Object.values(c.accuracy)) assert.ok(a >= 0 && a <= 1);
  assert.ok(c.accuracy.ensemble > 0.4, `ensemble accuracy ${c.accuracy.ensemble} beats a 4-way guess`);
});

test('--follow labels each completed window as bars arrive on stdin', async () => {
  const rows = ['timestamp,open,high,low,close,volume'];
  const s = twoRegimes();
  for (let i = 0; i < 24 * 10; i++)
    rows.push(
      `${new Date(s.epochMs[i]!).toISOString()},${s.open[i]},${s.high[i]},${s.low[i]},${s.close[i]},${s.volume[i]}`,
    );
  const out = await new Promise<string>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'regime', '--follow', '--window', '360', '--json'],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    child.on('close', () => resolve(text));
    child.stdin.end(rows.join('\n') + '\n');
  });
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.is(lines.length, 10 * 4 - 1, 'every 6-hour window but the open last one is labelled');
  assert.ok(lines.every((l) => ['HH', 'HL', 'LH', 'LL'].includes(l.label)));
  assert.is(lines[lines.length - 1].history, 39);
});

test('regime on the shipped BAC bars prints the data quality, the labels and the grid', async () => {
  const r = await flowexec(['regime', 'data/lean-2013-10/minute_trade.csv', '--symbol', 'BAC']);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /quality: other symbols/);
  assert.match(r.stdout, /HH \d+ +HL \d+ +LH \d+ +LL \d+/);
  assert.match(r.stdout, /current regime: (HH|HL|LH|LL)/);
});

test.run();
