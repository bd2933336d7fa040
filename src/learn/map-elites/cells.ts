// The 3x3 volatility x liquidity grid of MAP-Elites: one Heston execution market per cell, as evaluation configs.
import { parseEvaluationConfig, type EvaluationConfig } from '../../eval/config.js';

/** Long-run volatility (annual) of the low, mid and high volatility rows. */
export const CELL_VOLS = [0.12, 0.3, 0.6] as const;
/** Daily volume (shares) of the low, mid and high liquidity columns, for an order of ORDER_SHARES. */
export const CELL_VOLUMES = [2e6, 8e6, 40e6] as const;
export const ORDER_SHARES = 400_000;
export const STEPS = 26;
export const RISK_AVERSION = 1;

export interface Cell {
  vol: number;
  liquidity: number;
  name: string;
  config: EvaluationConfig;
}

/** A cell's market: Heston at its volatility, square-root temporary impact (eta = sigma_d), transient and spread. */
export function cellConfig(
  vol: number,
  dailyVolume: number,
  fractions: number[][] = [new Array(STEPS).fill(1)],
): EvaluationConfig {
  return cellConfigWith(
    vol,
    dailyVolume,
    fractions.map((f, i) => ({ type: 'schedule', name: `s${i}`, fractions: f })),
  );
}

/** The cell's evaluation config with any strategies (as config input). */
export function cellConfigWith(vol: number, dailyVolume: number, strategies: unknown[]): EvaluationConfig {
  const theta = vol * vol;
  return parseEvaluationConfig({
    name: 'map-elites-cell',
    market: {
      model: {
        type: 'heston',
        s0: 50,
        v0: theta,
        kappa: 5,
        theta,
        xi: Math.min(1, 1.5 * vol),
        rho: -0.6,
        scheme: 'qe',
      },
      dailyVolume,
      volumeCurve: { type: 'u-shape' },
      // canonical units: eta = sigma_d makes the temporary cost sigma_d s0 sqrt(n / V), the square-root law
      impact: {
        type: 'canonical',
        temporary: { eta: vol / Math.sqrt(252), beta: 0.5 },
        permanent: { gamma: 0.02 },
        transient: { kernel: 'exponential', amplitude: 0.002, halfLifeSteps: 3 },
        spread: { halfSpreadBps: 2 },
      },
    },
    order: { side: 'sell', shares: ORDER_SHARES, horizonMinutes: 390, steps: STEPS, participationCap: 0.3 },
    strategies,
    evaluation: { paths: 1000, riskAversion: RISK_AVERSION },
  });
}

export function cells(): Cell[] {
  const out: Cell[] = [];
  const levels = ['low', 'mid', 'high'];
  CELL_VOLS.forEach((vol, v) =>
    CELL_VOLUMES.forEach((volume, l) => {
      out.push({ vol: v, liquidity: l, name: `vol-${levels[v]}/liq-${levels[l]}`, config: cellConfig(vol, volume) });
    }),
  );
  return out;
}
