// assembly/impact/permanent.ts against its twin and against the closed form in a market that does not move: a
// sale of n_k after cum_k shares pays n_k s0 (1 - exp(-permLog cum_k)) (log models) or n_k permAdd cum_k (ABM).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { modelParamBlock, type PriceModel } from '../../src/engine/model-params.js';
import { MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';

const COLUMN_PERMANENT = 1;
const QUIET: Array<[string, number, PriceModel]> = [
  ['GBM', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0, mu: 0 }],
  ['ABM', MODEL_ABM, { kind: 'abm', s0: 50, sigma: 0, mu: 0 }],
];

for (const [name, id, model] of QUIET) {
  test(`${name} without volatility: the permanent cost of a schedule is the closed form, bit-identical to the twin`, () => {
    const base = envSpec(model, id, 1);
    const spec = { ...base, params: modelParamBlock(model, 1 / (252 * 390)), participationCap: 1e9 };
    const qty = Float64Array.from({ length: spec.steps }, (_, k) => 1000 + 250 * (k % 3));
    const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
    let cum = 0,
      exact = 0;
    for (const n of qty) {
      exact +=
        model.kind === 'abm' ? n * spec.permanentAdd * cum : n * model.s0 * (1 - Math.exp(-spec.permanentLog * cum));
      cum += n;
    }
    assert.ok(exact > 0);
    for (let p = 0; p < RAGGED_PATHS; p++) {
      // 1 - exp(-c) for c up to 6e-3 loses up to three digits to cancellation (the engine's exp against Math.exp)
      assert.ok(
        Math.abs(out[COLUMN_PERMANENT * RAGGED_PATHS + p]! / exact - 1) <= 1e-11,
        `path ${p}: ${out[COLUMN_PERMANENT * RAGGED_PATHS + p]} vs ${exact}`,
      );
    }
  });
}

test.run();
