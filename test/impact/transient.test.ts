// assembly/impact/transient.ts against its twin and against the propagator recursion: with one exponential
// component (Obizhaeva-Wang) the trade at step k pays n_k D_k, D_{k+1} = (D_k + transScale_k n_k^betaT) d.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';

const COLUMN_TRANSIENT = 3;

for (const [name, id, model] of MODELS) {
  test(`${name}: the transient cost of a schedule with one exponential component is the recursion's, bit-identical to the twin`, () => {
    const decay = Math.exp(-Math.LN2 / 3); // a half-life of 3 steps
    const spec = { ...envSpec(model, id, -1), participationCap: 1e9, kernelWeights: Float64Array.of(1), kernelDecays: Float64Array.of(decay) };
    const qty = Float64Array.from({ length: spec.steps }, (_, k) => 1000 + 250 * (k % 3));
    const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
    let d = 0, exact = 0;
    qty.forEach((n, k) => { exact += n * d; d = (d + spec.transientScale[k]! * n ** spec.transientBeta) * decay; });
    for (let p = 0; p < RAGGED_PATHS; p++) {
      assert.ok(Math.abs(out[COLUMN_TRANSIENT * RAGGED_PATHS + p]! / exact - 1) <= 1e-12, `path ${p}: ${out[COLUMN_TRANSIENT * RAGGED_PATHS + p]} vs ${exact}`);
    }
  });
}

test('the power-law kernel (several components) is bit-identical to the twin and costs more than no transient impact', () => {
  const [, id, model] = MODELS[0]!;
  const spec = envSpec(model, id, 1);
  const qty = Float64Array.from({ length: spec.steps }, () => 2000);
  const out = runContract('power law', (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
  assert.ok(spec.kernelWeights.length > 1);
  assert.ok(out.subarray(COLUMN_TRANSIENT * RAGGED_PATHS, (COLUMN_TRANSIENT + 1) * RAGGED_PATHS).every((x) => x > 0));
});

test.run();
