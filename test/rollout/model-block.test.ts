// assembly/rollout/model-block.ts against its twin (src/reference/rollout/model-block.ts): the draws and the
// recursion of every model across the 64-step block boundary, where a block's draws end and the next block's begin.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';

for (const [name, id, model, precision] of MODELS) {
  test(`${name} terminal states after 1, 63, 64, 65 and 129 steps are bit-identical, and each step count gives other states`, () => {
    const params = modelParamBlock(model, 1 / (252 * 390), precision);
    const seen: number[] = [];
    for (const steps of [1, 63, 64, 65, 129]) {
      const out = runContract(`${steps} steps`, (be) => {
        const out = new Float64Array(9);
        be.terminalValues(id, params, SEED, 3, 9, steps, out);
        return out;
      });
      assert.ok(!seen.includes(out[0]!), `${steps} steps moved the state`);
      seen.push(out[0]!);
    }
  });
}

test.run();
