// The bid-ask spread of a series: the median quoted spread when quotes are present, else Roll's (1984) estimator.

export interface SpreadEstimate {
  /** Full spread, bps of the mid. */
  spreadBps: number;
  source: 'quotes' | 'roll' | 'none';
}

/** Median of the finite values; NaN if none. */
export function median(values: ArrayLike<number>): number {
  const v = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/**
 * Roll (1984), J. Finance 39, 1127-1139: with trades bouncing between bid and ask, Cov(dp_t, dp_{t-1}) = -s^2 / 4, so
 * s = 2 sqrt(-Cov) (here on log returns, in bps). Undefined when the autocovariance is positive: then 0 ('none').
 */
export function rollSpreadBps(logReturns: Float64Array): SpreadEstimate {
  let mean = 0,
    n = 0;
  for (const r of logReturns)
    if (Number.isFinite(r)) {
      mean += r;
      n++;
    }
  mean /= Math.max(1, n);
  let cov = 0,
    m = 0;
  for (let i = 1; i < logReturns.length; i++) {
    const a = logReturns[i]!,
      b = logReturns[i - 1]!;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      cov += (a - mean) * (b - mean);
      m++;
    }
  }
  cov /= Math.max(1, m);
  return cov < 0 ? { spreadBps: 2e4 * Math.sqrt(-cov), source: 'roll' } : { spreadBps: 0, source: 'none' };
}
