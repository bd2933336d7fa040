// The checks of an evaluation config that need the resolved market (a schema cannot express them): every condition a
// run could trip on becomes an InputError naming the field, before any work.
import { InputError } from '../errors/input-error.js';
import { toPriceModel } from '../market/price-model.js';
import { stepVolumes } from '../market/volume-curve.js';
import { resolveImpact } from '../market/impact.js';
import { initialVolatility, isLogModel } from '../engine/model-params.js';
import { linearisedParameters, lambdaPerCurrency } from '../strategies/linearise.js';
import { almgrenChrissSchedule } from '../strategies/almgren-chriss.js';
import { MINUTES_PER_DAY } from '../market/time.js';
import { staticCosts } from '../market/static-costs.js';
import type { EvaluationConfig, OrderGrid } from './config.js';

/** Andersen's QE loses all precision as kappa dt or xi reach rounding (1 - e^(-kappa dt) = 0): NaN variances. */
export const QE_MIN_KAPPA = 1e-4;
export const QE_MIN_XI = 1e-6;
export const QE_MIN_VARIANCE = 1e-12;

/** Largest move of the log price the order's own permanent impact may cause (a factor e^20). */
export const MAX_LOG_PRICE_SHIFT = 20;

export function validateResolvedMarket(config: EvaluationConfig, grid: OrderGrid): void {
  const m = config.market.model;
  if (m.type === 'heston' && m.scheme === 'qe') {
    if (m.kappa < QE_MIN_KAPPA)
      throw new InputError(
        `market.model.kappa: must be >= ${QE_MIN_KAPPA} for the QE scheme (got ${m.kappa}; use "scheme": "euler")`,
        'market.model.kappa',
      );
    if (!(m.v0 >= QE_MIN_VARIANCE) && !(m.theta >= QE_MIN_VARIANCE))
      throw new InputError(
        'market.model.theta: the QE scheme needs a variance above rounding (v0 or theta >= 1e-12; use "scheme": "euler")',
        'market.model.theta',
      );
    if (m.xi < QE_MIN_XI)
      throw new InputError(
        `market.model.xi: must be >= ${QE_MIN_XI} for the QE scheme (got ${m.xi}; use "scheme": "euler")`,
        'market.model.xi',
      );
  }
  const model = toPriceModel(config.market.model);
  const s0 = model.s0,
    sigma0 = initialVolatility(model);
  const stepDays = grid.stepMinutes / MINUTES_PER_DAY;
  const stepVolume = stepVolumes(
    config.market.volumeCurve,
    config.market.dailyVolume,
    grid.steps,
    grid.stepMinutes,
    config.order.startMinute,
  );
  if (!stepVolume.every((v) => v > 0 && Number.isFinite(v))) {
    throw new InputError('market.volumeCurve: every step of the order needs market volume > 0', 'market.volumeCurve');
  }
  const impact = resolveImpact(config.market.impact, {
    s0,
    sigma0,
    dailyVolume: config.market.dailyVolume,
    stepVolume,
    stepDays,
    logModel: isLogModel(model),
  });
  const finite = (a: Float64Array) => a.every(Number.isFinite);
  if (
    !finite(impact.temporaryScale) ||
    !finite(impact.transientScale) ||
    !finite(impact.spread) ||
    !Number.isFinite(impact.permanentLog)
  ) {
    throw new InputError('market.impact: the impact coefficients overflow for this market and grid', 'market.impact');
  }
  // the order's own permanent impact moves the log price by permanentLog x shares: beyond e^20 the price model is meaningless
  const logShift = impact.permanentLog * config.order.shares;
  if (!(logShift <= MAX_LOG_PRICE_SHIFT)) {
    throw new InputError(
      `market.impact: the order's permanent impact moves the log price by ${logShift.toPrecision(3)} (at most ${MAX_LOG_PRICE_SHIFT}): the order is far too large for this market's impact (order.shares ${config.order.shares}, market.dailyVolume ${config.market.dailyVolume})`,
      'market.impact',
    );
  }
  const twap = staticCosts(
    impact,
    new Float64Array(grid.steps).fill(config.order.shares / grid.steps),
    stepVolume,
    s0,
    config.order.side === 'sell' ? 1 : -1,
  );
  if (
    ![
      twap.temporaryCost,
      twap.transientCost,
      twap.spreadCost,
      twap.expectedPermanentCost,
      twap.additivePermanentCost,
      twap.terminalFactor,
    ].every(Number.isFinite)
  ) {
    throw new InputError(
      'market.impact: the impact of this order overflows (non-finite cost of TWAP): check the impact coefficients against order.shares and market.dailyVolume',
      'market.impact',
    );
  }
  const ac = linearisedParameters(impact, s0, sigma0, config.order.shares, grid.steps, stepDays);
  const etaTilde = ac.eta - (ac.gamma * ac.tauDays) / 2;
  // Almgren-Chriss with risk aversion > 0 needs eta~ = eta - gamma tau / 2 > 0 (paper eq. 18)
  const acProblem = `Almgren-Chriss needs temporary impact above half the permanent over a step (eta ${ac.eta.toPrecision(4)} <= gamma tau / 2 = ${((ac.gamma * ac.tauDays) / 2).toPrecision(4)}): raise market.impact temporary eta, lower permanent gamma, or shorten the step`;
  const needsEta = (lambda: number) => lambda > 0 && ac.sigmaPerSqrtDay > 0 && !(etaTilde > 0);
  const notional = config.order.shares * s0;
  const finiteSchedule = (lambda: number) => almgrenChrissSchedule(ac, lambda).every(Number.isFinite);
  const overflow = (lambda: number) =>
    `the Almgren-Chriss schedule overflows at this risk aversion (lambda sigma^2 / eta~ = ${((lambda * ac.sigmaPerSqrtDay ** 2) / etaTilde).toPrecision(3)} per day^2): lower the risk aversion or check market.impact`;
  config.strategies.forEach((s, i) => {
    if (s.type !== 'almgren-chriss' && s.type !== 'adaptive-almgren-chriss') return;
    const lambda = lambdaPerCurrency(s, notional);
    if (needsEta(lambda) || (s.type === 'adaptive-almgren-chriss' && !(etaTilde > 0)))
      throw new InputError(`strategies.${i}: ${acProblem}`, `strategies.${i}`);
    if (!finiteSchedule(lambda)) throw new InputError(`strategies.${i}: ${overflow(lambda)}`, `strategies.${i}`);
  });
  const frontier = config.evaluation.frontier ?? [];
  const bad = frontier.findIndex((lambda) => needsEta(lambda / notional));
  if (bad >= 0) throw new InputError(`evaluation.frontier.${bad}: ${acProblem}`, `evaluation.frontier.${bad}`);
  const overflowing = frontier.findIndex((lambda) => !finiteSchedule(lambda / notional));
  if (overflowing >= 0)
    throw new InputError(
      `evaluation.frontier.${overflowing}: ${overflow(frontier[overflowing]! / notional)}`,
      `evaluation.frontier.${overflowing}`,
    );
}
