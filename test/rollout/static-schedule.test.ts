// assembly/rollout/static-schedule.ts against its twin: the sums A, B of three static schedules and S_N per path.
import { test } from 'uvu';
import { runContract } from '../support/contract.js';
import { MODELS, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';

for (const [name, id, model, precision] of MODELS) {
  test(`${name} static execution sums and terminal prices are bit-identical for three strategies`, () => {
    const steps = 70,
      n = 21,
      strategies = 3,
      stride = 24;
    const params = modelParamBlock(model, 1 / (252 * 390), precision);
    const qty = new Float64Array(strategies * steps).map((_, i) => 1000 + (i % 17) * 13.5);
    const weight = qty.map((q, i) => q * (1 - i * 1e-6));
    runContract('A, B', (be) => {
      const out = new Float64Array((2 * strategies + 1) * stride);
      be.staticExecution(id, params, SEED, 999, n, steps, strategies, qty, weight, out, stride);
      return out;
    });
  });
}

test.run();
