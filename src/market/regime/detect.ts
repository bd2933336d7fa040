// Regime detection over a series: the windows' features, labels by thresholds on the history, the label counts, and
// the learned classifier's report.
import type { BarSeries, Session } from '../../data/bars.js';
import { regimeWindows, FEATURE_NAMES, type RegimeWindow } from './features.js';
import { thresholds, quadLabel, gridCell, QUAD_LABELS, type Thresholds, type QuadLabel } from './labels.js';
import { trainRegimeClassifier, type ClassifierReport } from './classifier.js';

export interface LabelledWindow extends RegimeWindow {
  label: QuadLabel;
  grid: string;
}

export interface RegimeReport {
  symbol: string;
  window: string;
  thresholds: Thresholds;
  windows: LabelledWindow[];
  counts: Record<QuadLabel, number>;
  /** grid[vol][liquidity]: windows per cell (0 low, 1 mid, 2 high). */
  grid: number[][];
  /** The label now: the last window's. */
  current: { label: QuadLabel; grid: string; start: string } | undefined;
  classifier?: ClassifierReport;
}

export function detectRegimes(
  series: BarSeries,
  session: Session,
  o: { window?: number; spreadBps?: Float64Array; classifier?: boolean } = {},
): RegimeReport {
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
  const classifier =
    o.classifier === false
      ? undefined
      : trainRegimeClassifier(
          raw.map((w) => FEATURE_NAMES.map((f) => w.features[f])),
          windows.map((w) => QUAD_LABELS.indexOf(w.label)),
          QUAD_LABELS,
        );
  return {
    symbol: series.symbol,
    window: `${window} ${daily ? 'days' : 'min'}`,
    thresholds: t,
    windows,
    counts,
    grid,
    current: last ? { label: last.label, grid: last.grid, start: last.start } : undefined,
    ...(classifier ? { classifier } : {}),
  };
}
