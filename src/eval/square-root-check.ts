// A plausibility check of a market's impact against the square-root law (Toth et al. 2011, "Anomalous price impact
// and the critical nature of liquidity in financial markets", PRX 1; Almgren et al. 2005): the impact cost of an
// order of Q shares is of order Y sigma_d sqrt(Q / V) with Y of order 1, whatever the model that produces it.
//
// The order's expected impact cost (temporary + transient + permanent, spread excluded) by VWAP under the cap, exact
// for a static schedule (market/static-costs.ts), is compared with the law at Y = 1 and sigma_d the arrival daily
// volatility; above FAR_ABOVE times the law the evaluation carries a warning (the usual cause: impact coefficients
// in another unit system, e.g. per unit of price rather than per daily sigma).
import { initialVolatility } from '../engine/model-params.js';
import { staticCosts } from '../market/static-costs.js';
import { DAYS_PER_YEAR } from '../market/time.js';
import { vwapSchedule } from '../strategies/classic.js';
import { applyParticipationCap } from '../strategies/participation.js';
import type { ExecutionPlan } from './plan.js';

/** Warn when the impact cost is more than this multiple of the law (the factor of 2). */
export const FAR_ABOVE = 2;

export interface SquareRootCheck {
  /** sigma_d sqrt(Q / ADV), bps (Y = 1). */
  lawBps: number;
  /** VWAP's expected impact cost, bps. */
  impactBps: number;
  /** impactBps / lawBps: the implied Y. */
  impliedY: number;
  warning?: string;
}

export function squareRootCheck(plan: ExecutionPlan, dailyVolume: number): SquareRootCheck {
  const sigmaDaily = initialVolatility(plan.model) / Math.sqrt(DAYS_PER_YEAR);
  const lawBps = 1e4 * sigmaDaily * Math.sqrt(plan.orderShares / dailyVolume);
  const capped = applyParticipationCap(
    vwapSchedule(plan.orderShares, plan.stepVolume),
    plan.stepVolume,
    plan.participationCap,
  );
  const c = staticCosts(plan.impact, capped.qty, plan.stepVolume, plan.s0, plan.side);
  const impactBps =
    (1e4 * (c.temporaryCost + c.transientCost + c.additivePermanentCost + c.expectedPermanentCost)) /
    (plan.orderShares * plan.s0);
  const impliedY = lawBps > 0 ? impactBps / lawBps : 0;
  const warning =
    impliedY > FAR_ABOVE
      ? `impact: VWAP's expected impact cost is ${impactBps.toFixed(2)} bps, ${impliedY.toFixed(1)} times the square-root law sigma_d sqrt(Q/V) = ${lawBps.toFixed(2)} bps (Y = 1; the literature finds Y of order 1): check the impact coefficients' units (docs/market-models.md)`
      : undefined;
  return { lawBps, impactBps, impliedY, ...(warning ? { warning } : {}) };
}
