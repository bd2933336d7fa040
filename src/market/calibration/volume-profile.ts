// Daily volume and the intraday volume curve of a bar series, with the U-shape fit that a market config accepts.
import { splitDays, type BarSeries, type Session } from '../../data/bars.js';
import { wallMinuteOfDay } from '../../data/timestamp.js';

export interface VolumeProfile {
  /** Session volume of each day, shares. */
  dailyVolumes: number[];
  /** Mean fraction of a day's volume in each bucket of bucketMinutes (regular sessions only; empty for daily bars). */
  curve: number[];
  bucketMinutes: number;
  /** The U shape of volume-curve.ts fitted to the curve by least squares (undefined for daily or 24h data). */
  uShape?: { open: number; close: number; decay: number; rmsError: number };
}

function uDensity(t: number, open: number, close: number, decay: number): number {
  return 1 + open * Math.exp(-t / decay) + close * Math.exp(-(1 - t) / decay);
}

/**
 * Fits fractions f_b (bucket b of B, midpoint t_b) by c (1 + open e^(-t/d) + close e^(-(1-t)/d)): for each decay d on a
 * grid, linear least squares in (c, c open, c close); the d with the smallest squared error wins (open, close >= 0).
 */
export function fitUShape(curve: number[]): { open: number; close: number; decay: number; rmsError: number } {
  const B = curve.length;
  let best = { open: 0, close: 0, decay: 0.06, rmsError: Infinity };
  for (let g = 0; g <= 60; g++) {
    const d = 0.01 * Math.pow(50, g / 60); // 0.01 .. 0.5 of the day
    // normal equations of y = a x0 + b x1 + c x2 with x0 = 1, x1 = e^(-t/d), x2 = e^(-(1-t)/d)
    const M = [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      r = [0, 0, 0];
    for (let b = 0; b < B; b++) {
      const t = (b + 0.5) / B,
        x = [1, Math.exp(-t / d), Math.exp(-(1 - t) / d)];
      for (let i = 0; i < 3; i++) {
        r[i]! += x[i]! * curve[b]!;
        for (let j = 0; j < 3; j++) M[i]![j]! += x[i]! * x[j]!;
      }
    }
    const sol = solve3(M, r);
    if (!sol || sol[0]! <= 0) continue;
    const open = Math.max(0, sol[1]! / sol[0]!),
      close = Math.max(0, sol[2]! / sol[0]!);
    let total = 0;
    for (let b = 0; b < B; b++) total += uDensity((b + 0.5) / B, open, close, d);
    let sse = 0;
    for (let b = 0; b < B; b++) sse += (uDensity((b + 0.5) / B, open, close, d) / total - curve[b]!) ** 2;
    const rms = Math.sqrt(sse / B);
    if (rms < best.rmsError) best = { open: Math.min(100, open), close: Math.min(100, close), decay: d, rmsError: rms };
  }
  return best;
}

function solve3(M: number[][], r: number[]): number[] | undefined {
  const a = M.map((row, i) => [...row, r[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let i = c + 1; i < 3; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    if (Math.abs(a[p]![c]!) < 1e-300) return undefined;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let i = 0; i < 3; i++)
      if (i !== c) {
        const f = a[i]![c]! / a[c]![c]!;
        for (let j = c; j < 4; j++) a[i]![j]! -= f * a[c]![j]!;
      }
  }
  return [0, 1, 2].map((i) => a[i]![3]! / a[i]![i]!);
}

export function volumeProfile(series: BarSeries, session: Session, bucketMinutes = 5): VolumeProfile {
  const days = splitDays(series);
  const dailyVolumes = days.map((d) => {
    let v = 0;
    for (let i = d.start; i < d.end; i++) v += series.volume[i]!;
    return v;
  });
  const intraday = series.barMinutes < 1440;
  const sessionMinutes = session.endMinute - session.startMinute;
  if (!intraday) return { dailyVolumes, curve: [], bucketMinutes: 0 };
  const B = Math.max(1, Math.floor(sessionMinutes / bucketMinutes));
  const curve = new Array<number>(B).fill(0);
  let used = 0;
  days.forEach((d, k) => {
    if (!(dailyVolumes[k]! > 0)) return;
    used++;
    for (let i = d.start; i < d.end; i++) {
      const b = Math.floor((wallMinuteOfDay(series.wallMs[i]!) - session.startMinute) / bucketMinutes);
      if (b >= 0 && b < B) curve[b]! += series.volume[i]! / dailyVolumes[k]!;
    }
  });
  for (let b = 0; b < B; b++) curve[b] = used > 0 ? curve[b]! / used : 1 / B;
  const uShape = sessionMinutes < 1440 && used > 0 ? fitUShape(curve) : undefined;
  return { dailyVolumes, curve, bucketMinutes, uShape };
}
