// Streams a bar file (Lean minute trades, daily bars, generic OHLCV) into one symbol's sorted series with its
// data-quality counts. Malformed fields are InputErrors naming file, line and column; degenerate data is counted.
import { InputError } from '../errors/input-error.js';
import { Column, FULL_DAY, US_EQUITY_SESSION, inSession, splitDays, type BarSeries, type Session } from './bars.js';
import { parseCsv, readHeader, type Header } from './csv-records.js';
import { emptyQuality, type DataQuality } from './quality.js';
import { parseTimestamp, wallDate, wallDay } from './timestamp.js';

export interface LoadOptions {
  /** Name used in messages (the path as the user typed it). */
  file: string;
  symbol?: string;
  /** Default: 09:30-16:00 for Lean minute files, 24h otherwise. */
  session?: Session;
}

export interface LoadedBars {
  series: BarSeries;
  quality: DataQuality;
  session: Session;
  header: Header;
}

/** A number field, or an InputError naming line, column and the column's name. */
export function numberField(
  file: string,
  header: Header,
  record: string[],
  index: number,
  line: number,
  min: number,
  minText: string,
): number {
  const text = record[index] ?? '';
  const v = text === '' ? NaN : Number(text);
  const where = `${file}: line ${line}, column ${index + 1} (${header.names[index]})`;
  if (!Number.isFinite(v)) throw new InputError(`${where}: not a number: ${JSON.stringify(text)}`);
  if (v < min || (minText.startsWith('> ') && v === min))
    throw new InputError(`${where}: must be ${minText}, got ${text}`);
  return v;
}

export function timeField(file: string, header: Header, record: string[], line: number) {
  const text = record[header.time] ?? '';
  const stamp = parseTimestamp(text);
  if (!stamp)
    throw new InputError(
      `${file}: line ${line}, column ${header.time + 1} (${header.names[header.time]}): not a timestamp: ${JSON.stringify(text)} (ISO 8601, YYYY-MM-DD HH:MM:SS[.ffffff], YYYYMMDD or epoch seconds/ms)`,
    );
  return stamp;
}

/** Symbol filter: the requested one, else the file's first; several symbols without a choice is an InputError. */
export class SymbolFilter {
  readonly seen = new Set<string>();
  chosen: string | undefined;
  constructor(
    private readonly file: string,
    private readonly requested: string | undefined,
  ) {
    this.chosen = requested?.toUpperCase();
  }
  keep(symbol: string): boolean {
    const s = symbol.toUpperCase();
    this.seen.add(s);
    this.chosen ??= s;
    return s === this.chosen;
  }
  check(kept: number): void {
    if (this.requested !== undefined && kept === 0 && this.seen.size > 0 && !this.seen.has(this.chosen!)) {
      throw new InputError(
        `${this.file}: no rows for symbol ${this.chosen} (symbols: ${[...this.seen].join(', ')})`,
        'symbol',
      );
    }
    if (this.requested === undefined && this.seen.size > 1) {
      throw new InputError(
        `${this.file}: holds several symbols (${[...this.seen].join(', ')}): pass --symbol`,
        'symbol',
      );
    }
  }
}

/** Loads a bar file: `input` is its text or a Node readable stream of it. */
export async function loadBars(input: string | NodeJS.ReadableStream, options: LoadOptions): Promise<LoadedBars> {
  const { file } = options;
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
  let quality: DataQuality | undefined;
  let session: Session = FULL_DAY;
  let symbols: SymbolFilter | undefined;
  let lastEpoch = -Infinity;
  await parseCsv(input, file, (record, line) => {
    if (!header) {
      header = readHeader(file, record);
      if (header.format === 'lean-quote')
        throw new InputError(
          `${file}: is a quote file (bid/ask columns); give the trade bars and this file as --quotes`,
        );
      quality = emptyQuality(file, header.format);
      session = options.session ?? (header.format === 'lean-minute' ? US_EQUITY_SESSION : FULL_DAY);
      symbols = new SymbolFilter(file, options.symbol);
      return;
    }
    const q = quality!;
    q.rows++;
    if (header.symbol >= 0 && !symbols!.keep(record[header.symbol] ?? '')) {
      q.otherSymbolRows++;
      return;
    }
    const stamp = timeField(file, header, record, line);
    const open = numberField(file, header, record, header.open, line, 0, '> 0');
    const high = numberField(file, header, record, header.high, line, 0, '> 0');
    const low = numberField(file, header, record, header.low, line, 0, '> 0');
    const close = numberField(file, header, record, header.close, line, 0, '> 0');
    const volume = numberField(file, header, record, header.volume, line, 0, '>= 0');
    if (!inSession(session, stamp.wallMs)) {
      q.outsideSession++;
      return;
    }
    if (stamp.epochMs < lastEpoch) q.unsorted++;
    lastEpoch = Math.max(lastEpoch, stamp.epochMs);
    cols.epoch.push(stamp.epochMs);
    cols.wall.push(stamp.wallMs);
    cols.open.push(open);
    cols.high.push(high);
    cols.low.push(low);
    cols.close.push(close);
    cols.volume.push(volume);
  });
  if (!header)
    throw new InputError(`${file}: line 1: empty file (expected a header timestamp,open,high,low,close,volume)`);
  const q = quality!;
  if (q.rows === 0) throw new InputError(`${file}: line 2: no data rows after the header`);
  symbols!.check(cols.epoch.length);
  const symbol =
    header.symbol >= 0
      ? symbols!.chosen!
      : (
          options.symbol ??
          file
            .replace(/^.*\//, '')
            .replace(/\.[^.]*$/, '')
            .replace(/^daily_/i, '')
        ).toUpperCase();
  if (cols.epoch.length === 0)
    throw new InputError(
      `${file}: no bars of ${symbol} inside the session ${session.label} (${q.outsideSession} outside it; --session 24h keeps every bar)`,
      'session',
    );
  const series = finishSeries(symbol, cols, q);
  q.symbol = symbol;
  q.session = session.label;
  return { series, quality: q, session, header };
}

type Columns = Record<'epoch' | 'wall' | 'open' | 'high' | 'low' | 'close' | 'volume', Column>;

/** Sorts (stable) if needed, drops repeated times, repairs OHLC, counts zero volume and gaps. */
function finishSeries(symbol: string, cols: Columns, q: DataQuality): BarSeries {
  const n = cols.epoch.length;
  const epoch = cols.epoch.view();
  let order: Uint32Array | undefined;
  if (q.unsorted > 0) {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => epoch[a]! - epoch[b]! || a - b);
    order = Uint32Array.from(idx);
  }
  const pick = (i: number) => (order ? order[i]! : i);
  // rows to keep, in time order; null when that is every row as read (no copy then: the columns are viewed)
  let keep: Uint32Array | null = null;
  let kept = 0;
  for (let i = 0, prev = NaN; i < n; i++) {
    const j = pick(i);
    if (epoch[j] === prev) {
      if (!keep) {
        keep = new Uint32Array(n);
        for (let k = 0; k < i; k++) keep[k] = pick(k);
      }
      q.duplicates++;
      continue;
    }
    prev = epoch[j]!;
    if (keep) keep[kept] = j;
    kept++;
  }
  if (!keep && order) keep = order;
  const take = (c: Column) => {
    const src = c.view();
    if (!keep) return src;
    const out = new Float64Array(kept);
    for (let i = 0; i < kept; i++) out[i] = src[keep[i]!]!;
    c.data = new Float64Array(0);
    return out;
  };
  const series: BarSeries = {
    symbol,
    length: kept,
    epochMs: take(cols.epoch),
    wallMs: take(cols.wall),
    open: take(cols.open),
    high: take(cols.high),
    low: take(cols.low),
    close: take(cols.close),
    volume: take(cols.volume),
    barMinutes: 0,
  };
  for (let i = 0; i < series.length; i++) {
    const o = series.open[i]!,
      c = series.close[i]!;
    if (series.high[i]! < Math.max(o, c, series.low[i]!) || series.low[i]! > Math.min(o, c, series.high[i]!)) {
      q.ohlcRepaired++;
      series.high[i] = Math.max(o, c, series.high[i]!, series.low[i]!);
      series.low[i] = Math.min(o, c, series.low[i]!, series.high[i]!);
    }
    if (series.volume[i] === 0) q.zeroVolume++;
  }
  series.barMinutes = medianSpacingMinutes(series);
  const days = splitDays(series);
  q.bars = series.length;
  q.days = days.length;
  q.first = days[0]!.date;
  q.last = days[days.length - 1]!.date;
  q.barMinutes = series.barMinutes;
  countGaps(series, q);
  if (series.length === 1) q.warnings.push('one bar only: no returns can be computed');
  return series;
}

/** Median spacing of consecutive bars within a day, minutes; 1440 when every day has one bar (daily data). */
function medianSpacingMinutes(s: BarSeries): number {
  const d: number[] = [];
  const step = Math.max(1, Math.floor(s.length / 20_000));
  for (let i = 1; i < s.length; i += step) {
    if (wallDay(s.wallMs[i]!) === wallDay(s.wallMs[i - 1]!)) d.push((s.epochMs[i]! - s.epochMs[i - 1]!) / 60_000);
  }
  if (d.length === 0) return 1440;
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)]!;
}

/** Intraday: holes within a day longer than 1.5 bars; daily: gaps of more than 4 calendar days (beyond weekends). */
function countGaps(s: BarSeries, q: DataQuality): void {
  const barMs = s.barMinutes * 60_000;
  for (let i = 1; i < s.length; i++) {
    const dt = s.epochMs[i]! - s.epochMs[i - 1]!;
    if (s.barMinutes >= 1440) {
      if (dt > 4 * 86_400_000) {
        q.gaps++;
        q.missingBars += Math.round(((dt / 86_400_000) * 5) / 7) - 1;
      }
    } else if (wallDay(s.wallMs[i]!) === wallDay(s.wallMs[i - 1]!) && dt > 1.5 * barMs) {
      q.gaps++;
      q.missingBars += Math.round(dt / barMs) - 1;
    }
  }
}

export { wallDate };
