// Streams a Lean minute quote file (bid/ask bars) into one symbol's quoted spread per minute, in bps of the mid.
import { InputError } from '../errors/input-error.js';
import { Column, inSession, type BarSeries, type Session } from './bars.js';
import { parseCsv, readHeader, type Header } from './csv-records.js';
import { numberField, timeField, SymbolFilter } from './load-bars.js';

export interface QuoteSeries {
  epochMs: Float64Array;
  /** (ask - bid) / mid at the bar's close, bps. */
  spreadBps: Float64Array;
  rows: number;
  crossed: number;
}

export async function loadQuotes(
  input: string | NodeJS.ReadableStream,
  file: string,
  symbol: string,
  session: Session,
): Promise<QuoteSeries> {
  let header: Header | undefined;
  const epoch = new Column(),
    spread = new Column();
  let rows = 0,
    crossed = 0;
  let symbols: SymbolFilter | undefined;
  await parseCsv(input, file, (record, line) => {
    if (!header) {
      header = readHeader(file, record);
      if (header.format !== 'lean-quote')
        throw new InputError(`${file}: line 1: not a quote file (needs bid_close and ask_close columns)`, 'quotes');
      symbols = new SymbolFilter(file, symbol);
      return;
    }
    rows++;
    if (header.symbol >= 0 && !symbols!.keep(record[header.symbol] ?? '')) return;
    const stamp = timeField(file, header, record, line);
    if (!inSession(session, stamp.wallMs)) return;
    const bid = numberField(file, header, record, header.bidClose, line, 0, '>= 0');
    const ask = numberField(file, header, record, header.askClose, line, 0, '>= 0');
    if (!(ask > bid) || bid <= 0) {
      crossed++;
      return;
    }
    epoch.push(stamp.epochMs);
    spread.push((1e4 * (ask - bid)) / ((ask + bid) / 2));
  });
  if (!header) throw new InputError(`${file}: line 1: empty file (expected a quote header)`, 'quotes');
  const order = Array.from({ length: epoch.length }, (_, i) => i).sort((a, b) => epoch.data[a]! - epoch.data[b]!);
  return {
    epochMs: Float64Array.from(order, (i) => epoch.data[i]!),
    spreadBps: Float64Array.from(order, (i) => spread.data[i]!),
    rows,
    crossed,
  };
}

/** The quoted spread at each bar's time (NaN where no quote bar has that time); and how many matched. */
export function spreadAtBars(series: BarSeries, quotes: QuoteSeries): { spreadBps: Float64Array; matched: number } {
  const out = new Float64Array(series.length).fill(NaN);
  let j = 0,
    matched = 0;
  for (let i = 0; i < series.length; i++) {
    const t = series.epochMs[i]!;
    while (j < quotes.epochMs.length && quotes.epochMs[j]! < t) j++;
    if (j < quotes.epochMs.length && quotes.epochMs[j] === t) {
      out[i] = quotes.spreadBps[j]!;
      matched++;
    }
  }
  return { spreadBps: out, matched };
}
