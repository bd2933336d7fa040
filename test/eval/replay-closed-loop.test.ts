// Closed-loop replay on real days: a TWAP-rate network trades exactly TWAP's shares, adaptive Almgren-Chriss reacts
// to the day's realised variance (a volatile day is sold faster than a flat one), and the CLI replays both on BAC.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig, orderGrid } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { runReplay, type ReplayDayInput } from '../../src/eval/replay.js';
import { closedLoopQuantities } from '../../src/eval/replay-closed-loop.js';
import type { ClosedLoopStrategyPlan } from '../../src/eval/plan.js';
import { OBSERVATION_FEATURES } from '../../src/engine/env-layout.js';
import { flowexec, scratchDir, writeJson } from '../support/cli.js';

const F = OBSERVATION_FEATURES,
  H = 4;
const zeroNetwork = {
  type: 'mlp',
  name: 'twap-rate',
  network: {
    hidden: [H, H],
    w1: new Array(H * F).fill(0),
    b1: new Array(H).fill(0),
    w2: new Array(H * H).fill(0),
    b2: new Array(H).fill(0),
    w3: new Array(H).fill(0),
    b3: [0],
    actionScale: 10,
  },
};

function setup(strategies: unknown[]) {
  const config = parseEvaluationConfig({
    market: {
      model: { type: 'heston', s0: 100, v0: 0.04, kappa: 2, theta: 0.04, xi: 0.5, rho: -0.5 },
      dailyVolume: 3_900_000,
      impact: {
        type: 'canonical',
        temporary: { eta: 0.1, beta: 0.6 },
        permanent: { gamma: 0.1 },
        spread: { halfSpreadBps: 1 },
      },
    },
    order: { shares: 60_000, horizonMinutes: 60, stepMinutes: 5 },
    strategies,
  });
  return { config, plan: buildExecutionPlan(config, { paths: 1000 }), steps: orderGrid(config.order).steps };
}

function day(steps: number, price: (k: number) => number): ReplayDayInput {
  return {
    date: '2024-01-02',
    arrivalPrice: price(0),
    price: Float64Array.from({ length: steps }, (_, k) => price(k)),
    volume: new Float64Array(steps).fill(1e6),
    halfSpreadBps: new Float64Array(steps).fill(NaN),
    closePrice: price(steps - 1),
  };
}

test("a network whose mean action is 0 trades TWAP's rate: the same shares and IS as TWAP on a real day", () => {
  const { config, plan, steps } = setup([{ type: 'twap' }, zeroNetwork]);
  const d = day(steps, (k) => 100 * (1 + 0.002 * Math.sin(k)));
  const r = runReplay(plan, config, [d]);
  const twap = r.days[0]!.outcomes.twap!,
    net = r.days[0]!.outcomes['twap-rate']!;
  // the action mapping's sigmoid runs in f32 (relative error 6e-8 per step's fraction)
  assert.ok(Math.abs(net.isBps - twap.isBps) < 1e-5 * Math.abs(twap.isBps), `${net.isBps} vs ${twap.isBps}`);
  assert.ok(Math.abs(net.filledFraction - 1) < 1e-9);
});

test('adaptive Almgren-Chriss sells a volatile day faster than a flat one (it sees the realised variance)', () => {
  const { plan, steps } = setup([{ type: 'adaptive-almgren-chriss', riskAversion: 1000 }]);
  const s = plan.strategies[0] as ClosedLoopStrategyPlan;
  const flat = closedLoopQuantities(
    plan,
    s,
    day(steps, () => 100),
  );
  const volatile = closedLoopQuantities(
    plan,
    s,
    day(steps, (k) => 100 * (1 + 0.01 * (k % 2 === 0 ? 1 : -1))),
  );
  assert.is(flat[0], volatile[0], 'the first decision has seen no return yet');
  const half = (q: Float64Array) => q.slice(0, steps / 2).reduce((a, b) => a + b, 0);
  assert.ok(half(volatile) > half(flat), `${half(volatile)} vs ${half(flat)} shares in the first half`);
  for (const q of [flat, volatile]) assert.ok(Math.abs(q.reduce((a, b) => a + b, 0) - plan.orderShares) < 1e-6);
});

test('flowexec replay runs adaptive Almgren-Chriss and an MLP beside TWAP on the shipped BAC days', async () => {
  const order = writeJson(scratchDir(), 'order.json', {
    order: {
      side: 'sell',
      shares: 2_000_000,
      horizonMinutes: 120,
      startMinute: 30,
      stepMinutes: 5,
      participationCap: 0.2,
    },
    strategies: [{ type: 'twap' }, { type: 'adaptive-almgren-chriss', riskAversion: 20 }, zeroNetwork],
  });
  const r = await flowexec([
    'replay',
    'data/lean-2013-10/minute_trade.csv',
    '--symbol',
    'BAC',
    '--order',
    order,
    '--json',
  ]);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.strategies.length, 3);
  for (const name of out.strategies) assert.ok(Number.isFinite(out.total[name].isBps), name);
  // where the real volume's cap never binds TWAP the network trades the same shares; where it binds, the closed loop
  // spreads the shortfall over the steps left while the static schedule carries it to the next step
  let unbound = 0;
  for (const d of out.days) {
    const twap = d.outcomes.twap,
      net = d.outcomes['twap-rate'];
    if (twap.maxParticipation >= 0.2 - 1e-9 || twap.filledFraction < 1 - 1e-9) continue;
    unbound++;
    assert.ok(
      Math.abs(net.isBps - twap.isBps) < 1e-5 * Math.abs(twap.isBps),
      `${d.date}: ${net.isBps} vs ${twap.isBps}`,
    );
  }
  assert.ok(unbound >= 2, `${unbound} days without a binding cap`);
});

test.run();
