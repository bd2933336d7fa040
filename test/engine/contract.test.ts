// One contract suite for every kernel: the wasm engine must equal the plain-TS twin bit for bit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allBackends, firstBitDifference } from '../support/backends.js';
import { modelParamBlock, type PriceModel } from '../../src/engine/model-params.js';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';
import { seedWords, type KernelBackend } from '../../src/engine/backend.js';

const [wasm, reference] = (await allBackends()) as [KernelBackend, KernelBackend];
const HESTON = { s0: 100, v0: 0.04, kappa: 1.5, theta: 0.04, xi: 0.6, rho: -0.7, mu: 0.0 };
const heston = (scheme: 'euler' | 'qe', over: Partial<typeof HESTON> = {}): PriceModel => ({ kind: 'heston', scheme, ...HESTON, ...over });
const SEED = seedWords(20240601);

function run(f: (b: KernelBackend) => Float64Array): [Float64Array, Float64Array] {
  return [f(wasm), f(reference)];
}

function assertSameBits(a: Float64Array, b: Float64Array, what: string): void {
  const i = firstBitDifference(a, b);
  assert.is(i, -1, `${what}: first difference at ${i}: wasm ${a[i]} reference ${b[i]}`);
}

const MODELS: Array<[string, number, PriceModel]> = [
  ['Heston Euler', MODEL_HESTON_EULER, heston('euler')],
  ['Heston QE', MODEL_HESTON_QE, heston('qe')],
  ['GBM', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0.3, mu: 0.05 }],
  ['ABM', MODEL_ABM, { kind: 'abm', s0: 50, sigma: 15, mu: 0 }],
];

for (const [schemeName, scheme, model] of MODELS) {
  test(`${schemeName} terminal states are bit-identical, with a ragged path count and block tail`, () => {
    const params = modelParamBlock(model, 1 / 252);
    const [a, b] = run((be) => { const out = new Float64Array(37); be.terminalValues(scheme, params, SEED, 1234, 37, 131, out); return out; });
    assertSameBits(a, b, 'x_T');
    assert.ok(a.every(Number.isFinite));
  });

  test(`${schemeName} static execution sums and terminal prices are bit-identical for three strategies`, () => {
    const steps = 70, n = 21, strategies = 3, stride = 24;
    const params = modelParamBlock(model, 1 / (252 * 390));
    const qty = new Float64Array(strategies * steps).map((_, i) => 1000 + (i % 17) * 13.5);
    const weight = qty.map((q, i) => q * (1 - i * 1e-6));
    const [a, b] = run((be) => {
      const out = new Float64Array((2 * strategies + 1) * stride);
      be.staticExecution(scheme, params, SEED, 999, n, steps, strategies, qty, weight, out, stride);
      return out;
    });
    assertSameBits(a, b, 'A, B');
  });
}

test('QE at a positive correlation, where the martingale correction can be undefined, stays bit-identical and finite', () => {
  const params = modelParamBlock(heston('qe', { rho: 0.9, xi: 1.0, v0: 0.09 }), 1 / 12);
  const [a, b] = run((be) => { const out = new Float64Array(64); be.terminalValues(MODEL_HESTON_QE, params, SEED, 0, 64, 24, out); return out; });
  assertSameBits(a, b, 'x_T');
  assert.ok(a.every(Number.isFinite));
});

test('statistics records are bit-identical, co-moments and histograms included', () => {
  const n = 333, stride = 336, nCols = 3, nPaired = 2, bins = 16;
  const values = new Float64Array(nCols * stride).map((_, i) => Math.sin(i * 0.37) * 10 + (i % 7));
  const hist = new Float64Array([-12, bins / 24, -12, bins / 24]);
  const [a, b] = run((be) => {
    const record = new Float64Array(1 + 4 * nCols + 1 + nPaired * (bins + 2));
    be.momentsReduce(values, n, stride, nCols, nPaired, hist, bins, record);
    return record;
  });
  assertSameBits(a, b, 'record');
});

test.run();
