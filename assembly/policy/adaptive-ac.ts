// Adaptive Almgren-Chriss: at every step, each path re-solves the AC problem for what it has left, with the
// volatility it sees now (Heston: the current variance; GBM: the current price level). Almgren and Chriss (2000)
// eq. 18: over m remaining steps the optimal holdings ratio for this step is
//   x_{k+1} / x_k = sinh(kappa tau (m - 1)) / sinh(kappa tau m)
//                 = exp(-kappa tau) (1 - exp(-2 kappa tau (m - 1))) / (1 - exp(-2 kappa tau m)),
// kappa tau = acosh(1 + a), a = lambda sigma^2 tau^2 / (2 eta~), sigma^2 the price variance per day;
// the fraction traded is 1 - ratio (1 at the last step; TWAP's 1 / m when kappa tau m < 1e-9).
import { expF64x2 } from '../math/exp';
import { logF64x2 } from '../math/log';
import { MODEL_ABM } from '../market-params';
import * as E from '../rollout/env-layout';

// Policy parameter slots (f64)
// @ts-ignore: decorator
@inline export const AC_LAMBDA: i32 = 0;        // 1 / currency
// @ts-ignore: decorator
@inline export const AC_ETA_TILDE: i32 = 1;     // eta - gamma tau / 2, currency day / share^2
// @ts-ignore: decorator
@inline export const AC_TAU_DAYS: i32 = 2;
// @ts-ignore: decorator
@inline export const AC_USE_STATE_VARIANCE: i32 = 3; // 1: Heston's v; 0: AC_VARIANCE_YEAR
// @ts-ignore: decorator
@inline export const AC_VARIANCE_YEAR: i32 = 4;      // return variance per year (GBM), or price variance per year (ABM)

/** Fractions of decision k for paths first .. first + count - 1 (even). */
export function adaptiveAcPaths(env: usize, k: i32, policyPtr: usize, first: i32, count: i32): void {
  const steps = <i32>E.header(env, E.E_STEPS);
  const abm = <i32>E.header(env, E.E_MODEL) == MODEL_ABM;
  const lambda = load<f64>(policyPtr + (<usize>AC_LAMBDA << 3));
  const etaTilde = load<f64>(policyPtr + (<usize>AC_ETA_TILDE << 3));
  const tau = load<f64>(policyPtr + (<usize>AC_TAU_DAYS << 3));
  const useState = load<f64>(policyPtr + (<usize>AC_USE_STATE_VARIANCE << 3)) != 0.0;
  const varianceYear = f64x2.splat(load<f64>(policyPtr + (<usize>AC_VARIANCE_YEAR << 3)));
  // a = lambda (price variance per day) tau^2 / (2 eta~); price variance per day = S^2 var / 252 (ABM: var / 252)
  const scale = f64x2.splat(lambda * tau * tau / (2.0 * etaTilde * 252.0));
  const m = <f64>(steps - k);
  const twapRatio = f64x2.splat((m - 1.0) / m);
  const xs = E.stateArray(env, E.S_X), vs = E.stateArray(env, E.S_V), out = E.region(env, E.E_OFF_FRACTIONS);
  const zero = f64x2.splat(0.0), one = f64x2.splat(1.0), two = f64x2.splat(2.0);
  for (let p = first >> 1; p < (first + count) >> 1; p++) {
    const o = <usize>p << 4;
    const variance = useState ? f64x2.pmax(v128.load(vs + o), zero) : varianceYear;
    let priceVariance = variance;
    if (!abm) {
      const price = expF64x2(v128.load(xs + o));
      priceVariance = f64x2.mul(f64x2.mul(price, price), variance);
    }
    const a = f64x2.mul(scale, priceVariance);
    const kt = logF64x2(f64x2.add(f64x2.add(one, a), f64x2.sqrt(f64x2.mul(a, f64x2.add(a, two)))));
    const zm = f64x2.mul(kt, f64x2.splat(m));
    const zm1 = f64x2.mul(kt, f64x2.splat(m - 1.0));
    const ratio = f64x2.div(f64x2.mul(expF64x2(f64x2.neg(kt)), f64x2.sub(one, expF64x2(f64x2.mul(f64x2.splat(-2.0), zm1)))),
      f64x2.sub(one, expF64x2(f64x2.mul(f64x2.splat(-2.0), zm))));
    const small = f64x2.lt(zm, f64x2.splat(1e-9));
    v128.store(out + o, f64x2.sub(one, v128.bitselect(twapRatio, ratio, small)));
  }
}
