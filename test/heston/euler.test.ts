// assembly/heston/euler.ts against its twin: full-truncation Euler, also where the variance goes negative.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { heston, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';
import { MODEL_HESTON_EULER } from '../../src/engine/layout.js';

test('Euler at a vol of vol that drives the variance below zero (full truncation at work) stays bit-identical and finite', () => {
  // Feller 2 kappa theta = 0.02 << xi^2 = 4: the discretised variance often crosses zero
  const params = modelParamBlock(heston('euler', { xi: 2, kappa: 0.25, v0: 0.01 }), 1 / 52);
  const out = runContract('x_T', (be) => {
    const out = new Float64Array(50);
    be.terminalValues(MODEL_HESTON_EULER, params, SEED, 11, 50, 52, out);
    return out;
  });
  assert.ok(out.every(Number.isFinite));
});

test.run();
