// One trading day of real bars cut into an order's steps: the market price, volume and quoted spread of each step.
import type { BarSeries, DaySlice, Session } from './bars.js';
import { wallMinuteOfDay } from './timestamp.js';

export interface DaySteps {
  date: string;
  /** Decision price: the open of the first bar at or after the order's start. */
  arrivalPrice: number;
  /** Volume-weighted typical price (high + low + close) / 3 of the step's bars; the last close when it has none. */
  price: Float64Array;
  /** Shares the market traded in the step. */
  volume: Float64Array;
  /** Median quoted half spread in the step, bps (NaN without quotes). */
  halfSpreadBps: Float64Array;
  /** Close of the last bar before the horizon ends (marks unfilled shares). */
  closePrice: number;
  bars: number;
}

/** Steps of `stepMinutes` from `startMinute` after the session open; undefined when no bar falls in the window. */
export function daySteps(
  series: BarSeries,
  day: DaySlice,
  session: Session,
  startMinute: number,
  stepMinutes: number,
  steps: number,
  spreadBps?: Float64Array,
): DaySteps | undefined {
  const price = new Float64Array(steps),
    volume = new Float64Array(steps),
    halfSpreadBps = new Float64Array(steps).fill(NaN);
  const pv = new Float64Array(steps);
  const spreads: number[][] = Array.from({ length: steps }, () => []);
  let arrival = NaN,
    close = NaN,
    bars = 0,
    lastClose = NaN;
  for (let i = day.start; i < day.end; i++) {
    const minute = wallMinuteOfDay(series.wallMs[i]!) - session.startMinute - startMinute;
    if (minute < 0) {
      lastClose = series.close[i]!;
      continue;
    }
    const k = Math.floor(minute / stepMinutes);
    if (k >= steps) break;
    if (Number.isNaN(arrival)) arrival = series.open[i]!;
    const typical = (series.high[i]! + series.low[i]! + series.close[i]!) / 3;
    volume[k] = volume[k]! + series.volume[i]!;
    pv[k] = pv[k]! + typical * series.volume[i]!;
    close = series.close[i]!;
    if (spreadBps && Number.isFinite(spreadBps[i]!)) spreads[k]!.push(spreadBps[i]! / 2);
    bars++;
    if (price[k] === 0) price[k] = typical; // zero-volume bars still give a price
  }
  if (bars === 0) return undefined;
  let last = Number.isFinite(lastClose) ? lastClose : arrival;
  for (let k = 0; k < steps; k++) {
    if (volume[k]! > 0) price[k] = pv[k]! / volume[k]!;
    else if (price[k] === 0) price[k] = last;
    last = price[k]!;
    const s = spreads[k]!.sort((a, b) => a - b);
    if (s.length > 0) halfSpreadBps[k] = s[s.length >> 1]!;
  }
  return { date: day.date, arrivalPrice: arrival, price, volume, halfSpreadBps, closePrice: close, bars };
}
