// The Gymnasium-shaped environment: deterministic for a seed, auto-reset at the horizon, and the same common random
// numbers as the evaluation runner.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { VecEnv } from '../../src/learn/vec-env.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { envSpecFor } from '../../src/eval/closed-loop.js';
import { ChunkRunner } from '../../src/eval/chunk.js';
import { CHUNK_PATHS, PARTS, type StaticStrategyPlan } from '../../src/eval/plan.js';
import { WasmBackend } from '../../src/engine/wasm/wasm-backend.js';
import { OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD } from '../../src/engine/env-layout.js';

const engine = await createNodeEngine();
const config = parseEvaluationConfig(JSON.parse(readFileSync('examples/heston-execution.json', 'utf8')));
config.strategies = [{ type: 'twap' }];
config.order.participationCap = 1;
const plan = buildExecutionPlan(config, { paths: CHUNK_PATHS, seed: 42 });
const B = 32;

function rollout(env: VecEnv, seed: number, episodes: number, fraction: (k: number) => number) {
  const trace: number[] = [];
  env.reset(seed);
  for (let e = 0; e < episodes; e++) {
    for (let k = 0; k < env.steps; k++) {
      const r = env.stepWith(new Float64Array(B).fill(fraction(k)));
      trace.push(r.reward[3]!, r.obs[3 * 6 + 3]!);
      if (k === env.steps - 1) assert.ok(r.done.every((d) => d === 1) && r.info.episode, 'episode ends at the horizon');
      else assert.ok(r.done.every((d) => d === 0) && !r.info.episode);
    }
  }
  return trace;
}

test('the same seed gives the same observations and rewards; another seed does not', () => {
  const spec = envSpecFor(plan, { objective: OBJECTIVE_MEAN_VARIANCE, lambdaPerCurrency: 1e-7 });
  const env = new VecEnv(engine, spec, B);
  const twap = (k: number) => 1 / (env.steps - k);
  const a = rollout(env, 7, 2, twap),
    b = rollout(env, 7, 2, twap),
    c = rollout(env, 8, 1, twap);
  assert.equal(a, b);
  assert.not.equal(a.slice(0, c.length), c);
});

test('observations are normalised: time and inventory start at 1, the price move at 0', () => {
  const env = new VecEnv(engine, envSpecFor(plan), B);
  const obs = env.reset(1);
  for (let p = 0; p < B; p++) {
    assert.is(obs[p * 6]!, 1);
    assert.is(obs[p * 6 + 1]!, 1);
    assert.is(obs[p * 6 + 3]!, 0);
  }
});

test('trading TWAP in the environment costs each path what the evaluation runner says, to rounding (common random numbers; the runner sums the cost parts in another order)', () => {
  const env = new VecEnv(engine, envSpecFor(plan), B);
  env.reset(42);
  let cost: Float64Array | undefined;
  for (let k = 0; k < env.steps; k++) {
    const r = env.stepWith(new Float64Array(B).fill(1 / (env.steps - k)));
    if (r.info.episode) cost = r.info.episode.costBps;
  }
  const values = new ChunkRunner(new WasmBackend(engine)).pathValues(plan, 0);
  const isColumn = PARTS.indexOf('is') * CHUNK_PATHS;
  const unfilled = (plan.strategies[0] as StaticStrategyPlan).unfilledShares;
  assert.is(unfilled, 0);
  for (let p = 0; p < B; p++) {
    assert.ok(
      Math.abs(cost![p]! - values[isColumn + p]!) < 1e-9 * (1 + Math.abs(cost![p]!)),
      `path ${p}: env ${cost![p]} runner ${values[isColumn + p]}`,
    );
  }
});

test("OPD: with no impact TWAP returns 0 to rounding (its average price is the window's) and front-loading does not", () => {
  const noImpact = parseEvaluationConfig({
    ...JSON.parse(readFileSync('examples/heston-execution.json', 'utf8')),
    market: {
      ...config.market,
      impact: {
        type: 'relative',
        temporary: { eta: 0, beta: 1 },
        permanent: { gamma: 0 },
        spread: { halfSpreadBps: 0 },
      },
    },
    strategies: [{ type: 'twap' }],
    evaluation: { paths: 100000 },
  }); // no frontier: AC needs temporary impact
  const p = buildExecutionPlan(noImpact, { paths: CHUNK_PATHS, seed: 5 });
  const env = new VecEnv(engine, envSpecFor(p, { objective: OBJECTIVE_OPD, alpha: 0 }), B);
  const episode = (fraction: (k: number) => number) => {
    env.reset(5);
    let info;
    for (let k = 0; k < env.steps; k++) info = env.stepWith(new Float64Array(B).fill(fraction(k))).info.episode ?? info;
    return info!.returns;
  };
  const twap = episode((k) => 1 / (env.steps - k));
  assert.ok(
    twap.every((r) => Math.abs(r) < 1e-9),
    `TWAP returns ${twap.slice(0, 3)}`,
  );
  const front = episode((k) => (k === 0 ? 0.5 : 1 / (env.steps - k)));
  assert.ok(front.some((r) => Math.abs(r) > 1e-3));
});

test('an env count that is not a multiple of 16 is refused', () => {
  assert.throws(() => new VecEnv(engine, envSpecFor(plan), 20), /multiple of 16/);
});

test.run();
