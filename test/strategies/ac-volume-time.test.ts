// Almgren-Chriss on the volume clock with curvature-matched linearisation: the general tridiagonal solution is the
// closed form where the model is the paper's, VWAP at zero risk aversion, and closer to the market's optimum.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { quadraticSchedule } from '../../src/strategies/ac-general.js';
import { almgrenChrissSchedule } from '../../src/strategies/almgren-chriss.js';
import { curvatureFactor } from '../../src/strategies/linearise-general.js';
import { vwapSchedule } from '../../src/strategies/classic.js';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../src/eval/plan.js';
import { scheduleObjective } from '../../src/strategies/optimal-schedule.js';
import { optimalStaticObjective } from '../../src/strategies/optimal-static.js';
import { initialVolatility } from '../../src/engine/model-params.js';

const PAPER = { shares: 1e6, steps: 5, tauDays: 1, sigmaPerSqrtDay: 0.95, gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 };
/** The Thomas algorithm on a diagonally dominant system loses a few ulps per step: 1e-9 of the order is far above that. */
const SOLVE_TOLERANCE = 1e-9;

test("uniform coefficients: the tridiagonal solution is the paper's closed form (lambda 0, 1e-6, 1e-5)", () => {
  for (const lambda of [0, 1e-6, 1e-5]) {
    const a = new Float64Array(5).fill((PAPER.eta - (PAPER.gamma * PAPER.tauDays) / 2) / PAPER.tauDays);
    const b = new Float64Array(4).fill(lambda * PAPER.sigmaPerSqrtDay ** 2 * PAPER.tauDays);
    const general = quadraticSchedule(PAPER.shares, a, b);
    const closed = almgrenChrissSchedule(PAPER, lambda);
    general.forEach((n, k) =>
      assert.ok(
        Math.abs(n - closed[k]!) < SOLVE_TOLERANCE * PAPER.shares,
        `lambda ${lambda} step ${k}: ${n} vs ${closed[k]}`,
      ),
    );
  }
});

test('the curvature factor is 1/2 beta (1 + beta): 0.48 at beta 0.6, 1 for linear impact', () => {
  assert.ok(Math.abs(curvatureFactor(0.6, 'curvature') - 0.48) < 1e-15);
  assert.is(curvatureFactor(1, 'curvature'), 1);
  assert.is(curvatureFactor(0.6, 'secant'), 1);
});

function uShapeConfig(
  riskAversion: number,
  clock: 'volume' | 'calendar',
  linearisation: 'curvature' | 'secant',
  gamma = 0.314,
) {
  return parseEvaluationConfig({
    market: {
      model: { type: 'gbm', s0: 100, sigma: 0.3 },
      dailyVolume: 2e7,
      volumeCurve: { type: 'u-shape' },
      impact: { temporary: { eta: 0.5, beta: 0.6 }, permanent: { gamma }, spread: { halfSpreadBps: 0.5 } },
    },
    order: { side: 'sell', shares: 2e6, horizonMinutes: 390, stepMinutes: 15 },
    strategies: [
      { type: 'almgren-chriss', riskAversion, clock, linearisation },
      { type: 'optimal-static' },
      { type: 'vwap' },
    ],
    evaluation: { riskAversion },
  });
}

test('volume clock, risk aversion 0, no permanent impact: the AC schedule is VWAP', () => {
  // (permanent impact adds -gamma / 2 n_k^2 to every step, which is not proportional to 1 / V_k)
  const plan = buildExecutionPlan(uShapeConfig(0, 'volume', 'curvature', 0));
  const ac = (plan.strategies[0] as StaticStrategyPlan).costs.qty;
  const vwap = vwapSchedule(2e6, plan.stepVolume);
  ac.forEach((n, k) => assert.ok(Math.abs(n - vwap[k]!) < SOLVE_TOLERANCE * 2e6, `step ${k}: ${n} vs ${vwap[k]}`));
});

test('concave market on a U-shaped curve, risk aversion 50: volume-time curvature AC beats calendar secant AC, optimal-static beats both', () => {
  const score = (clock: 'volume' | 'calendar', linearisation: 'curvature' | 'secant') => {
    const plan = buildExecutionPlan(uShapeConfig(50, clock, linearisation));
    const o = optimalStaticObjective({
      impact: plan.impact,
      stepVolume: plan.stepVolume,
      s0: plan.s0,
      side: plan.side,
      shares: plan.orderShares,
      stepDays: plan.stepDays,
      sigma0PerSqrtYear: initialVolatility(plan.model),
      participationCap: 1,
      lambdaPerCurrency: 50 / (plan.orderShares * plan.s0),
    });
    const toBps = 1e4 / (plan.orderShares * plan.s0);
    return plan.strategies.map((s) => scheduleObjective(o, (s as StaticStrategyPlan).costs.qty) * toBps);
  };
  const [secantCalendar, optimal] = score('calendar', 'secant');
  const [curvatureCalendar] = score('calendar', 'curvature');
  const [curvatureVolume] = score('volume', 'curvature');
  assert.ok(curvatureCalendar! < secantCalendar!, `curvature ${curvatureCalendar} vs secant ${secantCalendar}`);
  assert.ok(curvatureVolume! < curvatureCalendar!, `volume ${curvatureVolume} vs calendar ${curvatureCalendar}`);
  assert.ok(optimal! <= curvatureVolume!, `optimal ${optimal} vs ${curvatureVolume}`);
  console.log(
    `    secant/calendar ${secantCalendar!.toFixed(3)}, curvature/calendar ${curvatureCalendar!.toFixed(3)}, curvature/volume ${curvatureVolume!.toFixed(3)}, optimal ${optimal!.toFixed(3)} bps`,
  );
});

test.run();
