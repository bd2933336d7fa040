// Calibration of a market from bars: Heston parameters (heston-moments.ts) with block-bootstrap CIs, daily volume, the
// intraday volume curve, the spread, and impact defaults from the square-root law; returns a market config section.
import { InputError } from '../../errors/input-error.js';
import { splitDays, type BarSeries, type Session } from '../../data/bars.js';
import { varianceWindows, type VarianceWindows } from './realised-variance.js';
import { estimateHeston, BOUNDS, type HestonEstimate } from './heston-moments.js';
import { varianceProfile } from './variance-profile.js';
import { volumeProfile } from './volume-profile.js';
import { median, rollSpreadBps } from './spread.js';
import { resampleRng, quantile } from './resample-rng.js';

export interface CalibrateOptions {
  session: Session;
  /** Realised-variance window: minutes for intraday bars (default 30), bars for daily bars (default 5). */
  window?: number;
  /** Quoted spread at each bar, bps (NaN where none). */
  spreadBps?: Float64Array;
  /** Bootstrap replications (default 200) and their seed. */
  bootstrap?: number;
  seed?: number;
}

/** An estimate with its 95% bootstrap percentile interval; atBound when the estimate sits on an admissibility bound. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
  atBound?: boolean;
}

/** The market section of an evaluation config (see eval/config.ts), as plain JSON. */
export interface MarketSection {
  model: {
    type: 'heston';
    s0: number;
    v0: number;
    kappa: number;
    theta: number;
    xi: number;
    rho: number;
    scheme: 'qe' | 'euler';
  };
  dailyVolume: number;
  volumeCurve: { type: 'flat' } | { type: 'u-shape'; open: number; close: number; decay: number };
  /** The intraday variance profile (Euler is then the scheme: QE has no seasonality). */
  volatilityCurve: { type: 'flat' } | { type: 'u-shape'; open: number; close: number; decay: number };
  impact: {
    type: 'relative';
    temporary: { eta: number; beta: number };
    permanent: { gamma: number };
    spread: { halfSpreadBps: number };
  };
}

export interface CalibrationResult {
  symbol: string;
  days: number;
  windows: number;
  windowLength: string;
  parameters: Record<keyof HestonEstimate, Interval>;
  feller: { twoKappaTheta: number; xiSquared: number; holds: boolean };
  volatility: { annualised: Interval; dailySigma: Interval };
  dailyVolume: Interval;
  volumeCurve: {
    bucketMinutes: number;
    fractions: number[];
    uShape?: { open: number; close: number; decay: number; rmsError: number };
  };
  /** Share of the day's return variance per bucket and its U-shape fit (intraday data of a session). */
  volatilityCurve: {
    bucketMinutes: number;
    fractions: number[];
    uShape?: { open: number; close: number; decay: number; rmsError: number };
  };
  spread: { source: 'quotes' | 'roll' | 'none'; spreadBps: Interval };
  impact: { squareRootY: number; temporaryEta: number; temporaryBeta: number; permanentGamma: number };
  market: MarketSection;
  bootstrap: { replications: number; seed: number; blockWindows: number };
  warnings: string[];
}

/** Square-root law prefactor Y in I/s0 = Y sigma_d sqrt(Q / V_d) (Toth et al. 2011, PRX 1, 021006: Y of order 1). */
export const SQUARE_ROOT_Y = 1;
/** Permanent impact gamma sigma_d X / V_d with gamma = 0.314 (Almgren, Thum, Hauptmann and Li 2005, Risk 18(7)). */
export const ALMGREN_PERMANENT = 0.314;
/** Fewest usable variance windows a calibration accepts. */
export const MIN_WINDOWS = 8;

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

function interval(estimate: number, samples: number[], bound?: readonly [number, number]): Interval {
  const low = quantile(samples, 0.025),
    high = quantile(samples, 0.975);
  const out: Interval = {
    estimate,
    low: Number.isFinite(low) ? low : estimate,
    high: Number.isFinite(high) ? high : estimate,
  };
  if (bound && (estimate <= bound[0] * (1 + 1e-9) || estimate >= bound[1] * (1 - 1e-9))) out.atBound = true;
  return out;
}

/**
 * Circular blocks of `block` windows drawn with replacement (Politis and Romano 1992; every window equally likely),
 * concatenated with a NaN seam between blocks and at the wrap, so no lag pair crosses a seam, until the original
 * length is reached.
 */
function blockResample(
  w: VarianceWindows,
  block: number,
  next: () => number,
): { variance: Float64Array; logReturn: Float64Array } {
  const n = w.variance.length;
  const variance: number[] = [],
    logReturn: number[] = [];
  let taken = 0;
  while (taken < n) {
    const start = Math.floor(next() * n);
    const len = Math.min(block, n - taken);
    for (let i = 0; i < len; i++) {
      const j = (start + i) % n;
      if (j === 0 && i > 0) {
        variance.push(NaN);
        logReturn.push(NaN);
      }
      variance.push(w.variance[j]!);
      logReturn.push(w.logReturn[j]!);
    }
    variance.push(NaN);
    logReturn.push(NaN);
    taken += len;
  }
  return { variance: Float64Array.from(variance), logReturn: Float64Array.from(logReturn) };
}

export function calibrateMarket(series: BarSeries, o: CalibrateOptions): CalibrationResult {
  const warnings: string[] = [];
  const daily = series.barMinutes >= 1440;
  const fullDay = o.session.endMinute - o.session.startMinute >= 1440;
  const daysPerYear = fullDay && !daily ? 365 : 252;
  // default: 30-minute windows, or six bars when bars are longer than 5 minutes (hourly crypto bars: 6-hour windows)
  const window = o.window ?? (daily ? 5 : Math.max(30, 6 * series.barMinutes));
  const w = varianceWindows(series, { window, session: o.session, daysPerYear });
  const usable = w.variance.filter(Number.isFinite).length;
  if (usable < MIN_WINDOWS) {
    throw new InputError(
      `calibrate: ${usable} usable variance window${usable === 1 ? '' : 's'} of ${window} ${daily ? 'days' : 'minutes'} in ${series.length} bars; at least ${MIN_WINDOWS} are needed (more data, or a shorter --window)`,
      'window',
    );
  }
  const maxLag = Math.max(2, Math.min(Math.floor(w.variance.length / 4), 10 * w.windowsPerDay));
  // v0: the last day's windows (intraday) or the last four windows (daily bars: about a month)
  const momentOptions = { windowYears: w.windowYears, maxLag, v0Windows: daily ? 4 : w.windowsPerDay };
  const point = estimateHeston(w.variance, w.logReturn, momentOptions);

  const replications = o.bootstrap ?? 200,
    seed = o.seed ?? 20240601;
  const next = resampleRng(seed);
  const block = Math.min(w.variance.length, Math.max(w.windowsPerDay, 2 * maxLag));
  const draws: HestonEstimate[] = [];
  for (let b = 0; b < replications; b++) {
    const r = blockResample(w, block, next);
    draws.push(estimateHeston(r.variance, r.logReturn, momentOptions));
  }
  // v0 is a level, not a dynamic: its interval resamples the last day's windows themselves
  const tail = Array.from(w.variance.subarray(Math.max(0, w.variance.length - momentOptions.v0Windows))).filter(
    Number.isFinite,
  );
  const v0Draws = Array.from({ length: replications }, () => {
    let s = 0;
    for (let i = 0; i < tail.length; i++) s += tail[Math.floor(next() * tail.length)]!;
    return s / tail.length;
  });
  const parameters = {
    v0: interval(point.v0, v0Draws, BOUNDS.variance),
    kappa: interval(
      point.kappa,
      draws.map((d) => d.kappa),
      BOUNDS.kappa,
    ),
    theta: interval(
      point.theta,
      draws.map((d) => d.theta),
      BOUNDS.variance,
    ),
    xi: interval(
      point.xi,
      draws.map((d) => d.xi),
      BOUNDS.xi,
    ),
    rho: interval(
      point.rho,
      draws.map((d) => d.rho),
      BOUNDS.rho,
    ),
  };
  const spanYears = w.variance.length * w.windowYears;
  if (parameters.kappa.atBound)
    warnings.push(
      `kappa sits on its bound ${round(point.kappa, 3)}: the data show no measurable mean reversion of variance`,
    );
  for (const name of ['kappa', 'xi', 'rho'] as const) {
    const bound = name === 'kappa' ? BOUNDS.kappa : name === 'xi' ? BOUNDS.xi : BOUNDS.rho;
    const p = parameters[name];
    if (!p.atBound && (p.low <= bound[0] * (1 + 1e-9) + (bound[0] < 0 ? 2e-9 : 0) || p.high >= bound[1] * (1 - 1e-9))) {
      warnings.push(`${name}'s interval reaches its admissible bound: weakly identified by these ${w.days} days`);
    }
  }
  if (point.kappa * spanYears < 3)
    warnings.push(
      `the data span ${round(spanYears * daysPerYear, 3)} days, under 3 mean-reversion times 1/kappa: kappa and xi are weakly identified (see the CIs)`,
    );
  if (!daily && w.days < 3)
    warnings.push('fewer than 3 days: no intraday seasonality correction of the variance windows');

  const dailySigma = (theta: number) => Math.sqrt(theta / daysPerYear);
  const profile = volumeProfile(series, o.session);
  const variance = varianceProfile(series, o.session);
  const dayIndex = splitDays(series);
  const resampleDays = <T>(stat: (days: number[]) => T): T[] =>
    Array.from({ length: replications }, () =>
      stat(Array.from({ length: dayIndex.length }, () => Math.floor(next() * dayIndex.length))),
    );
  const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const dailyVolume = interval(
    meanOf(profile.dailyVolumes),
    resampleDays((ds) => meanOf(ds.map((d) => profile.dailyVolumes[d]!))),
  );
  if (!(dailyVolume.estimate > 0))
    throw new InputError(
      `calibrate: ${series.symbol} has no volume in ${dayIndex.length} day(s): daily volume must be > 0`,
      'volume',
    );

  let spread: CalibrationResult['spread'];
  const quoted = o.spreadBps && o.spreadBps.some(Number.isFinite);
  if (quoted) {
    const s = o.spreadBps!;
    const perDay = dayIndex.map((d) => Array.from(s.subarray(d.start, d.end)));
    spread = {
      source: 'quotes',
      spreadBps: interval(
        median(s),
        resampleDays((ds) => median(ds.flatMap((d) => perDay[d]!))),
      ),
    };
  } else {
    const returns = new Float64Array(series.length).fill(NaN);
    for (const d of dayIndex)
      for (let i = d.start + 1; i < d.end; i++) returns[i] = Math.log(series.close[i]! / series.close[i - 1]!);
    const roll = rollSpreadBps(returns);
    spread = {
      source: roll.source,
      spreadBps: { estimate: roll.spreadBps, low: roll.spreadBps, high: roll.spreadBps },
    };
    warnings.push(
      roll.source === 'roll'
        ? 'no quotes: spread from Roll (1984) on bar closes (no CI)'
        : 'no quotes and no negative return autocovariance: spread set to 0',
    );
  }

  const sigmaD = dailySigma(point.theta);
  const impact = {
    squareRootY: SQUARE_ROOT_Y,
    temporaryEta: SQUARE_ROOT_Y * sigmaD,
    temporaryBeta: 0.5,
    permanentGamma: ALMGREN_PERMANENT / Math.sqrt(daysPerYear),
  };
  const uShape = profile.uShape;
  const market: MarketSection = {
    model: {
      type: 'heston',
      s0: round(series.close[series.length - 1]!),
      v0: round(point.v0),
      kappa: round(point.kappa),
      theta: round(point.theta),
      xi: round(point.xi),
      rho: round(point.rho),
      scheme: variance.uShape ? 'euler' : 'qe',
    },
    dailyVolume: Math.round(dailyVolume.estimate),
    volumeCurve: uShape
      ? { type: 'u-shape', open: round(uShape.open, 4), close: round(uShape.close, 4), decay: round(uShape.decay, 4) }
      : { type: 'flat' },
    volatilityCurve: variance.uShape
      ? {
          type: 'u-shape',
          open: round(variance.uShape.open, 4),
          close: round(variance.uShape.close, 4),
          decay: round(variance.uShape.decay, 4),
        }
      : { type: 'flat' },
    impact: {
      type: 'relative',
      temporary: { eta: round(impact.temporaryEta), beta: 0.5 },
      permanent: { gamma: round(impact.permanentGamma) },
      spread: { halfSpreadBps: round(Math.min(1000, spread.spreadBps.estimate / 2), 4) },
    },
  };
  const annual = (t: number) => Math.sqrt(t);
  return {
    symbol: series.symbol,
    days: w.days,
    windows: usable,
    windowLength: `${window} ${daily ? 'days' : 'min'}`,
    parameters,
    feller: {
      twoKappaTheta: 2 * point.kappa * point.theta,
      xiSquared: point.xi ** 2,
      holds: 2 * point.kappa * point.theta >= point.xi ** 2,
    },
    volatility: {
      annualised: {
        estimate: annual(point.theta),
        low: annual(parameters.theta.low),
        high: annual(parameters.theta.high),
      },
      dailySigma: { estimate: sigmaD, low: dailySigma(parameters.theta.low), high: dailySigma(parameters.theta.high) },
    },
    dailyVolume,
    volumeCurve: { bucketMinutes: profile.bucketMinutes, fractions: profile.curve, uShape },
    volatilityCurve: { bucketMinutes: variance.bucketMinutes, fractions: variance.curve, uShape: variance.uShape },
    spread,
    impact,
    market,
    bootstrap: { replications, seed, blockWindows: block },
    warnings,
  };
}
