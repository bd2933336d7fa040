// The standard normal cdf and erfc, one accurate routine for the Heston pricer's Black-Scholes legs and for p-values.
// erfc by its power series (Abramowitz & Stegun 7.1.6) below 1 and its continued fraction (A&S 7.1.14, modified
// Lentz) above, e^{-x^2} split as in Cody (1969) so x^2 is not rounded. Accuracy: normalCdf's relative error is
// <= 1e-15 (1 + d^2) for d in [-37, 8], the conditioning of Phi itself (checked against 40-digit mpmath in
// test/market/heston-pricer.test.ts). The engine's own exp (not Math.exp) keeps the bits equal on every runtime.
import { exp } from './exp.js';

const SQRT_PI = Math.sqrt(Math.PI);

/** e^{-x^2} with x^2 split into an exact part (x rounded to 1/16, so its square is exact) and a small rest. */
function expMinusSquare(x: number): number {
  const xh = Math.round(x * 16) / 16;
  return exp(-xh * xh) * exp(-(x - xh) * (x + xh));
}

/** erfc(x) for x >= 0: the series below 1 (where erfc > 0.15, so 1 - erf loses < 3 bits), the fraction above. */
function erfcNonNegative(x: number): number {
  if (x < 1) {
    // erf x = 2x/sqrt(pi) e^{-x^2} sum (2x^2)^n / (1.3...(2n+1)): positive terms, so no cancellation.
    let term = 1,
      sum = 1;
    for (let n = 1; term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - ((2 * x) / SQRT_PI) * expMinusSquare(x) * sum;
  }
  // erfc x = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) by modified Lentz (189 terms at x = 1).
  const tiny = 1e-300;
  let f = x,
    c = x,
    d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return expMinusSquare(x) / (SQRT_PI * f);
}

/** Standard normal cdf; relative error <= 1e-15 (1 + d^2) measured on [-37, 8] (header). */
export function normalCdf(d: number): number {
  const x = -d * Math.SQRT1_2;
  return x >= 0 ? erfcNonNegative(x) / 2 : 1 - erfcNonNegative(-x) / 2;
}

/** erfc(x) for every x (erfc(-x) = 2 - erfc(x)). */
export function erfc(x: number): number {
  return x >= 0 ? erfcNonNegative(x) : 2 - erfcNonNegative(-x);
}

/** Two-sided p-value of "the mean is zero" for an estimate with this standard error (no error: 1 if it is 0, else 0). */
export function twoSidedPValue(mean: number, stderr: number): number {
  if (!(stderr > 0)) return mean === 0 ? 1 : 0;
  const z = mean / stderr;
  return Number.isFinite(z) ? erfc(Math.abs(z) / Math.SQRT2) : 0;
}
