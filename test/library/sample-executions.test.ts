// Sample executions beside an evaluation: the first paths' prices are the sample-path kernel's, static schedules send
// the plan's child orders, and closed-loop strategies replayed step by step in the env trade, on every path, exactly
// the shares the evaluation's own rollout executed there (the engine's closed-loop kernel is the oracle).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '../../src/runtime/node.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { envSpecFor } from '../../src/eval/closed-loop.js';
import { samplePricePaths } from '../../src/eval/sample-paths.js';
import { ROLLOUT_COLUMNS } from '../../src/engine/env-layout.js';
import { parsePolicyFile } from '../../src/strategies/policy-file.js';
import type { ClosedLoopStrategyPlan, ExecutionPlan } from '../../src/eval/plan.js';
import { sampleExecutions } from '../../src/library/sample-executions.js';

const engine = await createNodeEngine();
const backend = new WasmBackend(engine);
/** Shares are sums of a few hundred trades of up to 1e6: equal to about 1e-9 of the order (f64 rounding only). */
const SHARE_TOLERANCE = 1e-9;
const PATHS = 3;
/** Paths of the oracle rollout (a whole block of the kernel; the first PATHS are compared). */
const ROLLOUT_PATHS = 16;

/** Shares executed on each of the first paths by the engine's closed-loop kernel (rollout column 6). */
function executedByKernel(plan: ExecutionPlan, s: ClosedLoopStrategyPlan): Float64Array {
  const out = new Float64Array(ROLLOUT_COLUMNS * ROLLOUT_PATHS);
  backend.closedLoopRollout(envSpecFor(plan), 0, ROLLOUT_PATHS, s.policy, out, ROLLOUT_PATHS);
  return out.subarray(6 * ROLLOUT_PATHS, 6 * ROLLOUT_PATHS + PATHS);
}

function checkAgainstPlan(config: ReturnType<typeof parseEvaluationConfig>, policies?: Map<string, any>): number {
  const samples = sampleExecutions(engine, config, { policies })!;
  const plan = buildExecutionPlan(config, { paths: 1000, policies });
  assert.is(samples.paths, PATHS);
  assert.is(samples.minutes.length, plan.steps + 1);
  const prices = samplePricePaths(backend, plan, PATHS).prices;
  samples.prices.forEach((row, i) =>
    assert.equal(row, Array.from(prices.subarray(i * (plan.steps + 1), (i + 1) * (plan.steps + 1)))),
  );
  let closedLoop = 0;
  for (const s of plan.strategies) {
    const shares = samples.childShares[s.name]!;
    assert.ok(shares, `${s.name} has child orders`);
    if (s.kind === 'static') {
      for (const row of shares) assert.equal(row, Array.from(s.costs.qty), s.name);
      continue;
    }
    closedLoop++;
    const executed = executedByKernel(plan, s);
    shares.forEach((row, i) => {
      assert.is(row.length, plan.steps);
      assert.ok(
        row.every((n) => n >= 0),
        `${s.name}: no negative child order`,
      );
      const sum = row.reduce((a, b) => a + b, 0);
      assert.ok(
        Math.abs(sum - executed[i]!) <= SHARE_TOLERANCE * plan.orderShares,
        `${s.name} path ${i}: replayed ${sum} shares, the kernel executed ${executed[i]}`,
      );
    });
  }
  return closedLoop;
}

test('heston-execution: prices of the first paths, static schedules as planned, adaptive AC as the kernel executed it', () => {
  const config = parseEvaluationConfig(JSON.parse(readFileSync('examples/heston-execution.json', 'utf8')));
  assert.is(checkAgainstPlan(config), 1);
});

test('a trained PPO policy replayed through its network trades on each path what the kernel executed', () => {
  const policy = parsePolicyFile(JSON.parse(readFileSync('examples/policies/ppo-heston-execution.json', 'utf8')));
  const base = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
  // the opportunity rule: the last step is capped too, so a short fill would show
  const config = parseEvaluationConfig({
    ...base,
    strategies: [{ type: 'twap' }, { type: 'policy', file: 'ppo.json' }],
    evaluation: { ...base.evaluation, completion: 'opportunity' },
  });
  assert.is(checkAgainstPlan(config, new Map([['ppo.json', policy]])), 1);
});

test('the same config gives the same sample executions; a horizon of more than 2000 steps gives none', () => {
  const raw = JSON.parse(readFileSync('examples/heston-execution.json', 'utf8'));
  const config = parseEvaluationConfig(raw);
  assert.equal(sampleExecutions(engine, config), sampleExecutions(engine, config));
  const long = parseEvaluationConfig({ ...raw, order: { side: 'sell', shares: 1e6, horizonDays: 6, steps: 2400 } });
  assert.is(sampleExecutions(engine, long), undefined);
});

test.run();
