// The schedule optimiser recovers the Obizhaeva-Wang (2013) optimum under exponential transient impact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  optimalSchedule,
  projectOntoSimplex,
  projectOntoCappedSimplex,
  scheduleGradient,
  scheduleObjective,
  type ScheduleObjective,
} from '../../src/strategies/optimal-schedule.js';
import { exponentialKernel, powerLawKernel } from '../../src/market/transient-kernel.js';
import type { ResolvedImpact } from '../../src/market/impact.js';

/** OW: cost 1/2 sum_i sum_j n_i n_j G0 exp(-rho |t_i - t_j|) on N + 1 equally spaced times: the self-impact term is G0/2 n^2. */
function owImpact(rho: number, N: number): ResolvedImpact {
  const steps = N + 1;
  return {
    temporaryScale: new Float64Array(steps),
    temporaryBeta: 1,
    spread: new Float64Array(steps),
    permanentLog: 0,
    permanentAdd: 0,
    transientScale: new Float64Array(steps).fill(1),
    transientBeta: 1,
    transientSelf: 0.5,
    kernel: exponentialKernel(Math.LN2 / (rho / N)),
    pathVolatility: false,
    transientByVolume: true,
  };
}

/** The bar: within 1% of the continuous-time optimum G0 X^2 / (rho T + 2) (G0 = X = T = 1). */
const RELATIVE_TOLERANCE = 0.01;

for (const rho of [1, 10]) {
  test(`rho = ${rho}: the optimised cost is within 1% of 1 / (rho + 2), with blocks X / (rho + 2) at both ends`, () => {
    const N = 100;
    const o = {
      impact: owImpact(rho, N),
      stepVolume: new Float64Array(N + 1).fill(1),
      s0: 1,
      side: 1 as const,
      shares: 1,
      lambdaPerCurrency: 0,
      sigmaPerSqrtDay: 0,
      tauDays: 1,
    };
    const r = optimalSchedule(o, new Float64Array(N + 1).fill(1 / (N + 1)));
    const exact = 1 / (rho + 2);
    assert.ok(Math.abs(r.objective / exact - 1) < RELATIVE_TOLERANCE, `cost ${r.objective} vs ${exact}`);
    for (const end of [r.qty[0]!, r.qty[N]!]) assert.ok(Math.abs(end / exact - 1) < 0.1, `block ${end} vs ${exact}`);
    // in between: the constant rate rho X / (rho T + 2) per unit time
    assert.ok(Math.abs((r.qty[N / 2]! * N) / (rho * exact) - 1) < 0.05, `interior ${r.qty[N / 2]}`);
  });
}

test('the simplex projection keeps the total and non-negativity', () => {
  const p = projectOntoSimplex(new Float64Array([3, -1, 0.5, 2]), 1);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12 && p.every((v) => v >= 0));
});

test('the capped projection keeps the total and each bound, and is the identity on a feasible point', () => {
  const upper = new Float64Array([0.3, 0.3, 0.6, 0.2]);
  const p = projectOntoCappedSimplex(new Float64Array([3, -1, 0.5, 2]), 1, upper);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  p.forEach((v, k) => assert.ok(v >= 0 && v <= upper[k]! + 1e-15, `n_${k} = ${v}`));
  const feasible = new Float64Array([0.2, 0.3, 0.3, 0.2]);
  projectOntoCappedSimplex(feasible, 1, upper).forEach((v, k) => assert.ok(Math.abs(v - feasible[k]!) < 1e-12));
});

/** A market with every term: concave temporary, spread, log permanent, concave power-law transient with self-impact. */
function fullMarket(steps: number, logModel: boolean): ScheduleObjective {
  const volume = Float64Array.from({ length: steps }, (_, k) => 1e5 * (1 + 0.5 * Math.cos((2 * Math.PI * k) / steps)));
  const impact: ResolvedImpact = {
    temporaryScale: volume.map((v) => 0.02 / v ** 0.6),
    temporaryBeta: 0.6,
    spread: new Float64Array(steps).fill(0.01),
    permanentLog: logModel ? 2e-8 : 0,
    permanentAdd: logModel ? 0 : 1e-6,
    transientScale: volume.map((v) => 0.5 / v ** 0.8),
    transientBeta: 0.8,
    transientSelf: 1 / 1.8,
    kernel: powerLawKernel(0.5, 1, steps, 8),
    pathVolatility: false,
    transientByVolume: true,
  };
  return {
    impact,
    stepVolume: volume,
    s0: 50,
    side: -1,
    shares: 2e5,
    lambdaPerCurrency: 1e-6,
    sigmaPerSqrtDay: 1,
    tauDays: 1 / steps,
    varianceWeights: Float64Array.from({ length: steps }, (_, k) => 1 + 0.3 * (k % 3)),
  };
}

for (const logModel of [true, false]) {
  test(`the exact gradient agrees with central differences to 1e-6 relative (${logModel ? 'log' : 'arithmetic'} price)`, () => {
    const steps = 12;
    const o = fullMarket(steps, logModel);
    const n = Float64Array.from({ length: steps }, (_, k) => (o.shares * (1 + (k % 4))) / 30);
    const g = scheduleGradient(o, n);
    for (let k = 0; k < steps; k++) {
      const h = 1e-4 * n[k]!; // the objective's curvature scale is n: a 1e-4 step leaves a 1e-8 truncation error
      const up = Float64Array.from(n),
        down = Float64Array.from(n);
      up[k] = n[k]! + h;
      down[k] = n[k]! - h;
      const fd = (scheduleObjective(o, up) - scheduleObjective(o, down)) / (2 * h);
      assert.ok(Math.abs(g[k]! - fd) <= 1e-6 * Math.max(1, Math.abs(fd)), `step ${k}: ${g[k]} vs ${fd}`);
    }
  });
}

test('with a binding cap the optimum trades no step above its cap and completes the order', () => {
  const steps = 20;
  const o = fullMarket(steps, true);
  const capShares = o.stepVolume.map((v) => 0.12 * v);
  const r = optimalSchedule({ ...o, capShares }, new Float64Array(steps).fill(o.shares / steps));
  r.qty.forEach((v, k) => assert.ok(v <= capShares[k]! * (1 + 1e-12) && v >= 0, `step ${k}: ${v} > ${capShares[k]}`));
  assert.ok(Math.abs(r.qty.reduce((a, b) => a + b, 0) / o.shares - 1) < 1e-12);
  assert.ok(
    capShares.some((c, k) => Math.abs(r.qty[k]! - c) < 1e-9 * c),
    'the cap binds somewhere',
  );
});

test.run();
