// flowexec regime --follow: bars arrive on stdin one CSV line at a time; each completed window is labelled at once,
// by thresholds on the windows seen so far (no look-ahead), as a live desk would.
import { InputError } from '../errors/input-error.js';
import { parseCsv, readHeader, type Header } from '../data/csv-records.js';
import { numberField, timeField } from '../data/load-bars.js';
import { Column, FULL_DAY, parseSession, type BarSeries } from '../data/bars.js';
import { wallDay, wallMinuteOfDay } from '../data/timestamp.js';
import { regimeWindows } from '../market/regime/features.js';
import { thresholds, quadLabel, gridCell } from '../market/regime/labels.js';

export interface FollowOptions {
  window?: number;
  session?: string;
  symbol?: string;
  json: boolean;
}

/** Windows kept in memory: the thresholds use at most this much history. */
const MAX_HISTORY_BARS = 200_000;

export async function followRegimes(input: NodeJS.ReadableStream, o: FollowOptions): Promise<void> {
  const session = o.session === undefined ? FULL_DAY : parseSession(o.session);
  if (!session) throw new InputError(`--session must be HH:MM-HH:MM or 24h (got "${o.session}")`, 'session');
  const window = o.window ?? 30;
  let header: Header | undefined;
  const cols = {
    epoch: new Column(),
    wall: new Column(),
    open: new Column(),
    high: new Column(),
    low: new Column(),
    close: new Column(),
    volume: new Column(),
  };
  let lastKey = '',
    lastEpoch = -Infinity,
    labelled = 0;
  const emit = () => {
    const n = cols.epoch.length - 1; // every bar but the one that opened the new window
    if (n < 3) return;
    const series: BarSeries = {
      symbol: o.symbol ?? 'stdin',
      length: n,
      epochMs: cols.epoch.view(),
      wallMs: cols.wall.view(),
      open: cols.open.view(),
      high: cols.high.view(),
      low: cols.low.view(),
      close: cols.close.view(),
      volume: cols.volume.view(),
      barMinutes: 1,
    };
    const span = (series.epochMs[n - 1]! - series.epochMs[0]!) / 60_000;
    if (span >= 1440 * 2 && n < (span / 1440) * 3) series.barMinutes = 1440; // one bar a day: daily data
    const windows = regimeWindows(series, { window, session });
    if (windows.length === 0 || windows.length === labelled) return;
    labelled = windows.length;
    const w = windows[windows.length - 1]!,
      t = thresholds(windows);
    const label = quadLabel(w, t),
      grid = gridCell(w, t).name;
    if (o.json)
      console.log(JSON.stringify({ start: w.start, label, grid, history: windows.length, features: w.features }));
    else
      console.log(
        `${w.start}  ${label}  ${grid.padEnd(20)} vol ${w.features.realisedVol.toPrecision(3)}  vol-of-vol ${Number.isFinite(w.features.volOfVol) ? w.features.volOfVol.toPrecision(3) : '-'}  (${windows.length} windows of history)`,
      );
  };
  await parseCsv(input, 'stdin', (record, line) => {
    if (!header) {
      header = readHeader('stdin', record);
      return;
    }
    if (
      header.symbol >= 0 &&
      o.symbol !== undefined &&
      (record[header.symbol] ?? '').toUpperCase() !== o.symbol.toUpperCase()
    )
      return;
    const stamp = timeField('stdin', header, record, line);
    if (stamp.epochMs <= lastEpoch) return; // out of order or repeated: a live feed skips it
    const minute = wallMinuteOfDay(stamp.wallMs);
    if (minute < session.startMinute || minute >= session.endMinute) return;
    lastEpoch = stamp.epochMs;
    const key = `${wallDay(stamp.wallMs)}:${Math.floor((minute - session.startMinute) / window)}`;
    cols.epoch.push(stamp.epochMs);
    cols.wall.push(stamp.wallMs);
    cols.open.push(numberField('stdin', header, record, header.open, line, 0, '> 0'));
    cols.high.push(numberField('stdin', header, record, header.high, line, 0, '> 0'));
    cols.low.push(numberField('stdin', header, record, header.low, line, 0, '> 0'));
    cols.close.push(numberField('stdin', header, record, header.close, line, 0, '> 0'));
    cols.volume.push(numberField('stdin', header, record, header.volume, line, 0, '>= 0'));
    if (lastKey !== '' && key !== lastKey) emit();
    lastKey = key;
    if (cols.epoch.length > MAX_HISTORY_BARS) {
      for (const c of Object.values(cols)) {
        c.data.copyWithin(0, c.length / 2, c.length);
        c.length -= Math.floor(c.length / 2);
      }
      labelled = 0;
    }
  });
  if (!header)
    throw new InputError('stdin: line 1: empty input (expected a header timestamp,open,high,low,close,volume)');
}
