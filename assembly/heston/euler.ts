// Heston full-truncation Euler step on log price (Lord, Koekkoek, van Dijk 2010, "A comparison of biased
// simulation schemes for stochastic volatility models", eq. 9 with f1 = f2 = f3 = max(., 0)), exactly the
// scheme of bench/workloads/heston-paths.json:
//   vp = max(v, 0); x' = x + (mu - vp/2) dt + sqrt(vp dt) z1
//   v' = v + kappa (theta - vp) dt + xi sqrt(vp dt) (rho z1 + sqrt(1 - rho^2) z2)
// Weak order 1 (bias of the 252-step call price +0.0042, see ../shared/references). Constants are folded
// per run (EulerConstants below) in one order that src/reference/heston/euler.ts repeats bit for bit.
// The model never owns a random generator: z1, z2 come from the caller.

/** Per-run constants: muDt = mu dt, halfDt = dt / 2, kappaThetaDt = kappa theta dt, kappaDt = kappa dt, rhoBar = sqrt(1 - rho^2). */
// @ts-ignore: decorator
@inline export function eulerSqrtVarDtF64x2(vp: v128, dt: v128): v128 {
  return f64x2.sqrt(f64x2.mul(vp, dt));
}

// @ts-ignore: decorator
@inline export function eulerLogPriceF64x2(x: v128, vp: v128, sq: v128, z1: v128, muDt: v128, halfDt: v128): v128 {
  return f64x2.add(f64x2.add(x, f64x2.sub(muDt, f64x2.mul(halfDt, vp))), f64x2.mul(sq, z1));
}

// @ts-ignore: decorator
@inline export function eulerVarianceF64x2(v: v128, vp: v128, sq: v128, z1: v128, z2: v128,
  kappaThetaDt: v128, kappaDt: v128, xi: v128, rho: v128, rhoBar: v128): v128 {
  const drift = f64x2.sub(kappaThetaDt, f64x2.mul(kappaDt, vp));
  const shock = f64x2.mul(f64x2.mul(xi, sq), f64x2.add(f64x2.mul(rho, z1), f64x2.mul(rhoBar, z2)));
  return f64x2.add(f64x2.add(v, drift), shock);
}
