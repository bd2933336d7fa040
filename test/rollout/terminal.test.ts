// assembly/rollout/terminal.ts against its twin: terminal states of every price model, bit for bit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { MODELS, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';

for (const [name, id, model, precision] of MODELS) {
  test(`${name} terminal states are bit-identical, with a ragged path count and block tail`, () => {
    const params = modelParamBlock(model, 1 / 252, precision);
    const out = runContract('x_T', (be) => {
      const out = new Float64Array(37);
      be.terminalValues(id, params, SEED, 1234, 37, 131, out);
      return out;
    });
    assert.ok(out.every(Number.isFinite));
  });
}

test.run();
