// The price models and seed the kernel tests share: both Heston schemes, GBM and ABM.
import type { NormalPrecision, PriceModel } from '../../src/engine/model-params.js';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';
import { seedWords } from '../../src/engine/seed.js';

export const HESTON = { s0: 100, v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.6, rho: -0.7, mu: 0.0 };
export const heston = (scheme: 'euler' | 'qe', over: Partial<typeof HESTON> = {}): PriceModel => ({
  kind: 'heston',
  scheme,
  ...HESTON,
  ...over,
});
export const SEED = seedWords(20240601);

/**
 * [name, MODEL_* id, model, normals' precision] for every price model, and the f32 normals under a Heston scheme (two
 * normals a step) and a Brownian model (one).
 */
export const MODELS: Array<[string, number, PriceModel, NormalPrecision]> = [
  ['Heston Euler', MODEL_HESTON_EULER, heston('euler'), 'f64'],
  ['Heston QE', MODEL_HESTON_QE, heston('qe'), 'f64'],
  ['GBM', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0.3, mu: 0.05 }, 'f64'],
  ['ABM', MODEL_ABM, { kind: 'abm', s0: 50, sigma: 15, mu: 0 }, 'f64'],
  ['Heston QE with f32 normals', MODEL_HESTON_QE, heston('qe'), 'f32'],
  ['GBM with f32 normals', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0.3, mu: 0.05 }, 'f32'],
];
