// The markets the assistant evaluates in: the heston-execution example's market (examples/heston-execution.json) and
// its variants for the regime words (high / low volatility, high / low liquidity).
import type { EvaluationConfig } from '../eval/config.js';
import type { Level } from './lexicon.js';

type Market = EvaluationConfig['market'];

/** Variance levels (v0 = theta) per volatility word: 10%, 20% and 40% annualised volatility. */
const VARIANCE: Record<Level, number> = { low: 0.01, normal: 0.04, high: 0.16 };
/** Vol of vol per volatility word: a stressed market's variance moves more. */
const VOL_OF_VOL: Record<Level, number> = { low: 0.3, normal: 0.6, high: 0.9 };
/** Daily volume (shares) and half spread (bps) per liquidity word. */
const DAILY_VOLUME: Record<Level, number> = { low: 2_000_000, normal: 20_000_000, high: 100_000_000 };
const HALF_SPREAD_BPS: Record<Level, number> = { low: 5, normal: 0.5, high: 0.25 };

export const DEFAULT_ORDER = { side: 'sell' as const, shares: 1_000_000, horizonMinutes: 390 };

export function assistantMarket(volatility: Level = 'normal', liquidity: Level = 'normal'): Market {
  return {
    model: {
      type: 'heston',
      s0: 100,
      v0: VARIANCE[volatility],
      kappa: 1.5,
      theta: VARIANCE[volatility],
      xi: VOL_OF_VOL[volatility],
      rho: -0.7,
      scheme: 'euler',
      mu: 0,
    } as Market['model'],
    dailyVolume: DAILY_VOLUME[liquidity],
    volumeCurve: { type: 'u-shape' } as Market['volumeCurve'],
    volatilityCurve: { type: 'flat' },
    impact: {
      // examples/heston-execution.json's impact, in its canonical convention (docs/market-models.md)
      type: 'canonical',
      temporary: { eta: 0.01, beta: 0.6 },
      permanent: { gamma: 0.25 },
      transient: { kernel: 'exponential', amplitude: 0.002, halfLifeSteps: 30, beta: 1 },
      spread: { halfSpreadBps: HALF_SPREAD_BPS[liquidity] },
    } as Market['impact'],
  };
}

export function describeMarket(volatility: Level = 'normal', liquidity: Level = 'normal'): string {
  const vol = `${Math.round(100 * Math.sqrt(VARIANCE[volatility]))}% volatility`;
  const liq = `${DAILY_VOLUME[liquidity].toLocaleString('en-US')} shares a day`;
  const words = [
    volatility !== 'normal' ? `${volatility}-volatility` : '',
    liquidity !== 'normal' ? `${liquidity}-liquidity` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${words ? `a ${words} market` : 'the standard market'} (Heston, ${vol}, ${liq}, ${HALF_SPREAD_BPS[liquidity]} bp half spread)`;
}
