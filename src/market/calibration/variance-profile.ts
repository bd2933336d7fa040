// The intraday profile of return variance of a bar series (the volatility curve of a market config), with its U-shape
// fit: the mean squared log return of consecutive bars per bucket of the session, as shares of the day's total.
import { splitDays, type BarSeries, type Session } from '../../data/bars.js';
import { wallMinuteOfDay } from '../../data/timestamp.js';
import { fitUShape } from './volume-profile.js';

export interface VarianceProfile {
  /** Share of a day's return variance in each bucket of bucketMinutes (empty for daily or 24-hour data). */
  curve: number[];
  bucketMinutes: number;
  /** The volatility curve's U shape fitted to it (src/market/path-market.ts), undefined when there is no curve. */
  uShape?: { open: number; close: number; decay: number; rmsError: number };
}

/**
 * Realised variance per bucket: sum over days of r^2 for returns between bars one bar apart within the session,
 * divided by the count of such returns, then normalised to sum to 1. Overnight returns (the first bar of each day)
 * are left out, as the engine has no overnight gap. Andersen and Bollerslev (1997, J. Empirical Finance 4) estimate
 * the intraday periodicity the same way, by the average squared return per interval of the day.
 */
export function varianceProfile(series: BarSeries, session: Session, bucketMinutes = 30): VarianceProfile {
  const sessionMinutes = session.endMinute - session.startMinute;
  if (series.barMinutes >= 1440 || sessionMinutes >= 1440) return { curve: [], bucketMinutes: 0 };
  const B = Math.max(1, Math.floor(sessionMinutes / bucketMinutes));
  const sum = new Array<number>(B).fill(0),
    count = new Array<number>(B).fill(0);
  for (const d of splitDays(series)) {
    for (let i = d.start + 1; i < d.end; i++) {
      const minute = wallMinuteOfDay(series.wallMs[i]!),
        previous = wallMinuteOfDay(series.wallMs[i - 1]!);
      if (minute - previous !== series.barMinutes) continue; // a gap: not one bar's return
      const b = Math.floor((minute - session.startMinute) / bucketMinutes);
      const r = Math.log(series.close[i]! / series.close[i - 1]!);
      if (b >= 0 && b < B && Number.isFinite(r)) {
        sum[b]! += r * r;
        count[b]!++;
      }
    }
  }
  if (count.some((c) => c === 0)) return { curve: [], bucketMinutes };
  const perBucket = sum.map((s, b) => s / count[b]!);
  const total = perBucket.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { curve: [], bucketMinutes };
  const curve = perBucket.map((v) => v / total);
  return { curve, bucketMinutes, uShape: fitUShape(curve) };
}
