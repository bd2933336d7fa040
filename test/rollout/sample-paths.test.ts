// assembly/rollout/sample-paths.ts against its twin: whole price paths, which end where the terminal kernel ends.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract, wasm } from '../support/contract.js';
import { MODELS, SEED } from '../support/markets.js';
import { modelParamBlock } from '../../src/engine/model-params.js';
import { exp } from '../../src/math/exp.js';

for (const [name, id, model, precision] of MODELS) {
  test(`${name} sampled price paths are bit-identical and end where the terminal kernel ends`, () => {
    const params = modelParamBlock(model, 1 / 252, precision),
      steps = 70,
      n = 11;
    const a = runContract('prices', (be) => {
      const out = new Float64Array(n * (steps + 1));
      be.samplePaths(id, params, SEED, 5, n, steps, out);
      return out;
    });
    const terminal = new Float64Array(n);
    wasm.terminalValues(id, params, SEED, 5, n, steps, terminal);
    for (let i = 0; i < n; i++) {
      const last = a[i * (steps + 1) + steps]!;
      assert.ok(Object.is(last, model.kind === 'abm' ? terminal[i] : exp(terminal[i]!)), `path ${i}`);
      // S_0 = exp(log s0): the state is the log price, whose rounding (half an ulp of ln s0, ~4.4e-16 absolute at s0 = 100)
      // becomes the same relative error in S_0: exp's conditioning, not its accuracy
      assert.ok(Math.abs(a[i * (steps + 1)]! / model.s0 - 1) <= 1e-15, `S_0 ${a[i * (steps + 1)]}`);
    }
  });
}

test.run();
