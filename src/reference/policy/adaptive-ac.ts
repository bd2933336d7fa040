// Plain-TS twin of assembly/policy/adaptive-ac.ts: the fraction of inventory adaptive Almgren-Chriss trades.
import { exp } from '../../math/exp.js';
import { log } from '../../math/log.js';
import { AC } from '../../engine/env-layout.js';

/** Fraction to trade at step k of `steps` for a path with state x (log price, or price for ABM) and variance v. */
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
