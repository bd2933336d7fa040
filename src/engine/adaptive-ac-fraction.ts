// Adaptive Almgren-Chriss's fraction of the remaining inventory in TypeScript, the operations of
// assembly/policy/adaptive-ac.ts in its order: production code (the FlowOE expert) and the twin share this one copy.
import { exp } from '../math/exp.js';
import { log } from '../math/log.js';
import { AC } from './env-layout.js';

/**
 * Fraction to trade at step k of `steps` with state x (log price, or price for ABM) and variance v: the AC closed
 * form over the m = steps - k steps left, kappa from cosh(kappa) = 1 + lambda tau^2 sigma^2 S^2 / (2 eta~) (Almgren
 * and Chriss 2000, eq. 18), re-solved every step with the path's current variance.
 */
export function adaptiveAcFraction(
  policy: Float64Array,
  k: number,
  steps: number,
  abm: boolean,
  x: number,
  v: number,
): number {
  const lambda = policy[AC.LAMBDA]!,
    etaTilde = policy[AC.ETA_TILDE]!,
    tau = policy[AC.TAU_DAYS]!;
  const scale = (lambda * tau * tau) / (2.0 * etaTilde * 252.0);
  const m = steps - k;
  const variance = policy[AC.USE_STATE_VARIANCE] !== 0 ? (v < 0 ? 0 : v) : policy[AC.VARIANCE_YEAR]!;
  let priceVariance = variance;
  if (!abm) {
    const price = exp(x);
    priceVariance = price * price * variance;
  }
  const a = scale * priceVariance;
  const kt = log(1.0 + a + Math.sqrt(a * (a + 2.0)));
  const zm = kt * m,
    zm1 = kt * (m - 1.0);
  const ratio = (exp(-kt) * (1.0 - exp(-2.0 * zm1))) / (1.0 - exp(-2.0 * zm));
  return 1.0 - (zm < 1e-9 ? (m - 1.0) / m : ratio);
}
