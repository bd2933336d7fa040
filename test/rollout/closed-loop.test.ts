// assembly/rollout/closed-loop.ts against its twin: whole episodes under every policy kind and objective, over
// three 64-path blocks and a ragged tail, for every price model and both sides.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runContract, wasm } from '../support/contract.js';
import { MODELS } from '../support/markets.js';
import {
  envSpec,
  OBJECTIVES,
  policies,
  rollout,
  RAGGED_PATHS,
  pathMarketSpec,
  povPolicy,
} from '../support/env-cases.js';
import { ROLLOUT_COLUMNS } from '../../src/engine/env-layout.js';

for (const [name, id, model, precision] of MODELS) {
  for (const side of [1, -1] as const) {
    test(`${name} ${side > 0 ? 'sell' : 'buy'}: every policy under every objective is bit-identical over ${RAGGED_PATHS} paths (3 blocks and a ragged tail)`, () => {
      const spec = envSpec(model, id, side, precision);
      for (const [policyName, policy] of policies(model, spec.steps)) {
        for (const [objectiveName, extra] of OBJECTIVES) {
          const out = runContract(`${name} ${policyName} ${objectiveName}`, (be) =>
            rollout(be, { ...spec, ...extra }, policy, RAGGED_PATHS),
          );
          assert.ok(out.every(Number.isFinite), `${policyName} ${objectiveName}: finite`);
        }
      }
    });
  }
}

for (const [name, id, model, precision] of MODELS) {
  test(`${name}: with path-volatility impact, seasonality and stochastic volume every policy (POV too) is bit-identical`, () => {
    const spec = pathMarketSpec(envSpec(model, id, 1, precision), model);
    for (const [policyName, policy] of [...policies(model, spec.steps), ['POV', povPolicy] as const]) {
      for (const [objectiveName, extra] of OBJECTIVES) {
        const out = runContract(`${name} path market ${policyName} ${objectiveName}`, (be) =>
          rollout(be, { ...spec, ...extra }, policy, RAGGED_PATHS),
        );
        assert.ok(out.every(Number.isFinite), `${policyName} ${objectiveName}: finite`);
        const base = rollout(wasm, { ...envSpec(model, id, 1, precision), ...extra }, policy, RAGGED_PATHS);
        assert.ok(
          out.some((v, i) => v !== base[i]),
          `${policyName} ${objectiveName}: the path market changes the rollout`,
        );
      }
    }
  });
}

test("the paths of every block are distinct: each block reads its own paths, not the first block's again", () => {
  const [, id, model] = MODELS[0]!;
  const spec = envSpec(model, id, 1);
  const out = rollout(wasm, spec, policies(model, spec.steps)[1]![1], RAGGED_PATHS);
  const terminal = out.subarray(8 * RAGGED_PATHS, 9 * RAGGED_PATHS);
  assert.is(new Set(terminal).size, RAGGED_PATHS);
  assert.is(out.length, ROLLOUT_COLUMNS * RAGGED_PATHS);
});

test.run();
