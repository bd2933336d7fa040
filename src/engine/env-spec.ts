// Everything a batched execution environment needs, as plain data; each backend lays it out its own way.
import type { Seed } from './seed.js';
import { FEATURE } from './env-layout.js';

export interface EnvSpec {
  modelId: number;
  params: Float64Array;
  steps: number;
  shares: number;
  s0: number;
  side: 1 | -1;
  permanentLog: number;
  permanentAdd: number;
  temporaryBeta: number;
  transientBeta: number;
  /** G(0) / (1 + transientBeta): the share of its own impulse a trade pays (Gatheral-Schied-Slynko); 0 or absent: none. */
  transientSelf?: number;
  kernelWeights: Float64Array;
  kernelDecays: Float64Array;
  participationCap: number;
  seed: Seed;
  temporaryScale: Float64Array;
  spread: Float64Array;
  transientScale: Float64Array;
  stepVolume: Float64Array;
  /** Observation scales (see envObserve). */
  obsPriceScale: number;
  obsVarianceScale: number;
  obsTransientScale: number;
  meanVolume: number;
  /** OBJECTIVE_* and its coefficients: riskCoef = lambda tau / 252, alpha for OPD. */
  objective: number;
  riskCoef: number;
  alpha: number;
  /** GBM sigma^2, ABM sigma^2 (currency^2 per year): the price variance of the mean-variance term. */
  modelVariance: number;
  /** Training: the last step sells what is left (cap lifted), penalty per share above the cap. */
  forceLiquidation: boolean;
  penaltyPerShare: number;
  /**
   * Impact at the path's volatility: 1 / sqrt(v0) under Heston, 1 for the Brownian models; 0 or absent: impact at the
   * arrival volatility (see assembly/rollout/execution-env.ts).
   */
  impactVolScale?: number;
  /** The volatility multiplier s_k of each step (intraday seasonality); absent: 1 at every step. */
  season?: Float64Array;
  /** Stochastic volume: log-noise sigma_V (0 or absent: deterministic), AR(1) persistence, variance elasticity a. */
  volumeNoise?: number;
  volumePersistence?: number;
  volumeElasticity?: number;
  /** The transient impulse is measured against the step's volume (so it follows the volume's noise). */
  transientByVolume?: boolean;
}

export interface PolicyRef {
  /**
   * POLICY_SCHEDULE (qty per step), POLICY_ADAPTIVE_AC (AC slots), POLICY_MLP (f32 network block as f64s) or
   * POLICY_POV ([rate] of the market's realised volume).
   */
  kind: number;
  params: Float64Array;
}

/**
 * Bit i set when observation feature i holds one value on every path at a step (assembly's stepConstantFeatures):
 * time left always, volume level when volume is deterministic, variance under the Brownian models, the transient state without components.
 */
export function stepConstantFeatures(spec: EnvSpec): number {
  return (
    FEATURE.TIME_LEFT |
    (spec.volumeNoise ? 0 : FEATURE.VOLUME_LEVEL) |
    (spec.obsVarianceScale > 0 ? 0 : FEATURE.VARIANCE) |
    (spec.kernelWeights.length === 0 ? FEATURE.TRANSIENT : 0)
  );
}
