// Per-window features of a bar series for regime detection: realised vol, vol clustering, vol of vol, momentum,
// skewness, kurtosis, volume, range and spread; intraday windows are deseasonalised by their time-of-day slot.
import { splitDays, type BarSeries, type Session } from '../../data/bars.js';
import { wallMinuteOfDay, wallDate } from '../../data/timestamp.js';

export const FEATURE_NAMES = [
  'realisedVol',
  'volClustering',
  'volOfVol',
  'momentum',
  'skewness',
  'kurtosis',
  'volume',
  'range',
  'spreadBps',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface RegimeWindow {
  /** Date and wall-clock time of the window's first bar. */
  start: string;
  firstBar: number;
  endBar: number;
  features: Record<FeatureName, number>;
}

export interface FeatureOptions {
  /** Minutes (intraday bars) or bars (daily bars) per window. */
  window: number;
  session: Session;
  spreadBps?: Float64Array;
  /** Windows over which the vol of vol (std of log realised variance) is taken. */
  volOfVolWindows?: number;
}

function moments(r: number[]) {
  const n = r.length;
  const mean = r.reduce((a, b) => a + b, 0) / n;
  let m2 = 0,
    m3 = 0,
    m4 = 0;
  for (const x of r) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { skewness: m2 > 0 ? m3 / m2 ** 1.5 : 0, kurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : 0 };
}

function lag1AbsCorrelation(r: number[]): number {
  if (r.length < 4) return 0;
  const a = r.map(Math.abs);
  const mean = a.reduce((x, y) => x + y, 0) / a.length;
  let num = 0,
    den = 0;
  for (let i = 0; i < a.length; i++) {
    den += (a[i]! - mean) ** 2;
    if (i > 0) num += (a[i]! - mean) * (a[i - 1]! - mean);
  }
  return den > 0 ? num / den : 0;
}

/** Windows of the series with their features (realised vol annualised); a window needs at least 3 returns. */
export function regimeWindows(series: BarSeries, o: FeatureOptions): RegimeWindow[] {
  const daily = series.barMinutes >= 1440;
  const sessionMinutes = o.session.endMinute - o.session.startMinute;
  // bars per year, to annualise the realised volatility (252 trading days; 365 for 24-hour markets)
  const barsPerYear = daily ? 252 : (sessionMinutes * (sessionMinutes >= 1440 ? 365 : 252)) / series.barMinutes;
  const groups: Array<{ first: number; end: number; slot: number }> = [];
  if (daily) {
    for (let s = 1; s + o.window <= series.length; s += o.window) groups.push({ first: s, end: s + o.window, slot: 0 });
  } else {
    for (const d of splitDays(series)) {
      let cur = -1;
      for (let i = d.start; i < d.end; i++) {
        const w = Math.floor((wallMinuteOfDay(series.wallMs[i]!) - o.session.startMinute) / o.window);
        if (w !== cur) {
          groups.push({ first: i, end: i + 1, slot: w });
          cur = w;
        } else groups[groups.length - 1]!.end = i + 1;
      }
    }
  }
  const raw = groups
    .map((g) => {
      const r: number[] = [];
      let volume = 0,
        hi = -Infinity,
        lo = Infinity;
      const spreads: number[] = [];
      for (let i = g.first; i < g.end; i++) {
        const prev = daily || i > g.first ? series.close[i - 1]! : series.open[i]!;
        r.push(Math.log(series.close[i]! / prev));
        volume += series.volume[i]!;
        hi = Math.max(hi, series.high[i]!);
        lo = Math.min(lo, series.low[i]!);
        const s = o.spreadBps?.[i];
        if (s !== undefined && Number.isFinite(s)) spreads.push(s);
      }
      spreads.sort((a, b) => a - b);
      const rv = r.reduce((a, x) => a + x * x, 0) / r.length;
      return { g, r, rv, volume, range: Math.log(hi / lo), spread: spreads.length ? spreads[spreads.length >> 1]! : 0 };
    })
    .filter((x) => x.r.length >= 3);
  // time-of-day seasonality of variance and volume (intraday): each slot's mean relative to the overall mean
  const slotMean = (pick: (x: (typeof raw)[number]) => number) => {
    const sum = new Map<number, [number, number]>();
    for (const x of raw) {
      const e = sum.get(x.g.slot) ?? [0, 0];
      e[0] += pick(x);
      e[1]++;
      sum.set(x.g.slot, e);
    }
    const all = raw.reduce((a, x) => a + pick(x), 0) / Math.max(1, raw.length);
    return (slot: number) => {
      const e = sum.get(slot)!;
      return daily || e[1] < 3 || all <= 0 ? 1 : Math.max(1e-12, e[0] / e[1] / all);
    };
  };
  const rvSeason = slotMean((x) => x.rv),
    volumeSeason = slotMean((x) => x.volume);
  const volumes = raw.map((x) => x.volume / volumeSeason(x.g.slot)).sort((a, b) => a - b);
  const medianVolume = Math.max(1, volumes[volumes.length >> 1] ?? 1);
  const L = o.volOfVolWindows ?? 10;
  const logRv: number[] = [];
  return raw.map((x) => {
    const rv = x.rv / rvSeason(x.g.slot);
    logRv.push(Math.log(Math.max(rv, 1e-20)));
    const recent = logRv.slice(-L);
    const m = recent.reduce((a, b) => a + b, 0) / recent.length;
    const volOfVol =
      recent.length >= 3 ? Math.sqrt(recent.reduce((a, b) => a + (b - m) ** 2, 0) / (recent.length - 1)) : NaN;
    const { skewness, kurtosis } = moments(x.r);
    const stamp = new Date(series.wallMs[x.g.first]!).toISOString();
    return {
      start: daily ? wallDate(series.wallMs[x.g.first]!) : `${stamp.slice(0, 10)} ${stamp.slice(11, 16)}`,
      firstBar: x.g.first,
      endBar: x.g.end,
      features: {
        realisedVol: Math.sqrt(rv * barsPerYear),
        volClustering: lag1AbsCorrelation(x.r),
        volOfVol,
        momentum: x.r.reduce((a, b) => a + b, 0),
        skewness,
        kurtosis,
        volume: Math.log(Math.max(1, x.volume / volumeSeason(x.g.slot)) / medianVolume),
        range: x.range,
        spreadBps: x.spread,
      },
    };
  });
}
