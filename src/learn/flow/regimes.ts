// The four FlowOE market regimes (volatility level x vol of vol under Heston), as train configs; examples/regimes/ holds the same.
import { parseTrainConfig, type TrainConfig } from '../train-config.js';
import { InputError } from '../../errors/input-error.js';

export const REGIME_NAMES = ['HH', 'HL', 'LH', 'LL'] as const;
export type RegimeName = (typeof REGIME_NAMES)[number];

/** Variance level (v0 = theta, per year) and vol of vol xi: H = 25% / 1.0, L = 15% / 0.2. */
const LEVEL = { H: 0.0625, L: 0.0225 } as const;
const VOL_OF_VOL = { H: 1.0, L: 0.2 } as const;
const WORDS = {
  level: { H: 'high volatility (25% a year)', L: 'low volatility (15% a year)' },
  xi: { H: 'high vol of vol (xi 1.0)', L: 'low vol of vol (xi 0.2)' },
};

/** The parsed-config input of regime `name` (what examples/regimes/NAME.json holds). */
export function regimeConfigInput(name: RegimeName): Record<string, unknown> {
  const level = name[0] as 'H' | 'L',
    xi = name[1] as 'H' | 'L';
  const theta = LEVEL[level];
  return {
    name: `regime-${name}`,
    description: `FlowOE regime ${name}: ${WORDS.level[level]} with ${WORDS.xi[xi]}; Heston (kappa 1.5, rho -0.7), concave temporary, linear permanent and exponential transient impact, U-shaped volume; sell 10% of daily volume over a day in 15-minute steps, mean-variance objective (risk aversion 100).`,
    market: {
      model: { type: 'heston', s0: 100, v0: theta, kappa: 1.5, theta, xi: VOL_OF_VOL[xi], rho: -0.7, scheme: 'euler' },
      dailyVolume: 20000000,
      volumeCurve: { type: 'u-shape' },
      // the ppo-heston market in its canonical units (half-life in 15-minute steps; docs/market-models.md)
      impact: {
        type: 'canonical',
        temporary: { eta: 0.01, beta: 0.6 },
        permanent: { gamma: 0.25 },
        transient: { kernel: 'exponential', amplitude: 0.002, halfLifeSteps: 2, beta: 1 },
        spread: { halfSpreadBps: 0.5 },
      },
    },
    order: { side: 'sell', shares: 2000000, horizonMinutes: 390, stepMinutes: 15 },
    objective: { type: 'mean-variance', riskAversion: 100 },
    ppo: { iterations: 300, envs: 2048, minibatch: 4096, learningRate: 1e-3, seed: 5, actionScale: 20 },
    evaluation: { paths: 100000, seed: 20240601, riskAversion: 100 },
  };
}

export interface Regime {
  name: string;
  config: TrainConfig;
}

/** A regime from its config input; errors name the field under `where` (e.g. "regimes.2.config"). */
export function parseRegime(name: string, input: unknown, where: string): Regime {
  try {
    return { name, config: parseTrainConfig(input) };
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(`${where}.${error.message}`, error.field ? `${where}.${error.field}` : where);
    throw error;
  }
}

export function defaultRegimes(): Regime[] {
  return REGIME_NAMES.map((n) => parseRegime(n, regimeConfigInput(n), n));
}

/**
 * Every regime must share the order's shape (steps, side) and the action scale: one policy acts in all of them and
 * never learns which one it is in (it sees only the observations).
 */
export function checkCompatible(regimes: Regime[]): void {
  const first = regimes[0]!.config;
  for (const r of regimes.slice(1)) {
    const c = r.config;
    for (const key of ['horizonMinutes', 'stepMinutes', 'side'] as const) {
      if (c.order[key] !== first.order[key])
        throw new InputError(
          `regimes: ${r.name}.order.${key} must equal ${regimes[0]!.name}'s (${String(first.order[key])})`,
          'regimes',
        );
    }
    if (c.ppo.actionScale !== first.ppo.actionScale)
      throw new InputError(`regimes: ${r.name}.ppo.actionScale must equal ${regimes[0]!.name}'s`, 'regimes');
  }
}
