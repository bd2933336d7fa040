// Loading bar files: the shipped Lean files as their README states them, generic OHLCV in every timestamp form, and
// every malformed or degenerate file either an InputError naming file, line and column or a counted problem.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadBars, type LoadOptions } from '../../src/data/load-bars.js';
import { splitDays, parseSession } from '../../src/data/bars.js';
import { parseTimestamp } from '../../src/data/timestamp.js';
import { InputError } from '../../src/errors/input-error.js';
import { openBarFile } from '../../src/cli/data-file.js';

const LEAN = 'data/lean-2013-10';

async function loadText(text: string, options: Partial<LoadOptions> = {}) {
  return loadBars(text, { file: 'bars.csv', ...options });
}

async function inputError(text: string, options: Partial<LoadOptions> = {}): Promise<string> {
  try {
    await loadText(text, options);
  } catch (error) {
    assert.instance(error, InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

test('SPY minute bars have 390 regular-session bars on each of the 7 days, with quotes joined', async () => {
  const spy = await openBarFile(`${LEAN}/minute_trade.csv`, { symbol: 'SPY' });
  const days = splitDays(spy.series);
  assert.is(days.length, 7);
  for (const d of days) assert.is(d.end - d.start, 390, d.date);
  assert.is(spy.series.barMinutes, 1);
  const q = spy.quality;
  assert.equal([q.unsorted, q.duplicates, q.gaps, q.zeroVolume, q.ohlcRepaired], [0, 0, 0, 0, 0]);
  assert.ok(q.outsideSession > 0, 'extended-hours bars are counted and left out');
  assert.ok(q.quotes!.matched > 0.95 * spy.series.length);
  const spreads = [...spy.spreadBps!].filter(Number.isFinite).sort((a, b) => a - b);
  const median = spreads[Math.floor(spreads.length / 2)]!;
  assert.ok(median > 0.3 && median < 1.0, `SPY median spread ${median} bp is about 0.6 bp (one cent)`);
});

test('BAC has six days of 390 bars and a median spread near 7 bp', async () => {
  const bac = await openBarFile(`${LEAN}/minute_trade.csv`, { symbol: 'bac' });
  assert.equal(
    splitDays(bac.series).map((d) => d.end - d.start),
    [390, 390, 390, 390, 390, 390],
  );
  const spreads = [...bac.spreadBps!].filter(Number.isFinite).sort((a, b) => a - b);
  const median = spreads[Math.floor(spreads.length / 2)]!;
  assert.ok(median > 5 && median < 9, `BAC median spread ${median} bp`);
});

test('a file with two symbols and no --symbol is an InputError listing them', async () => {
  try {
    await openBarFile(`${LEAN}/minute_trade.csv`, {});
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /several symbols \((BAC, SPY|SPY, BAC)\): pass --symbol/);
  }
});

test('Lean daily bars load 1998-2021 with YYYYMMDD dates, one bar per day', async () => {
  const daily = await openBarFile(`${LEAN}/daily_spy.csv`, {});
  assert.is(daily.series.symbol, 'SPY');
  assert.is(daily.series.barMinutes, 1440);
  assert.is(daily.quality.first, '1998-01-02');
  assert.is(daily.quality.last, '2021-03-31');
  assert.is(daily.quality.days, daily.series.length);
});

test('every timestamp form reads to the same instant', () => {
  const expected = Date.UTC(2024, 0, 2, 14, 30, 0);
  assert.is(parseTimestamp('2024-01-02T14:30:00Z')!.epochMs, expected);
  assert.is(parseTimestamp('2024-01-02 14:30:00')!.epochMs, expected);
  assert.is(parseTimestamp('2024-01-02T09:30:00-05:00')!.epochMs, expected);
  assert.is(parseTimestamp('2024-01-02T09:30:00-05:00')!.wallMs, Date.UTC(2024, 0, 2, 9, 30));
  assert.is(parseTimestamp(String(expected / 1000))!.epochMs, expected);
  assert.is(parseTimestamp(String(expected))!.epochMs, expected);
  assert.is(parseTimestamp('2024-01-02 14:30:00.250000')!.epochMs, expected + 250);
  assert.is(parseTimestamp('2024-02-30 14:30:00'), undefined);
  assert.is(parseTimestamp('yesterday'), undefined);
});

test('a 24-hour market keeps every bar and splits days at midnight UTC', async () => {
  const rows = ['timestamp,open,high,low,close,volume'];
  for (let h = 0; h < 48; h++) rows.push(`${Date.UTC(2024, 0, 1, h) / 1000},100,101,99,100.5,${10 + h}`);
  const { series, quality } = await loadText(rows.join('\n'));
  assert.is(series.length, 48);
  assert.is(series.barMinutes, 60);
  assert.is(quality.days, 2);
  assert.is(quality.session, '24h');
});

test('unsorted and duplicated rows are sorted, de-duplicated and counted', async () => {
  const text = [
    'timestamp,open,high,low,close,volume',
    '2024-01-02 10:02:00,1,1,1,1,5',
    '2024-01-02 10:00:00,1,1,1,1,5',
    '2024-01-02 10:01:00,1,1,1,1,5',
    '2024-01-02 10:01:00,2,2,2,2,5',
  ].join('\n');
  const { series, quality } = await loadText(text);
  assert.equal(
    [...series.epochMs].map((t) => new Date(t).toISOString().slice(11, 16)),
    ['10:00', '10:01', '10:02'],
  );
  assert.is(series.close[1], 1, 'the first of two rows with the same time is kept');
  assert.is(quality.unsorted, 3);
  assert.is(quality.duplicates, 1);
});

test('gaps, zero-volume bars and OHLC violations are counted; the violations repaired', async () => {
  const text = [
    'timestamp,open,high,low,close,volume',
    '2024-01-02 10:00:00,10,11,9,10,5',
    '2024-01-02 10:01:00,10,11,9,10,0',
    '2024-01-02 10:02:00,10,9.5,9,10,5',
    '2024-01-02 10:06:00,10,11,10.5,10,5',
    '2024-01-02 10:07:00,10,11,9,10,5',
  ].join('\n');
  const { series, quality } = await loadText(text);
  assert.is(quality.gaps, 1);
  assert.is(quality.missingBars, 3);
  assert.is(quality.zeroVolume, 1);
  assert.is(quality.ohlcRepaired, 2);
  assert.is(series.high[2], 10);
  assert.is(series.low[3], 10);
});

test('one row loads with a warning; a session filter counts what it drops', async () => {
  const one = await loadText('timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,1\n');
  assert.is(one.series.length, 1);
  assert.match(one.quality.warnings.join(), /one bar only/);
  const text = 'timestamp,open,high,low,close,volume\n2024-01-02 08:00:00,1,1,1,1,1\n2024-01-02 10:00:00,1,1,1,1,1\n';
  const session = await loadText(text, { session: parseSession('09:30-16:00') });
  assert.is(session.series.length, 1);
  assert.is(session.quality.outsideSession, 1);
});

const MALFORMED: Array<[string, string, RegExp]> = [
  ['an empty file', '', /bars\.csv: line 1: empty file/],
  ['a header only', 'timestamp,open,high,low,close,volume\n', /bars\.csv: line 2: no data rows/],
  ['a missing column', 'timestamp,open,high,low,close\n2024-01-02,1,1,1,1\n', /line 1: missing column volume/],
  ['no time column', 'when,open,high,low,close,volume\n', /line 1: no time column/],
  [
    'a non-numeric price',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,1\n2024-01-02 10:01:00,1,abc,1,1,1\n',
    /bars\.csv: line 3, column 3 \(high\): not a number: "abc"/,
  ],
  [
    'an empty field',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,,1\n',
    /line 2, column 5 \(close\): not a number: ""/,
  ],
  [
    'a negative volume',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,-5\n',
    /line 2, column 6 \(volume\): must be >= 0, got -5/,
  ],
  [
    'a zero price',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,0,1,1,1,5\n',
    /line 2, column 2 \(open\): must be > 0/,
  ],
  [
    'a bad timestamp',
    'timestamp,open,high,low,close,volume\n2024-13-02 10:00:00,1,1,1,1,5\n',
    /line 2, column 1 \(timestamp\): not a timestamp/,
  ],
  [
    'a short row',
    'timestamp,open,high,low,close,volume\n2024-01-02 10:00:00,1,1,1,1,5\n2024-01-02 10:01:00,1,1\n',
    /bars\.csv: line 3.*wrong number of fields/,
  ],
  [
    'an unclosed quote',
    'timestamp,open,high,low,close,volume\n"2024-01-02 10:00:00,1,1,1,1,5\n',
    /bars\.csv: line \d+/,
  ],
];

for (const [what, text, expected] of MALFORMED) {
  test(`${what} is an InputError naming the file and line`, async () => {
    assert.match(await inputError(text), expected);
  });
}

test.run();
