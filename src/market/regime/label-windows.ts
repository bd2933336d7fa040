// The labelling half of regime detection: a series cut into windows, each labelled HH/HL/LH/LL and placed in the 3x3
// volatility x liquidity grid by thresholds on the whole history, with the counts. No classifier (./detect.ts adds it),
// so code that only draws the map (the API's regime routes, edge runtimes) does not load the tree libraries.
import type { BarSeries, Session } from '../../data/bars.js';
import { regimeWindows, type RegimeWindow } from './features.js';
import { thresholds, quadLabel, gridCell, QUAD_LABELS, type Thresholds, type QuadLabel } from './labels.js';

export interface LabelledWindow extends RegimeWindow {
  label: QuadLabel;
  grid: string;
}

export interface LabelledRegimes {
  symbol: string;
  window: string;
  thresholds: Thresholds;
  windows: LabelledWindow[];
  counts: Record<QuadLabel, number>;
  /** grid[vol][liquidity]: windows per cell (0 low, 1 mid, 2 high). */
  grid: number[][];
  /** The label now: the last window's. */
  current: { label: QuadLabel; grid: string; start: string } | undefined;
}

export function labelWindows(
  series: BarSeries,
  session: Session,
  o: { window?: number; spreadBps?: Float64Array } = {},
): LabelledRegimes & { raw: RegimeWindow[] } {
  const daily = series.barMinutes >= 1440;
  // default: 30-minute windows, or six bars when bars are longer than 5 minutes (hourly crypto bars: 6-hour windows)
  const window = o.window ?? (daily ? 5 : Math.max(30, 6 * series.barMinutes));
  const raw = regimeWindows(series, { window, session, spreadBps: o.spreadBps });
  const t = thresholds(raw);
  const windows = raw.map((w) => ({ ...w, label: quadLabel(w, t), grid: gridCell(w, t).name }));
  const counts = Object.fromEntries(QUAD_LABELS.map((l) => [l, windows.filter((w) => w.label === l).length])) as Record<
    QuadLabel,
    number
  >;
  const grid = [0, 1, 2].map(() => [0, 0, 0]);
  for (const w of raw) {
    const c = gridCell(w, t);
    grid[c.vol]![c.liquidity]!++;
  }
  const last = windows[windows.length - 1];
  return {
    symbol: series.symbol,
    window: `${window} ${daily ? 'days' : 'min'}`,
    thresholds: t,
    windows,
    counts,
    grid,
    current: last ? { label: last.label, grid: last.grid, start: last.start } : undefined,
    raw,
  };
}
