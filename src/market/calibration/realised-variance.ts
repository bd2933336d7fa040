// Realised variance per window from bars (Andersen, Bollerslev, Diebold and Labys 2003): the windows the Heston
// moment estimator reads, in trading time, with the intraday seasonal factor of each window slot.
import { splitDays, type BarSeries, type Session } from '../../data/bars.js';
import { wallMinuteOfDay } from '../../data/timestamp.js';

export interface VarianceWindows {
  /** Window variance, annualised: sum of squared log returns in the window / window length in years (NaN: missing). */
  variance: Float64Array;
  /** Sum of log returns in the window. */
  logReturn: Float64Array;
  /** Window slot within the day (0 for daily bars). */
  slot: Int32Array;
  /** Day of each window (index into the series' days). */
  day: Int32Array;
  windowYears: number;
  windowsPerDay: number;
  /** Seasonal factor per slot (mean variance of the slot / overall mean); variance above is divided by it. */
  seasonal: Float64Array;
  days: number;
  returns: number;
}

export interface WindowOptions {
  /** Window length in minutes (intraday) or bars (daily data). */
  window: number;
  session: Session;
  /** Trading days per year used to annualise: 252 for sessions, 365 for 24-hour markets. */
  daysPerYear: number;
}

/** A window keeps its variance when at least half its bars are present; the sum is scaled up to the full window. */
const MIN_WINDOW_FILL = 0.5;

export function varianceWindows(series: BarSeries, o: WindowOptions): VarianceWindows {
  const days = splitDays(series);
  const daily = series.barMinutes >= 1440;
  const sessionMinutes = o.session.endMinute - o.session.startMinute;
  const windowsPerDay = daily ? 1 : Math.max(1, Math.floor(sessionMinutes / o.window));
  const barsPerWindow = daily ? o.window : o.window / series.barMinutes;
  const windowYears = daily ? o.window / o.daysPerYear : o.window / (sessionMinutes * o.daysPerYear);
  const variance: number[] = [],
    logReturn: number[] = [],
    slot: number[] = [],
    day: number[] = [];
  let returns = 0;
  if (daily) {
    // windows of `window` consecutive daily returns (close to close)
    for (let start = 1; start + o.window <= series.length; start += o.window) {
      let ss = 0,
        s = 0;
      for (let i = start; i < start + o.window; i++) {
        const r = Math.log(series.close[i]! / series.close[i - 1]!);
        ss += r * r;
        s += r;
        returns++;
      }
      variance.push(ss / windowYears);
      logReturn.push(s);
      slot.push(0);
      day.push(start);
    }
  } else {
    days.forEach((d, dayIndex) => {
      const ss = new Float64Array(windowsPerDay),
        sum = new Float64Array(windowsPerDay),
        count = new Float64Array(windowsPerDay);
      for (let i = d.start; i < d.end; i++) {
        // the first bar of a day contributes its open-to-close return; the overnight move is left out
        const r =
          i === d.start
            ? Math.log(series.close[i]! / series.open[i]!)
            : Math.log(series.close[i]! / series.close[i - 1]!);
        const w = Math.floor((wallMinuteOfDay(series.wallMs[i]!) - o.session.startMinute) / o.window);
        if (w < 0 || w >= windowsPerDay) continue;
        ss[w] = ss[w]! + r * r;
        sum[w] = sum[w]! + r;
        count[w] = count[w]! + 1;
        returns++;
      }
      for (let w = 0; w < windowsPerDay; w++) {
        const ok = count[w]! >= MIN_WINDOW_FILL * barsPerWindow;
        variance.push(ok ? (ss[w]! * Math.max(1, barsPerWindow / count[w]!)) / windowYears : NaN);
        logReturn.push(ok ? sum[w]! : NaN);
        slot.push(w);
        day.push(dayIndex);
      }
    });
  }
  const v = Float64Array.from(variance);
  // intraday seasonality (the U shape of volatility): each slot's mean over the days, relative to the overall mean
  const seasonal = new Float64Array(windowsPerDay).fill(1);
  if (!daily && days.length >= 3 && windowsPerDay > 1) {
    const total = new Float64Array(windowsPerDay),
      n = new Float64Array(windowsPerDay);
    v.forEach((x, i) => {
      if (Number.isFinite(x)) {
        const k = slot[i]!;
        total[k] = total[k]! + x;
        n[k] = n[k]! + 1;
      }
    });
    let all = 0,
      m = 0;
    for (let w = 0; w < windowsPerDay; w++)
      if (n[w]! > 0) {
        all += total[w]!;
        m += n[w]!;
      }
    const mean = all / m;
    for (let w = 0; w < windowsPerDay; w++) seasonal[w] = n[w]! > 0 && total[w]! > 0 ? total[w]! / n[w]! / mean : 1;
    for (let i = 0; i < v.length; i++) v[i] = v[i]! / seasonal[slot[i]!]!;
  }
  return {
    variance: v,
    logReturn: Float64Array.from(logReturn),
    slot: Int32Array.from(slot),
    day: Int32Array.from(day),
    windowYears,
    windowsPerDay,
    seasonal,
    days: days.length,
    returns,
  };
}
