// The price models and seed the kernel tests share: both Heston schemes, GBM and ABM.
import type { PriceModel } from '../../src/engine/model-params.js';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';
import { seedWords } from '../../src/engine/seed.js';

export const HESTON = { s0: 100, v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.6, rho: -0.7, mu: 0.0 };
export const heston = (scheme: 'euler' | 'qe', over: Partial<typeof HESTON> = {}): PriceModel => ({ kind: 'heston', scheme, ...HESTON, ...over });
export const SEED = seedWords(20240601);

/** [name, MODEL_* id, model] for every price model. */
export const MODELS: Array<[string, number, PriceModel]> = [
  ['Heston Euler', MODEL_HESTON_EULER, heston('euler')],
  ['Heston QE', MODEL_HESTON_QE, heston('qe')],
  ['GBM', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0.3, mu: 0.05 }],
  ['ABM', MODEL_ABM, { kind: 'abm', s0: 50, sigma: 15, mu: 0 }],
];
