// The schedule optimiser recovers the Obizhaeva-Wang (2013) optimum under exponential transient impact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { optimalSchedule, projectOntoSimplex } from '../../src/strategies/optimal-schedule.js';
import { exponentialKernel } from '../../src/market/transient-kernel.js';
import type { ResolvedImpact } from '../../src/market/impact.js';

/** OW: cost 1/2 sum_i sum_j n_i n_j G0 exp(-rho |t_i - t_j|) on N + 1 equally spaced times: own impact G0/2 per share per share, the rest transient. */
function owImpact(rho: number, N: number): ResolvedImpact {
  const steps = N + 1;
  return { temporaryScale: new Float64Array(steps).fill(0.5), temporaryBeta: 1, spread: new Float64Array(steps),
    permanentLog: 0, permanentAdd: 0, transientScale: new Float64Array(steps).fill(1), transientBeta: 1,
    kernel: exponentialKernel(Math.LN2 / (rho / N)) };
}

/** The bar: within 1% of the continuous-time optimum G0 X^2 / (rho T + 2) (G0 = X = T = 1). */
const RELATIVE_TOLERANCE = 0.01;

for (const rho of [1, 10]) {
  test(`rho = ${rho}: the optimised cost is within 1% of 1 / (rho + 2), with blocks X / (rho + 2) at both ends`, () => {
    const N = 100;
    const o = { impact: owImpact(rho, N), stepVolume: new Float64Array(N + 1).fill(1), s0: 1, side: 1 as const, shares: 1,
      lambdaPerCurrency: 0, sigmaPerSqrtDay: 0, tauDays: 1 };
    const r = optimalSchedule(o, new Float64Array(N + 1).fill(1 / (N + 1)));
    const exact = 1 / (rho + 2);
    assert.ok(Math.abs(r.objective / exact - 1) < RELATIVE_TOLERANCE, `cost ${r.objective} vs ${exact}`);
    for (const end of [r.qty[0]!, r.qty[N]!]) assert.ok(Math.abs(end / exact - 1) < 0.1, `block ${end} vs ${exact}`);
    // in between: the constant rate rho X / (rho T + 2) per unit time
    assert.ok(Math.abs(r.qty[N / 2]! * N / (rho * exact) - 1) < 0.05, `interior ${r.qty[N / 2]}`);
  });
}

test('the simplex projection keeps the total and non-negativity', () => {
  const p = projectOntoSimplex(new Float64Array([3, -1, 0.5, 2]), 1);
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12 && p.every((v) => v >= 0));
});

test.run();
