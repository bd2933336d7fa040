// Standard normal tail probabilities for p-values: erfc by the Chebyshev fit of Press et al., Numerical Recipes
// (2nd ed., section 6.2, erfcc), fractional error < 1.2e-7 everywhere (so small p-values keep their digits).
import { exp } from '../engine/portable-math.js';

export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of "the mean is zero" for an estimate with this standard error (no error: 1 if it is 0, else 0). */
export function twoSidedPValue(mean: number, stderr: number): number {
  if (!(stderr > 0)) return mean === 0 ? 1 : 0;
  const z = mean / stderr;
  return Number.isFinite(z) ? erfc(Math.abs(z) / Math.SQRT2) : 0;
}
