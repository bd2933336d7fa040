// assembly/heston/qe.ts against its twin: Andersen's QE scheme in the regimes where its branches and corrections bite.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract } from '../support/contract.js';
import { heston, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';
import { MODEL_HESTON_QE } from '../../src/engine/layout.js';

const terminal = (params: Float64Array, n: number, steps: number) =>
  runContract('x_T', (be) => {
    const out = new Float64Array(n);
    be.terminalValues(MODEL_HESTON_QE, params, SEED, 0, n, steps, out);
    return out;
  });

test('QE at a positive correlation, where the martingale correction can be undefined, stays bit-identical and finite', () => {
  const out = terminal(modelParamBlock(heston('qe', { rho: 0.9, xi: 1.0, v0: 0.09 }), 1 / 12), 64, 24);
  assert.ok(out.every(Number.isFinite));
});

test('QE with a small vol of vol (the quadratic branch only) and with a large one (mostly the exponential branch) is bit-identical', () => {
  for (const xi of [0.05, 2.5]) {
    const out = terminal(modelParamBlock(heston('qe', { xi }), 1 / 52), 40, 30);
    assert.ok(out.every(Number.isFinite), `xi ${xi}`);
  }
});

test.run();
