// assembly/policy/schedule.ts against its twin: a static schedule run as a closed-loop policy trades its quantities.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { POLICY_SCHEDULE } from '../../src/engine/env-layout.js';

const COLUMN_LEFT = 5,
  COLUMN_EXECUTED = 6;

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: with the cap out of reach every path executes the schedule's total, to rounding, bit-identical to the twin`, () => {
    const spec = { ...envSpec(model, id, 1, precision), participationCap: 1e9 };
    const qty = Float64Array.from({ length: spec.steps }, (_, k) => 900 + 150 * (k % 4));
    const total = qty.reduce((s, x) => s + x, 0);
    const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
    for (let p = 0; p < RAGGED_PATHS; p++) {
      // qty_k / q is rounded once, then multiplied back by q: about an ulp per step
      assert.ok(
        Math.abs(out[COLUMN_EXECUTED * RAGGED_PATHS + p]! - total) <= 1e-12 * total,
        `path ${p}: ${out[COLUMN_EXECUTED * RAGGED_PATHS + p]} of ${total}`,
      );
    }
  });
}

test('a schedule that asks for more than is left trades what is left (the fraction is clamped to 1)', () => {
  const [, id, model] = MODELS[2]!;
  const spec = { ...envSpec(model, id, -1), participationCap: 1e9 };
  const qty = new Float64Array(spec.steps).fill(2 * spec.shares);
  const out = runContract('clamped', (be) => rollout(be, spec, { kind: POLICY_SCHEDULE, params: qty }, RAGGED_PATHS));
  for (let p = 0; p < RAGGED_PATHS; p++) {
    assert.is(out[COLUMN_LEFT * RAGGED_PATHS + p], 0);
    assert.is(out[COLUMN_EXECUTED * RAGGED_PATHS + p], spec.shares);
  }
});

test.run();
