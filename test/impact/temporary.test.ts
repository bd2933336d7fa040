// assembly/impact/temporary.ts against its twin and against the closed form: a schedule of quantities n_k pays
// sum_k tempScale_k n_k^(1 + beta) of temporary impact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';

const COLUMN_TEMPORARY = 2;

for (const beta of [1, 0.6]) {
  for (const [name, id, model, precision] of MODELS) {
    test(`${name}, beta ${beta}: the temporary cost of a schedule is sum tempScale_k n_k^(1 + beta), bit-identical to the twin`, () => {
      const spec = { ...envSpec(model, id, 1, precision), participationCap: 1e9, temporaryBeta: beta };
      const qty = Float64Array.from({ length: spec.steps }, (_, k) => 1000 + 250 * (k % 3));
      const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
      const exact = qty.reduce((s, n, k) => s + spec.temporaryScale[k]! * n ** (1 + beta), 0);
      for (let p = 0; p < RAGGED_PATHS; p++) {
        // n_k = (qty_k / q) q is qty_k to an ulp or two; the engine's pow is accurate to a few ulp
        assert.ok(
          Math.abs(out[COLUMN_TEMPORARY * RAGGED_PATHS + p]! / exact - 1) <= 1e-12,
          `path ${p}: ${out[COLUMN_TEMPORARY * RAGGED_PATHS + p]} vs ${exact}`,
        );
      }
    });
  }
}

test.run();
