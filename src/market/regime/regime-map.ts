// The regime map of a bar file's text (what the dashboard's regime panel draws): each window's HH/HL/LH/LL label and
// its cell of the 3x3 volatility x liquidity grid, with the counts; the same labels as `flowexec regime`, without
// the classifier (it takes seconds, the map does not show it, and edge bundles stay free of the tree libraries).
import { loadBars } from '../../data/load-bars.js';
import { loadQuotes, spreadAtBars } from '../../data/load-quotes.js';
import { InputError } from '../../errors/input-error.js';
import { labelWindows } from './label-windows.js';
import { gridCell, type QuadLabel, type Thresholds } from './labels.js';

export interface RegimeMapWindow {
  /** Date ("YYYY-MM-DD", daily bars) or date and time ("YYYY-MM-DD HH:MM") of the window's first bar. */
  start: string;
  /** Bars in the window. */
  bars: number;
  label: QuadLabel;
  /** Volatility and liquidity terciles (0 low, 1 mid, 2 high) and the cell's name. */
  vol: number;
  liquidity: number;
  grid: string;
  /** Annualised realised volatility of the window. */
  realisedVol: number;
}

export interface RegimeMap {
  symbol: string;
  /** The data it came from (a bundled data set's file, or "uploaded CSV"). */
  source: string;
  /** "5 days" (daily bars) or "30 min" (intraday bars). */
  window: string;
  daily: boolean;
  bars: number;
  thresholds: Thresholds;
  counts: Record<QuadLabel, number>;
  /** grid[vol][liquidity]: windows per cell (0 low, 1 mid, 2 high). */
  grid: number[][];
  current: { label: QuadLabel; grid: string; start: string } | null;
  windows: RegimeMapWindow[];
}

export interface RegimeMapOptions {
  /** Name used in messages and as the source. */
  file: string;
  symbol?: string;
  /** Minutes (intraday) or bars (daily) per window. */
  window?: number;
  /** A Lean minute quote file's text, for the quoted spread (liquidity). */
  quotes?: string;
  /** The symbol shown for a file without a symbol column when none is asked for (default: from the file name). */
  name?: string;
}

export async function regimeMapOfCsv(text: string, o: RegimeMapOptions): Promise<RegimeMap> {
  const loaded = await loadBars(text, { file: o.file, symbol: o.symbol });
  let spreadBps: Float64Array | undefined;
  if (o.quotes !== undefined && loaded.header.format === 'lean-minute') {
    const quotes = await loadQuotes(o.quotes, `${o.file} quotes`, loaded.series.symbol, loaded.session);
    spreadBps = spreadAtBars(loaded.series, quotes).spreadBps;
  }
  const r = labelWindows(loaded.series, loaded.session, { window: o.window, spreadBps });
  if (r.windows.length === 0)
    throw new InputError(`${o.file}: no window has 3 or more bars (a shorter window?)`, 'window');
  return {
    symbol: o.symbol === undefined && loaded.header.symbol < 0 && o.name ? o.name : r.symbol,
    source: o.file,
    window: r.window,
    daily: loaded.series.barMinutes >= 1440,
    bars: loaded.series.length,
    thresholds: r.thresholds,
    counts: r.counts,
    grid: r.grid,
    current: r.current ?? null,
    windows: r.windows.map((w) => {
      const cell = gridCell(w, r.thresholds);
      return {
        start: w.start,
        bars: w.endBar - w.firstBar,
        label: w.label,
        vol: cell.vol,
        liquidity: cell.liquidity,
        grid: cell.name,
        realisedVol: w.features.realisedVol,
      };
    }),
  };
}
