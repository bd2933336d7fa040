// The per-run Heston parameter block both backends read: every derived constant computed once, here, in one order.
import { exp } from '../reference/math/exp.js';
import { log } from '../reference/math/log.js';
import * as L from './layout.js';

/**
 * Heston dynamics dS/S = mu dt + sqrt(v) dW1, dv = kappa (theta - v) dt + xi sqrt(v) dW2, d<W1, W2> = rho dt.
 * Symbols as in Heston (1993) with xi the volatility of variance (Heston's sigma).
 */
export interface HestonDynamics {
  s0: number; v0: number; kappa: number; theta: number; xi: number; rho: number; mu: number;
}

/**
 * Parameter block for a scheme and step length dtYears. The engine's own exp and log (not Math.*) keep it
 * bit-identical on every JavaScript engine. QE constants: Andersen (2008) eq. 33 with gamma1 = gamma2 = 1/2.
 */
export function hestonParamBlock(h: HestonDynamics, dtYears: number): Float64Array {
  const p = new Float64Array(L.HESTON_PARAMS_LENGTH);
  const dt = dtYears;
  p[L.P_X0] = log(h.s0);
  p[L.P_V0] = h.v0;
  p[L.P_MU_DT] = h.mu * dt;
  p[L.P_DT] = dt;
  p[L.P_HALF_DT] = 0.5 * dt;
  p[L.P_KAPPA_THETA_DT] = h.kappa * h.theta * dt;
  p[L.P_KAPPA_DT] = h.kappa * dt;
  p[L.P_XI] = h.xi;
  p[L.P_RHO] = h.rho;
  p[L.P_RHO_BAR] = Math.sqrt(1.0 - h.rho * h.rho);
  const e = exp(-h.kappa * dt);
  p[L.P_THETA] = h.theta;
  p[L.P_E] = e;
  p[L.P_S2_V] = h.xi * h.xi * e * (1.0 - e) / h.kappa;
  p[L.P_S2_0] = h.theta * h.xi * h.xi * (1.0 - e) * (1.0 - e) / (2.0 * h.kappa);
  // xi = 0 leaves the QE constants undefined; the Euler scheme never reads them (validation requires xi > 0 for QE)
  const rhoOverXi = h.xi > 0 ? h.rho / h.xi : 0.0;
  const k = 0.5 * dt * (h.kappa * rhoOverXi - 0.5);
  p[L.P_K0] = -rhoOverXi * h.kappa * h.theta * dt;
  p[L.P_K1] = k - rhoOverXi;
  p[L.P_K2] = k + rhoOverXi;
  p[L.P_K3] = 0.5 * dt * (1.0 - h.rho * h.rho);
  p[L.P_K4] = p[L.P_K3]!;
  p[L.P_A] = p[L.P_K2]! + 0.5 * p[L.P_K4]!;
  p[L.P_K1_HALF_K3] = p[L.P_K1]! + 0.5 * p[L.P_K3]!;
  p[L.P_PSI_C] = 1.5;
  return p;
}
