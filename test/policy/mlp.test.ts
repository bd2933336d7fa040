// assembly/policy/mlp.ts as a closed-loop policy against its twin (test/learn/mlp.test.ts compares the forward
// pass with tfjs): a network whose output is 0 trades at TWAP's rate, to f32 rounding.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import { envSpec, rollout, RAGGED_PATHS } from '../support/env-cases.js';
import { mlpBlock, mlpBlockAsF64 } from '../../src/engine/mlp-layout.js';
import { POLICY_MLP } from '../../src/engine/env-layout.js';

const COLUMN_MAXP = 7;
const zeros = (n: number) => new Float32Array(n);
/** mu = 0 on every input; with an action scale A the fraction is A sigmoid(-ln(A - 1)) / m = 1 / m: TWAP. */
const flat = mlpBlockAsF64(
  mlpBlock({
    actionScale: 4,
    inputs: 6,
    hidden: [8, 4],
    obsMean: [0, 0, 0, 0, 0, 0],
    obsStd: [1, 1, 1, 1, 1, 1],
    w1: zeros(48),
    b1: zeros(8),
    w2: zeros(32),
    b2: zeros(4),
    w3: zeros(4),
    b3: [0],
  }),
);

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: a network that outputs 0 trades X / N a step to f32 rounding, bit-identical to the twin`, () => {
    const spec = envSpec(model, id, -1, precision);
    const out = runContract(name, (be) => rollout(be, spec, { kind: POLICY_MLP, params: flat }, RAGGED_PATHS));
    const twapMaxp = spec.shares / spec.steps / spec.stepVolume[0]!;
    for (let p = 0; p < RAGGED_PATHS; p++) {
      // sigmoid in f32: a relative error of a few 2^-24 in each step's fraction
      assert.ok(
        Math.abs(out[COLUMN_MAXP * RAGGED_PATHS + p]! / twapMaxp - 1) <= 1e-6,
        `path ${p} max participation ${out[COLUMN_MAXP * RAGGED_PATHS + p]}`,
      );
    }
  });
}

test.run();
