// Almgren-Chriss (2000) optimal static schedule and its efficient frontier, in closed form.
//
// Arithmetic Brownian price with volatility sigma (currency per sqrt(day)), linear permanent impact gamma,
// linear temporary impact eta (per-share cost epsilon + eta n / tau), N intervals of length tau days, X shares,
// risk aversion lambda (1 / currency). With eta~ = eta - gamma tau / 2 and kappa~^2 = lambda sigma^2 / eta~,
// kappa solves 2 (cosh(kappa tau) - 1) = kappa~^2 tau^2 (paper eq. 18-19), and
//   holdings x_j = X sinh(kappa (T - t_j)) / sinh(kappa T)                         (eq. 18)
//   E[cost] = gamma X^2 / 2 + epsilon X + (eta~ / tau) sum n_j^2,  Var[cost] = sigma^2 tau sum x_j^2   (eq. 7, 8)
// sinh ratios are evaluated as exp(-kappa t)(1 - e^(-2 kappa (T - t))) / (1 - e^(-2 kappa T)) so large kappa T
// cannot overflow. Outside the AC world the parameters are a linearisation (see linearisedParameters).
import { exp, log } from '../math/portable-math.js';

export interface AlmgrenChrissParameters {
  shares: number;
  steps: number;
  tauDays: number;
  sigmaPerSqrtDay: number;
  gamma: number;
  eta: number;
  epsilon: number;
}

/** kappa (per day) for risk aversion lambda (1 / currency); 0 for lambda = 0 (TWAP). */
export function almgrenChrissKappa(p: AlmgrenChrissParameters, lambda: number): number {
  const etaTilde = p.eta - (p.gamma * p.tauDays) / 2;
  if (lambda <= 0 || p.sigmaPerSqrtDay === 0) return 0;
  if (etaTilde <= 0)
    throw new RangeError('Almgren-Chriss needs eta > gamma tau / 2 (temporary impact too small for the permanent)');
  const kTilde2 = (lambda * p.sigmaPerSqrtDay * p.sigmaPerSqrtDay) / etaTilde;
  const y = 1 + (kTilde2 * p.tauDays * p.tauDays) / 2;
  return log(y + Math.sqrt(y * y - 1)) / p.tauDays;
}

/** Holdings x_0 = X, x_1, ..., x_N = 0. */
export function almgrenChrissHoldings(p: AlmgrenChrissParameters, lambda: number): Float64Array {
  const kappa = almgrenChrissKappa(p, lambda);
  const T = p.steps * p.tauDays;
  return Float64Array.from({ length: p.steps + 1 }, (_, j) => {
    if (j === p.steps) return 0;
    const t = j * p.tauDays;
    if (kappa === 0) return p.shares * (1 - j / p.steps);
    return (p.shares * exp(-kappa * t) * (1 - exp(-2 * kappa * (T - t)))) / (1 - exp(-2 * kappa * T));
  });
}

/** Trades n_j = x_{j-1} - x_j per step. */
export function almgrenChrissSchedule(p: AlmgrenChrissParameters, lambda: number): Float64Array {
  const x = almgrenChrissHoldings(p, lambda);
  return Float64Array.from({ length: p.steps }, (_, j) => x[j]! - x[j + 1]!);
}

/** Expected cost and variance (currency, currency^2) of a schedule in the AC model. */
export function almgrenChrissMoments(
  p: AlmgrenChrissParameters,
  qty: Float64Array,
): { mean: number; variance: number } {
  const etaTilde = p.eta - (p.gamma * p.tauDays) / 2;
  let sumSquares = 0,
    heldSquares = 0,
    held = p.shares;
  for (let j = 0; j < qty.length; j++) {
    sumSquares += qty[j]! * qty[j]!;
    held -= qty[j]!;
    if (j < qty.length - 1) heldSquares += held * held;
  }
  const executed = p.shares - held;
  return {
    mean: (p.gamma * executed * executed) / 2 + p.epsilon * executed + (etaTilde / p.tauDays) * sumSquares,
    variance: p.sigmaPerSqrtDay * p.sigmaPerSqrtDay * p.tauDays * heldSquares,
  };
}
