// Everything a batched execution environment needs, as plain data; each backend lays it out its own way.
import type { Seed } from './backend.js';

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
  kernelWeights: Float64Array;
  kernelDecays: Float64Array;
  participationCap: number;
  seed: Seed;
  temporaryScale: Float64Array;
  spread: Float64Array;
  transientScale: Float64Array;
  stepVolume: Float64Array;
  /** Observation scales (issue 6): initial volatility per sqrt(year), a reference variance, step in years. */
  sigma0: number;
  varianceRef: number;
  dtYears: number;
}

export interface PolicyRef {
  /** POLICY_SCHEDULE (params: qty per step) or POLICY_ADAPTIVE_AC (params: AC slots). */
  kind: number;
  params: Float64Array;
}
