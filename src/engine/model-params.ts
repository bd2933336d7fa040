// The per-run parameter block both backends read: every derived constant of a price model computed once, here.
import { exp } from '../math/exp.js';
import { log } from '../math/log.js';
import * as L from './layout.js';

/**
 * Heston dynamics dS/S = mu dt + sqrt(v) dW1, dv = kappa (theta - v) dt + xi sqrt(v) dW2, d<W1, W2> = rho dt.
 * Symbols as in Heston (1993) with xi the volatility of variance (Heston's sigma). Rates per year.
 */
export interface HestonDynamics {
  s0: number;
  v0: number;
  kappa: number;
  theta: number;
  xi: number;
  rho: number;
  mu: number;
}

/** A price model with its time unit fixed to years (the market layer converts from days or minutes). */
export type PriceModel =
  | ({ kind: 'heston'; scheme: 'euler' | 'qe' } & HestonDynamics)
  /** dS/S = mu dt + sigma dW: sigma, mu per year. */
  | { kind: 'gbm'; s0: number; sigma: number; mu: number }
  /** dS = mu dt + sigma dW (Bachelier; the Almgren-Chriss world): sigma in currency per sqrt(year), mu in currency per year. */
  | { kind: 'abm'; s0: number; sigma: number; mu: number };

export function modelId(m: PriceModel): number {
  if (m.kind === 'heston') return m.scheme === 'qe' ? L.MODEL_HESTON_QE : L.MODEL_HESTON_EULER;
  return m.kind === 'gbm' ? L.MODEL_GBM : L.MODEL_ABM;
}

/**
 * The normals' precision: f64 (the default, exact Box-Muller of 32-bit uniforms) or f32 (four lanes at a time, about
 * 1e-7 relative, |z| <= 5.768: assembly/rng/normal-f32.ts). The model's recursion and every sum stay f64 either way.
 */
export type NormalPrecision = 'f64' | 'f32';

/** Whether the model's state is the log price (so permanent impact is a price factor) rather than the price. */
export function isLogModel(m: PriceModel): boolean {
  return m.kind !== 'abm';
}

/** Volatility of returns at the start, per sqrt(year): sqrt(v0), sigma, or sigma / s0 for ABM. */
export function initialVolatility(m: PriceModel): number {
  if (m.kind === 'heston') return Math.sqrt(m.v0);
  return m.kind === 'gbm' ? m.sigma : m.sigma / m.s0;
}

/**
 * Parameter block for a model and step length dtYears. The engine's own exp and log (not Math.*) keep it
 * bit-identical on every JavaScript engine. QE constants: Andersen (2008) eq. 33 with gamma1 = gamma2 = 1/2.
 */
export function modelParamBlock(m: PriceModel, dtYears: number, precision: NormalPrecision = 'f64'): Float64Array {
  const p = new Float64Array(L.MODEL_PARAMS_LENGTH);
  const dt = dtYears;
  p[L.P_NORMALS_F32] = precision === 'f32' ? 1 : 0;
  p[L.P_X0] = m.kind === 'abm' ? m.s0 : log(m.s0);
  p[L.P_MU_DT] = m.mu * dt;
  if (m.kind !== 'heston') {
    p[L.P_DRIFT_DT] = m.kind === 'gbm' ? (m.mu - 0.5 * m.sigma * m.sigma) * dt : m.mu * dt;
    p[L.P_VOL_SQRT_DT] = m.sigma * Math.sqrt(dt);
    return p;
  }
  p[L.P_V0] = m.v0;
  p[L.P_DT] = dt;
  p[L.P_HALF_DT] = 0.5 * dt;
  p[L.P_KAPPA_THETA_DT] = m.kappa * m.theta * dt;
  p[L.P_KAPPA_DT] = m.kappa * dt;
  p[L.P_XI] = m.xi;
  p[L.P_RHO] = m.rho;
  p[L.P_RHO_BAR] = Math.sqrt(1.0 - m.rho * m.rho);
  const e = exp(-m.kappa * dt);
  p[L.P_THETA] = m.theta;
  p[L.P_E] = e;
  p[L.P_S2_V] = (m.xi * m.xi * e * (1.0 - e)) / m.kappa;
  p[L.P_S2_0] = (m.theta * m.xi * m.xi * (1.0 - e) * (1.0 - e)) / (2.0 * m.kappa);
  // xi = 0 leaves the QE constants undefined; Euler never reads them (validation requires xi > 0 for QE)
  const rhoOverXi = m.xi > 0 ? m.rho / m.xi : 0.0;
  const k = 0.5 * dt * (m.kappa * rhoOverXi - 0.5);
  p[L.P_K0] = -rhoOverXi * m.kappa * m.theta * dt;
  p[L.P_K1] = k - rhoOverXi;
  p[L.P_K2] = k + rhoOverXi;
  p[L.P_K3] = 0.5 * dt * (1.0 - m.rho * m.rho);
  p[L.P_K4] = p[L.P_K3]!;
  p[L.P_A] = p[L.P_K2]! + 0.5 * p[L.P_K4]!;
  p[L.P_K1_HALF_K3] = p[L.P_K1]! + 0.5 * p[L.P_K3]!;
  p[L.P_PSI_C] = 1.5;
  return p;
}
