// assembly/impact/transient.ts against its twin and against the propagator's exact double sum: with one exponential
// component (Obizhaeva-Wang, G(t) = d^t) the trade at step i pays
//   n_i (sum_{j<i} G(i - j) I_j + c I_i),  I_j = transScale_j n_j^betaT,  c = G(0) / (1 + betaT)
// (the self-impact term: 1/2 G(0) n^2 for linear impact, Gatheral, Schied and Slynko 2012).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';

const COLUMN_TRANSIENT = 3;

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: the transient cost of a schedule with one exponential component is the recursion's, bit-identical to the twin`, () => {
    const decay = Math.exp(-Math.LN2 / 3); // a half-life of 3 steps
    const spec = {
      ...envSpec(model, id, -1, precision),
      participationCap: 1e9,
      kernelWeights: Float64Array.of(1),
      kernelDecays: Float64Array.of(decay),
    };
    const qty = Float64Array.from({ length: spec.steps }, (_, k) => 1000 + 250 * (k % 3));
    const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
    const impulse = (j: number) => spec.transientScale[j]! * qty[j]! ** spec.transientBeta;
    let exact = 0;
    for (let i = 0; i < spec.steps; i++) {
      let d = 0;
      for (let j = 0; j < i; j++) d += decay ** (i - j) * impulse(j);
      exact += qty[i]! * (d + spec.transientSelf! * impulse(i));
    }
    assert.ok(spec.transientSelf! > 0);
    for (let p = 0; p < RAGGED_PATHS; p++) {
      assert.ok(
        Math.abs(out[COLUMN_TRANSIENT * RAGGED_PATHS + p]! / exact - 1) <= 1e-12,
        `path ${p}: ${out[COLUMN_TRANSIENT * RAGGED_PATHS + p]} vs ${exact}`,
      );
    }
  });
}

test('a single block pays exactly its own share of its impulse, c transScale n^(1 + betaT), and nothing without it', () => {
  const [, id, model] = MODELS[2]!;
  const base = { ...envSpec(model, id, 1), participationCap: 1e9 };
  const qty = Float64Array.from({ length: base.steps }, (_, k) => (k === 0 ? 5000 : 0));
  for (const self of [0, base.transientSelf!]) {
    const spec = { ...base, transientSelf: self };
    const out = runContract(`self ${self}`, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, 16));
    const exact = self * spec.transientScale[0]! * 5000 ** (1 + spec.transientBeta);
    for (let p = 0; p < 16; p++)
      assert.ok(
        Math.abs(out[COLUMN_TRANSIENT * 16 + p]! - exact) <= 1e-12 * Math.max(exact, 1),
        `${out[COLUMN_TRANSIENT * 16 + p]} vs ${exact}`,
      );
  }
});

test('the power-law kernel (several components) is bit-identical to the twin and costs more than no transient impact', () => {
  const [, id, model] = MODELS[0]!;
  const spec = envSpec(model, id, 1);
  const qty = Float64Array.from({ length: spec.steps }, () => 2000);
  const out = runContract('power law', (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
  assert.ok(spec.kernelWeights.length > 1);
  assert.ok(out.subarray(COLUMN_TRANSIENT * RAGGED_PATHS, (COLUMN_TRANSIENT + 1) * RAGGED_PATHS).every((x) => x > 0));
});

test.run();
