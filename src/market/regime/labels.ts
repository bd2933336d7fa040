// Regime labels by thresholds on the history: HH/HL/LH/LL (volatility level x volatility uncertainty, split at the
// medians) and a 3x3 volatility x liquidity grid (terciles), for a list of feature windows.
import type { RegimeWindow } from './features.js';

export const QUAD_LABELS = ['HH', 'HL', 'LH', 'LL'] as const;
export type QuadLabel = (typeof QUAD_LABELS)[number];
export const LEVELS = ['low', 'mid', 'high'] as const;

export interface Thresholds {
  volMedian: number;
  volOfVolMedian: number;
  /** Tercile cut points of volatility and of liquidity. */
  volTerciles: [number, number];
  liquidityTerciles: [number, number];
}

function quantile(xs: number[], q: number): number {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const at = q * (v.length - 1),
    lo = Math.floor(at),
    hi = Math.ceil(at);
  return v[lo]! + (v[hi]! - v[lo]!) * (at - lo);
}

/** Liquidity score: log volume relative to the median, less the log spread when there is one. */
export function liquidity(w: RegimeWindow): number {
  return w.features.volume - (w.features.spreadBps > 0 ? Math.log(w.features.spreadBps) : 0);
}

export function thresholds(windows: RegimeWindow[]): Thresholds {
  const vol = windows.map((w) => w.features.realisedVol),
    vov = windows.map((w) => w.features.volOfVol),
    liq = windows.map(liquidity);
  return {
    volMedian: quantile(vol, 0.5),
    volOfVolMedian: quantile(vov, 0.5),
    volTerciles: [quantile(vol, 1 / 3), quantile(vol, 2 / 3)],
    liquidityTerciles: [quantile(liq, 1 / 3), quantile(liq, 2 / 3)],
  };
}

/** HH: high volatility, high uncertainty (vol of vol); a window without a vol of vol yet counts as low uncertainty. */
export function quadLabel(w: RegimeWindow, t: Thresholds): QuadLabel {
  const v = w.features.realisedVol > t.volMedian ? 'H' : 'L';
  const u = Number.isFinite(w.features.volOfVol) && w.features.volOfVol > t.volOfVolMedian ? 'H' : 'L';
  return `${v}${u}` as QuadLabel;
}

const tercile = (x: number, [a, b]: [number, number]) => (x <= a ? 0 : x <= b ? 1 : 2);

/** Grid cell: volatility tercile and liquidity tercile, e.g. "vol-high/liq-low"; with its indices. */
export function gridCell(w: RegimeWindow, t: Thresholds): { vol: number; liquidity: number; name: string } {
  const vol = tercile(w.features.realisedVol, t.volTerciles),
    liq = tercile(liquidity(w), t.liquidityTerciles);
  return { vol, liquidity: liq, name: `vol-${LEVELS[vol]}/liq-${LEVELS[liq]}` };
}
