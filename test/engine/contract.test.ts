// One contract suite for every kernel: the wasm engine must equal the plain-TS twin bit for bit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allBackends, firstBitDifference } from '../support/backends.js';
import { modelParamBlock, type PriceModel } from '../../src/engine/model-params.js';
import { MODEL_HESTON_EULER, MODEL_HESTON_QE, MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';
import { seedWords } from '../../src/engine/seed.js';
import type { KernelBackend } from '../../src/engine/backend.js';
import { POLICY_SCHEDULE, POLICY_ADAPTIVE_AC, POLICY_MLP, AC, OBJECTIVE_COST, OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD, ROLLOUT_COLUMNS } from '../../src/engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64 } from '../../src/engine/mlp-layout.js';
import type { EnvSpec } from '../../src/engine/env-spec.js';
import { powerLawKernel } from '../../src/market/transient-kernel.js';
import { exp } from '../../src/math/exp.js';

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

  test(`${schemeName} sampled price paths are bit-identical and end where the terminal kernel ends`, () => {
    const params = modelParamBlock(model, 1 / 252), steps = 70, n = 11;
    const [a, b] = run((be) => { const out = new Float64Array(n * (steps + 1)); be.samplePaths(scheme, params, SEED, 5, n, steps, out); return out; });
    assertSameBits(a, b, 'prices');
    const terminal = new Float64Array(n);
    wasm.terminalValues(scheme, params, SEED, 5, n, steps, terminal);
    for (let i = 0; i < n; i++) {
      const last = a[i * (steps + 1) + steps]!;
      assert.ok(Object.is(last, model.kind === 'abm' ? terminal[i] : exp(terminal[i]!)), `path ${i}`);
      // S_0 = exp(log s0): the state is the log price, whose rounding (half an ulp of ln s0, ~4.4e-16 absolute at s0 = 100)
      // becomes the same relative error in S_0: exp's conditioning, not its accuracy
      assert.ok(Math.abs(a[i * (steps + 1)]! / model.s0 - 1) <= 1e-15, `S_0 ${a[i * (steps + 1)]}`);
    }
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


// Closed-loop environment: every model, both policies, a concave temporary part, a power-law kernel, a cap that binds.

function envSpec(model: PriceModel, modelId: number, side: 1 | -1): EnvSpec {
  const steps = 23, kernel = powerLawKernel(0.5, 1, steps, 4);
  const stepVolume = Float64Array.from({ length: steps }, (_, k) => 5000 + 300 * k);
  return {
    modelId, params: modelParamBlock(model, 1 / (252 * 390)), steps, shares: 60_000, s0: model.s0, side,
    permanentLog: model.kind === 'abm' ? 0 : 2e-7, permanentAdd: model.kind === 'abm' ? 1e-6 : 0,
    temporaryBeta: 0.6, transientBeta: 0.8, kernelWeights: kernel.weights, kernelDecays: kernel.decays,
    participationCap: 0.6, seed: SEED, temporaryScale: stepVolume.map((v) => 0.01 * model.s0 / v ** 0.6),
    spread: new Float64Array(steps).fill(0.01), transientScale: stepVolume.map((v) => 0.002 * model.s0 / v ** 0.8),
    stepVolume, obsPriceScale: 12.5, obsVarianceScale: model.kind === 'heston' ? 25 : 0, obsTransientScale: 0.3,
    meanVolume: 8000, objective: OBJECTIVE_COST, riskCoef: 0, alpha: 0, modelVariance: 0.09, forceLiquidation: false, penaltyPerShare: 0,
  };
}

/** A network with reproducible pseudo-random weights (hidden 16, 8), inputs normalised around plausible values. */
function randomMlp(seed: number): Float32Array {
  let state = seed;
  const rand = () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 4294967296 - 0.5; };
  const arr = (n: number, scale: number) => Float32Array.from({ length: n }, () => rand() * scale);
  return mlpBlock({ actionScale: seed % 2 ? 4 : 0, inputs: 6, hidden: [16, 8], obsMean: [0.5, 0.5, 1, 0, 1, 0], obsStd: [0.3, 0.3, 0.5, 1, 0.5, 1],
    w1: arr(96, 1), b1: arr(16, 0.2), w2: arr(128, 0.7), b2: arr(8, 0.2), w3: arr(8, 1), b3: [-1] });
}

for (const [name, id, model] of MODELS) {
  for (const side of [1, -1] as const) {
    test(`${name} closed-loop rollouts (schedule and adaptive AC, ${side > 0 ? 'sell' : 'buy'}) are bit-identical`, () => {
      const spec = envSpec(model, id, side);
      const schedule = { kind: POLICY_SCHEDULE, params: Float64Array.from({ length: spec.steps }, (_, k) => 1000 + 200 * (k % 5)) };
      const acParams = new Float64Array(AC.LENGTH);
      acParams[AC.LAMBDA] = 1e-5; acParams[AC.ETA_TILDE] = 1e-4; acParams[AC.TAU_DAYS] = 1 / 390;
      acParams[AC.USE_STATE_VARIANCE] = model.kind === 'heston' ? 1 : 0; acParams[AC.VARIANCE_YEAR] = 0.09;
      const mlp = { kind: POLICY_MLP, params: mlpBlockAsF64(randomMlp(7)) };
      const plainMlp = { kind: POLICY_MLP, params: mlpBlockAsF64(randomMlp(8)) };
      const objectives: Array<Partial<EnvSpec>> = [{}, { objective: OBJECTIVE_MEAN_VARIANCE, riskCoef: 1e-9 },
        { objective: OBJECTIVE_OPD, alpha: 3, forceLiquidation: true, penaltyPerShare: 0.05, participationCap: 0.1 }];
      for (const [policy, extra] of [[schedule, objectives[0]], [{ kind: POLICY_ADAPTIVE_AC, params: acParams }, objectives[1]], [mlp, objectives[2]],
        [plainMlp, objectives[1]]] as const) {
        const s2 = { ...spec, ...extra };
        const [a, b] = run((be) => { const out = new Float64Array(ROLLOUT_COLUMNS * 13); be.closedLoopRollout(s2, 77, 13, policy, out, 13); return out; });
        assertSameBits(a, b, `${name} policy ${policy.kind}`);
        assert.ok(a.every(Number.isFinite));
      }
    });
  }
}

test.run();
