// assembly/policy/adaptive-ac.ts against its twin: without risk aversion adaptive Almgren-Chriss is TWAP.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { adaptiveAcPolicy, envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';

const COLUMN_LEFT = 5,
  COLUMN_MAXP = 7;

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: at lambda = 0 every path trades X / N a step (TWAP) and ends flat, bit-identical to the twin`, () => {
    const spec = envSpec(model, id, 1, precision); // X / N = 2609 shares, under the cap of 0.6 x 5000
    const out = runContract(name, (be) => rollout(be, spec, adaptiveAcPolicy(model, 0), RAGGED_PATHS));
    // the largest participation is X / N over the smallest step volume (the first)
    const twapMaxp = spec.shares / spec.steps / spec.stepVolume[0]!;
    for (let p = 0; p < RAGGED_PATHS; p++) {
      assert.ok(
        Math.abs(out[COLUMN_LEFT * RAGGED_PATHS + p]!) <= 1e-9 * spec.shares,
        `path ${p} left ${out[COLUMN_LEFT * RAGGED_PATHS + p]}`,
      );
      assert.ok(
        Math.abs(out[COLUMN_MAXP * RAGGED_PATHS + p]! / twapMaxp - 1) <= 1e-12,
        `path ${p} max participation ${out[COLUMN_MAXP * RAGGED_PATHS + p]}`,
      );
    }
  });
}

test.run();
