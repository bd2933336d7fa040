// Exact values to print beside Monte Carlo estimates: the semi-analytic Heston call price.
import type { PathsWorkload } from '../market/workload.js';
import { hestonCallPrice } from '../market/heston-pricer.js';

/** The exact (continuous-time) price of the workload's call, or undefined when the pricer cannot give one. */
export function exactCallPrice(w: PathsWorkload): number | undefined {
  try {
    return hestonCallPrice({
      s0: w.heston.s0,
      strike: w.payoff.strike,
      maturityYears: w.horizonYears,
      rate: w.payoff.discountRate,
      dividendYield: w.payoff.discountRate - (w.heston.mu ?? 0),
      v0: w.heston.v0,
      kappa: w.heston.kappa,
      theta: w.heston.theta,
      xi: w.heston.xi,
      rho: w.heston.rho,
    });
  } catch {
    return undefined;
  }
}
