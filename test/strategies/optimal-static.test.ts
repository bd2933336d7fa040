// optimal-static: the schedule optimiser on the configured market beats every Almgren-Chriss schedule on the
// evaluation's objective where impact is concave, and is the Almgren-Chriss closed form where the market is AC's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../src/eval/plan.js';
import { scheduleObjective } from '../../src/strategies/optimal-schedule.js';
import { optimalStaticObjective } from '../../src/strategies/optimal-static.js';
import { almgrenChrissSchedule } from '../../src/strategies/almgren-chriss.js';
import { initialVolatility } from '../../src/engine/model-params.js';

const AC_GRID = [0, 1, 5, 20, 50, 100, 200, 400, 1000];

function concaveConfig(riskAversion: number) {
  return parseEvaluationConfig({
    market: {
      model: { type: 'gbm', s0: 100, sigma: 0.3 },
      dailyVolume: 2e7,
      volumeCurve: { type: 'u-shape' },
      impact: {
        temporary: { eta: 0.5, beta: 0.6 },
        permanent: { gamma: 0.314 },
        spread: { halfSpreadBps: 0.5 },
        transient: { kernel: 'exponential', amplitude: 0.8, halfLifeMinutes: 30 },
      },
    },
    order: { side: 'sell', shares: 2e6, horizonMinutes: 390, stepMinutes: 15 },
    strategies: [
      { type: 'optimal-static' },
      ...AC_GRID.map((r) => ({ type: 'almgren-chriss' as const, name: `ac-${r}`, riskAversion: r })),
    ],
    evaluation: { riskAversion },
  });
}

for (const riskAversion of [0, 50]) {
  test(`concave market, risk aversion ${riskAversion}: optimal-static's E[IS] + lambda Var is below every AC schedule's`, () => {
    const config = concaveConfig(riskAversion);
    const plan = buildExecutionPlan(config);
    const o = optimalStaticObjective({
      impact: plan.impact,
      stepVolume: plan.stepVolume,
      s0: plan.s0,
      side: plan.side,
      shares: plan.orderShares,
      stepDays: plan.stepDays,
      sigma0PerSqrtYear: initialVolatility(plan.model),
      participationCap: 1,
      lambdaPerCurrency: riskAversion / (plan.orderShares * plan.s0),
    });
    const toBps = 1e4 / (plan.orderShares * plan.s0);
    const [best, ...acs] = plan.strategies.map(
      (s) => scheduleObjective(o, (s as StaticStrategyPlan).costs.qty) * toBps,
    );
    const bestAc = Math.min(...acs);
    // strictly better: the AC schedules ignore the curve and the concavity, so the margin is far above the optimiser's 1e-12
    assert.ok(best! < bestAc - 1e-3, `optimal-static ${best} bps vs best AC ${bestAc} bps`);
  });
}

test('Almgren-Chriss world: optimal-static is the closed-form schedule (1e-6 of the order per step)', () => {
  const config = parseEvaluationConfig({
    market: {
      model: { type: 'abm', s0: 50, sigmaPerSqrtDay: 0.95 },
      dailyVolume: 5e6,
      impact: { type: 'almgren-chriss', epsilon: 0.0625, eta: 2.5e-6, gamma: 2.5e-7 },
    },
    order: { side: 'sell', shares: 1e6, horizonDays: 5, steps: 5 },
    strategies: [{ type: 'optimal-static', riskAversionPerCurrency: 1e-6 }],
  });
  const plan = buildExecutionPlan(config);
  const qty = (plan.strategies[0] as StaticStrategyPlan).costs.qty;
  const exact = almgrenChrissSchedule(
    { shares: 1e6, steps: 5, tauDays: 1, sigmaPerSqrtDay: 0.95, gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 },
    1e-6,
  );
  qty.forEach((n, k) => assert.ok(Math.abs(n - exact[k]!) < 1e-6 * 1e6, `step ${k}: ${n} vs ${exact[k]}`));
});

test("without its own risk aversion optimal-static takes the evaluation's, and its name says which", () => {
  const plan = buildExecutionPlan(concaveConfig(50));
  assert.is(plan.strategies[0]!.name, 'optimal-static');
  const named = buildExecutionPlan({
    ...concaveConfig(50),
    strategies: [{ type: 'optimal-static', riskAversion: 50 }],
  });
  const a = (plan.strategies[0] as StaticStrategyPlan).costs.qty,
    b = (named.strategies[0] as StaticStrategyPlan).costs.qty;
  a.forEach((v, k) => assert.is(v, b[k]));
  assert.is(named.strategies[0]!.name, 'optimal-static(lambda=50)');
});

test.run();
