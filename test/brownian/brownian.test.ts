// assembly/brownian/brownian.ts against its twin (GBM on the log price, ABM on the price), and against the exact
// law x_T ~ N(x0 + drift T, vol^2 T) that both models have.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract, wasm } from '../support/contract.js';
import { SEED } from '../support/markets.js';
import { modelParamBlock, type PriceModel } from '../../src/engine/model-params.js';
import { MODEL_GBM, MODEL_ABM } from '../../src/engine/layout.js';

const CASES: Array<[string, number, PriceModel, number, number]> = [
  // name, id, model, exact E[x_T] and sd of x_T after 1 year
  ['GBM', MODEL_GBM, { kind: 'gbm', s0: 100, sigma: 0.3, mu: 0.05 }, Math.log(100) + (0.05 - 0.045), 0.3],
  ['ABM', MODEL_ABM, { kind: 'abm', s0: 50, sigma: 15, mu: 4 }, 54, 15],
];

for (const [name, id, model] of CASES) {
  test(`${name} with drift: terminal states are bit-identical over a ragged path count`, () => {
    const params = modelParamBlock(model, 1 / 252);
    runContract('x_T', (be) => {
      const out = new Float64Array(29);
      be.terminalValues(id, params, SEED, 40, 29, 252, out);
      return out;
    });
  });
}

for (const [name, id, model, mean, sd] of CASES) {
  test(`${name}: the mean of x_T after one year is the exact one within 3 standard errors, and the spread is the model's`, () => {
    const n = 4000,
      params = modelParamBlock(model, 1 / 12);
    const out = new Float64Array(n);
    wasm.terminalValues(id, params, SEED, 0, n, 12, out);
    const m = out.reduce((s, x) => s + x, 0) / n;
    const variance = out.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    const se = Math.sqrt(variance / n);
    assert.ok(Math.abs(m - mean) < 3 * se, `mean ${m}, exact ${mean}, 3 SE ${3 * se}`);
    // the sample variance's SE is about var sqrt(2 / (n - 1)) for normal data
    assert.ok(
      Math.abs(variance - sd * sd) < 3 * sd * sd * Math.sqrt(2 / (n - 1)),
      `variance ${variance}, exact ${sd * sd}`,
    );
  });
}

test.run();
