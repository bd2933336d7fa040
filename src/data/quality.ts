// The data-quality summary every data command prints: what was read, what was dropped or repaired, and why.

export interface DataQuality {
  file: string;
  format: string;
  symbol: string;
  session: string;
  /** Data rows read (all symbols, all hours). */
  rows: number;
  /** Bars kept after the symbol and session filters, de-duplicated and sorted. */
  bars: number;
  days: number;
  first: string;
  last: string;
  barMinutes: number;
  otherSymbolRows: number;
  outsideSession: number;
  /** Rows earlier than a row before them in the file (the series is sorted). */
  unsorted: number;
  /** Rows with a time already seen (the first is kept). */
  duplicates: number;
  /** Holes inside a day longer than one bar, and the bars missing in them. */
  gaps: number;
  missingBars: number;
  zeroVolume: number;
  /** Bars whose high/low did not bracket open/close (high and low widened to repair). */
  ohlcRepaired: number;
  quotes?: { file: string; rows: number; matched: number; crossed: number };
  warnings: string[];
}

export function emptyQuality(file: string, format: string): DataQuality {
  return {
    file,
    format,
    symbol: '',
    session: '',
    rows: 0,
    bars: 0,
    days: 0,
    first: '',
    last: '',
    barMinutes: 0,
    otherSymbolRows: 0,
    outsideSession: 0,
    unsorted: 0,
    duplicates: 0,
    gaps: 0,
    missingBars: 0,
    zeroVolume: 0,
    ohlcRepaired: 0,
    warnings: [],
  };
}

/** Two lines of text: what was loaded, then every count (zeros included, so a clean file says so). */
export function formatQuality(q: DataQuality): string {
  const span = q.days > 0 ? `${q.days} day${q.days === 1 ? '' : 's'} ${q.first}..${q.last}` : 'no days';
  const lines = [
    `data: ${q.file} [${q.format}] ${q.symbol}: ${q.rows} rows -> ${q.bars} bars of ${q.barMinutes} min, ${span}, session ${q.session}`,
    `  quality: other symbols ${q.otherSymbolRows}, outside session ${q.outsideSession}, unsorted ${q.unsorted}, duplicates ${q.duplicates}, ` +
      `gaps ${q.gaps} (${q.missingBars} bars missing), zero volume ${q.zeroVolume}, OHLC repaired ${q.ohlcRepaired}`,
  ];
  if (q.quotes)
    lines.push(
      `  quotes: ${q.quotes.file}: ${q.quotes.rows} rows, ${q.quotes.matched} matched to bars, ${q.quotes.crossed} crossed or locked (ignored)`,
    );
  for (const w of q.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
