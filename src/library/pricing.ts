// The closed forms of the public API: the semi-analytic Heston price and Almgren-Chriss's optimal schedule and frontier.
import { z } from 'zod';
import { hestonCallPrice, hestonPutPrice, type HestonOptionParams } from '../market/heston-pricer.js';
import {
  almgrenChrissKappa,
  almgrenChrissHoldings,
  almgrenChrissSchedule,
  almgrenChrissMoments,
  type AlmgrenChrissParameters,
} from '../strategies/almgren-chriss.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';

/**
 * A European option under Heston (1993): spot, strike, maturity (years), continuously compounded rate and dividend
 * yield, and the variance process dv = kappa (theta - v) dt + xi sqrt(v) dW2, d<W1, W2> = rho dt, v(0) = v0.
 *
 * @example
 * ```ts
 * const option: HestonOption = { s0: 100, strike: 100, maturityYears: 1, rate: 0, dividendYield: 0,
 *   v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.5, rho: -0.7 };
 * ```
 */
export type HestonOption = HestonOptionParams;

function priced(p: HestonOption, price: (p: HestonOptionParams) => number): number {
  if (p === null || typeof p !== 'object') throw new InputError('option: must be an object');
  try {
    return price(p);
  } catch (error) {
    if (error instanceof RangeError) {
      const field = error.message.split(' ')[0];
      throw new InputError(`option.${error.message}`, field ? `option.${field}` : undefined);
    }
    throw error;
  }
}

/**
 * Price of a European call under Heston (1993), semi-analytic: Lewis's (2001) single integral with the
 * Albrecher et al. (2007) characteristic function and a Black-Scholes control variate, adaptive Gauss-Kronrod
 * quadrature. Accuracy: within 1.5e-14 of a 40-digit reference on the canonical, QuantLib and Fang-Oosterlee cases
 * (absolute, on the scale of max(s0 e^{-qT}, K e^{-rT})). Throws {@link InputError} naming a bad field.
 *
 * @example
 * ```ts
 * import { hestonCall } from 'flowexec';
 * const price = hestonCall({ s0: 100, strike: 100, maturityYears: 1, rate: 0, dividendYield: 0,
 *   v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.5, rho: -0.7 });
 * ```
 */
export function hestonCall(option: HestonOption): number {
  return priced(option, hestonCallPrice);
}

/**
 * Price of a European put under Heston (1993), from the same integral as {@link hestonCall} (put-call parity holds
 * to rounding).
 *
 * @example
 * ```ts
 * const put = hestonPut({ s0: 100, strike: 110, maturityYears: 0.5, rate: 0.02, dividendYield: 0,
 *   v0: 0.04, kappa: 2, theta: 0.04, xi: 0.3, rho: -0.5 });
 * ```
 */
export function hestonPut(option: HestonOption): number {
  return priced(option, hestonPutPrice);
}

/**
 * The Almgren-Chriss (2000) world: X shares sold over N intervals of tauDays days; arithmetic Brownian price with
 * volatility sigmaPerSqrtDay (currency per sqrt(day)); linear permanent impact gamma (currency per share per
 * share) and temporary impact epsilon + eta n / tau (eta in currency x day per share^2).
 *
 * @example
 * ```ts
 * // the paper's worked example: 1e6 shares over 5 days in daily steps, sigma 0.95 $/share/sqrt(day)
 * const market: AlmgrenChrissMarket = { shares: 1e6, steps: 5, tauDays: 1, sigmaPerSqrtDay: 0.95,
 *   gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 };
 * ```
 */
export interface AlmgrenChrissMarket {
  /** X, shares to sell. */
  shares: number;
  /** N, the number of intervals. */
  steps: number;
  /** tau, the length of one interval in days (the horizon is N tau). */
  tauDays: number;
  /** sigma, the price's volatility in currency per sqrt(day). */
  sigmaPerSqrtDay: number;
  /** gamma, linear permanent impact, currency per share per share traded. */
  gamma: number;
  /** eta, linear temporary impact, currency x day per share^2 (cost per share eta n / tau). */
  eta: number;
  /** Fixed cost per share (half the spread plus fees), currency; default 0. */
  epsilon?: number;
}

/**
 * The optimal static schedule for one risk aversion, and its expected cost and variance in the model.
 *
 * @example
 * ```ts
 * const s: AlmgrenChrissSolution = almgrenChriss(market, 1e-6);
 * console.log(s.trades, s.expectedCost, Math.sqrt(s.variance));
 * ```
 */
export interface AlmgrenChrissSolution {
  /** Risk aversion lambda, 1 / currency. */
  riskAversionPerCurrency: number;
  /** kappa of eq. 18-19, per day (0: TWAP). */
  kappaPerDay: number;
  /** Holdings x_0 = X, ..., x_N = 0 (N + 1 values). */
  holdings: Float64Array;
  /** Shares traded in each interval, n_j = x_{j-1} - x_j (N values). */
  trades: Float64Array;
  /** E[cost], currency (eq. 7). */
  expectedCost: number;
  /** Var[cost], currency^2 (eq. 8). */
  variance: number;
}

const finite = z.number({ error: 'must be a number' }).finite('must be finite');
const marketSchema = z.strictObject({
  shares: finite.gt(0, 'must be > 0'),
  steps: finite.int('must be an integer').min(1, 'must be >= 1').max(1_000_000, 'must be <= 1e6'),
  tauDays: finite.gt(0, 'must be > 0'),
  sigmaPerSqrtDay: finite.min(0, 'must be >= 0'),
  gamma: finite.min(0, 'must be >= 0'),
  eta: finite.gt(0, 'must be > 0'),
  epsilon: finite.min(0, 'must be >= 0').default(0),
});

function acParameters(market: AlmgrenChrissMarket): AlmgrenChrissParameters {
  const p = parseWith(marketSchema, market, 'market');
  if (!(p.eta - (p.gamma * p.tauDays) / 2 > 0)) {
    throw new InputError(
      'market.eta: must exceed gamma tauDays / 2 (temporary impact too small for the permanent)',
      'market.eta',
    );
  }
  return p;
}

function checkLambda(lambda: number, field: string): void {
  if (typeof lambda !== 'number' || !Number.isFinite(lambda) || lambda < 0) {
    throw new InputError(`${field}: must be a finite number >= 0 (got ${String(lambda)})`, field);
  }
}

/**
 * The Almgren-Chriss (2000) optimal liquidation for risk aversion lambda (1 / currency): the minimiser of
 * E[cost] + lambda Var[cost] over static schedules, in closed form (holdings x_j = X sinh(kappa (T - t_j)) /
 * sinh(kappa T), eq. 18), evaluated without overflow for any kappa T. lambda = 0 gives TWAP.
 *
 * @example
 * ```ts
 * import { almgrenChriss } from 'flowexec';
 * const market = { shares: 1e6, steps: 5, tauDays: 1, sigmaPerSqrtDay: 0.95, gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 };
 * const s = almgrenChriss(market, 1e-6);
 * console.log(s.expectedCost.toFixed(0), Math.sqrt(s.variance).toFixed(0)); // the paper: 911,227 and 603,431
 * ```
 */
export function almgrenChriss(market: AlmgrenChrissMarket, riskAversionPerCurrency: number): AlmgrenChrissSolution {
  const p = acParameters(market);
  checkLambda(riskAversionPerCurrency, 'riskAversionPerCurrency');
  const trades = almgrenChrissSchedule(p, riskAversionPerCurrency);
  const moments = almgrenChrissMoments(p, trades);
  return {
    riskAversionPerCurrency,
    kappaPerDay: almgrenChrissKappa(p, riskAversionPerCurrency),
    holdings: almgrenChrissHoldings(p, riskAversionPerCurrency),
    trades,
    expectedCost: moments.mean,
    variance: moments.variance,
  };
}

/**
 * Expected cost and variance (currency, currency^2) of any static schedule in the Almgren-Chriss model (eq. 7, 8);
 * shares not traded by the end are left unexecuted.
 *
 * @example
 * ```ts
 * const twap = new Float64Array(5).fill(2e5);
 * const { mean, variance } = almgrenChrissCost(market, twap); // 662,500 and 1,040,673^2 in the paper's example
 * ```
 */
export function almgrenChrissCost(
  market: AlmgrenChrissMarket,
  trades: ArrayLike<number>,
): { mean: number; variance: number } {
  const p = acParameters(market);
  if (trades.length !== p.steps)
    throw new InputError(`trades: must have one value per step (${p.steps}), got ${trades.length}`, 'trades');
  const qty = Float64Array.from(trades);
  if (qty.some((q) => !Number.isFinite(q))) throw new InputError('trades: must be finite numbers', 'trades');
  return almgrenChrissMoments(p, qty);
}

/**
 * The efficient frontier: {@link almgrenChriss} at each risk aversion of a grid.
 *
 * @example
 * ```ts
 * const frontier = almgrenChrissFrontier(market, [0, 1e-7, 1e-6, 1e-5]);
 * for (const s of frontier) console.log(s.riskAversionPerCurrency, s.expectedCost, Math.sqrt(s.variance));
 * ```
 */
export function almgrenChrissFrontier(
  market: AlmgrenChrissMarket,
  riskAversions: readonly number[],
): AlmgrenChrissSolution[] {
  if (!Array.isArray(riskAversions)) throw new InputError('riskAversions: must be an array', 'riskAversions');
  riskAversions.forEach((l, i) => checkLambda(l, `riskAversions.${i}`));
  return riskAversions.map((l) => almgrenChriss(market, l));
}
