// Impact in the literature's units: the 2005 paper's parameters reproduce its own cost formulas, transient impact
// lives in minutes (the cost converges as the grid refines) and a trade pays its own impulse (the self-impact term).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../src/eval/plan.js';
import { staticCosts } from '../../src/market/static-costs.js';

const SIGMA = 0.3,
  S0 = 100,
  ADV = 1e7;
const SIGMA_DAILY = SIGMA / Math.sqrt(252);

function plan(
  impact: unknown,
  order: Record<string, unknown>,
  strategies: unknown[] = [{ type: 'twap' }],
  curve: unknown = { type: 'flat' },
) {
  return buildExecutionPlan(
    parseEvaluationConfig({
      market: { model: { type: 'gbm', s0: S0, sigma: SIGMA }, dailyVolume: ADV, volumeCurve: curve, impact },
      order: { side: 'sell', ...order },
      strategies,
      evaluation: { paths: 1000 },
    }),
  );
}
const bps = (currency: number, shares: number) => (1e4 * currency) / (shares * S0);
const costsOf = (p: ReturnType<typeof plan>, i = 0) => (p.strategies[i] as StaticStrategyPlan).costs;

/** The bar: FlowExec's costs within 20% of the paper's formulas. */
const PAPER_TOLERANCE = 0.2;

test('Almgren et al. (2005) preset, 10% of ADV by TWAP over a day at 30% volatility: temporary 6.7 bps, permanent 3 bps as the paper', () => {
  const X = 0.1 * ADV;
  const p = plan({ preset: 'almgren-2005' }, { shares: X, horizonMinutes: 390, stepMinutes: 5 });
  const c = costsOf(p);
  // the paper (its eq. for J - I/2 and I, Table 3): eta sigma (X / V T)^beta per share, and half of gamma sigma X / V
  const paperTemporaryBps = 1e4 * 0.142 * SIGMA_DAILY * 0.1 ** 0.6;
  const paperPermanentBps = 1e4 * 0.5 * 0.314 * SIGMA_DAILY * 0.1;
  const temporary = bps(c.temporaryCost, X),
    permanent = bps(c.expectedPermanentCost, X);
  assert.ok(
    Math.abs(temporary / paperTemporaryBps - 1) < PAPER_TOLERANCE,
    `temporary ${temporary} vs ${paperTemporaryBps}`,
  );
  assert.ok(
    Math.abs(permanent / paperPermanentBps - 1) < PAPER_TOLERANCE,
    `permanent ${permanent} vs ${paperPermanentBps}`,
  );
  assert.ok(
    Math.abs(paperTemporaryBps - 6.74) < 0.01 && Math.abs(paperPermanentBps - 2.97) < 0.01,
    "the issue's 6.7 and 3 bps",
  );
});

test('the square-root form costs Y sigma_d sqrt(Q / V) for an even execution over one day', () => {
  const X = 0.04 * ADV;
  const c = costsOf(plan({ type: 'square-root', Y: 0.7 }, { shares: X, horizonMinutes: 390, stepMinutes: 15 }));
  const law = 1e4 * 0.7 * SIGMA_DAILY * Math.sqrt(0.04);
  assert.ok(Math.abs(bps(c.temporaryCost, X) / law - 1) < 1e-9, `${bps(c.temporaryCost, X)} vs ${law}`);
});

/** Exact double sum of the transient cost: sum_i n_i (sum_{j<i} G(t_i - t_j) I_j + I_i / (1 + beta)), I = A sigma_d s0 (n / R)^beta. */
function transientOracle(
  qty: Float64Array,
  stepMinutes: number,
  G: (minutes: number) => number,
  impulseOf: (k: number, n: number) => number,
  beta: number,
): number {
  let total = 0;
  for (let i = 0; i < qty.length; i++) {
    let d = 0;
    for (let j = 0; j < i; j++) d += G((i - j) * stepMinutes) * impulseOf(j, qty[j]!);
    total += qty[i]! * (d + impulseOf(i, qty[i]!) / (1 + beta));
  }
  return total;
}

test('exponential kernel: the transient cost equals the exact double sum with the self-impact term (U-shaped curve, beta 0.7)', () => {
  const X = 0.05 * ADV,
    stepMinutes = 10,
    halfLife = 25,
    A = 0.9,
    beta = 0.7;
  const p = plan(
    { transient: { kernel: 'exponential', amplitude: A, halfLifeMinutes: halfLife, beta } },
    { shares: X, horizonMinutes: 390, stepMinutes },
    [{ type: 'vwap' }],
    { type: 'u-shape' },
  );
  const c = costsOf(p);
  const rate = (k: number) => p.stepVolume[k]! * (390 / stepMinutes);
  const oracle = transientOracle(
    c.qty,
    stepMinutes,
    (t) => Math.exp((-Math.LN2 * t) / halfLife),
    (k, n) => A * SIGMA_DAILY * S0 * (n / rate(k)) ** beta,
    beta,
  );
  // the engine's exp and pow differ from Math's by an ulp or two: 1e-12 relative
  assert.ok(Math.abs(c.transientCost / oracle - 1) < 1e-12, `${c.transientCost} vs ${oracle}`);
});

test("power-law kernel with a book depth: the transient cost equals the exact double sum within the fit's error", () => {
  const X = 0.05 * ADV,
    stepMinutes = 5,
    A = 1.5,
    depth = 2e5;
  const p = plan(
    { transient: { kernel: 'power-law', amplitude: A, alpha: 0.5, t0Minutes: 3, depthShares: depth } },
    { shares: X, horizonMinutes: 180, stepMinutes },
  );
  const c = costsOf(p);
  const oracle = transientOracle(
    c.qty,
    stepMinutes,
    (t) => (1 + t / 3) ** -0.5,
    (_k, n) => A * SIGMA_DAILY * S0 * (n / depth),
    1,
  );
  const fitError = p.impact.kernel.maxRelativeError;
  assert.ok(fitError < 0.01, `fit error ${fitError}`);
  assert.ok(
    Math.abs(c.transientCost / oracle - 1) <= fitError,
    `${c.transientCost} vs ${oracle} (fit error ${fitError})`,
  );
});

test('one block of 5% of ADV pays its own transient impact: 1/2 A sigma_d s0 n^2 / R (linear impulse)', () => {
  const X = 0.05 * ADV,
    A = 0.8;
  const p = plan(
    { transient: { kernel: 'exponential', amplitude: A, halfLifeMinutes: 30 } },
    { shares: X, horizonMinutes: 60, stepMinutes: 30 },
    [{ type: 'schedule', fractions: [1, 0] }],
  );
  const c = costsOf(p);
  const rate = ADV; // flat curve: the day's volume at the current rate is ADV
  const exact = (0.5 * A * SIGMA_DAILY * S0 * X * X) / rate;
  assert.ok(c.transientCost > 0 && Math.abs(c.transientCost / exact - 1) < 1e-12, `${c.transientCost} vs ${exact}`);
  assert.ok(Math.abs(bps(c.transientCost, X) - 1e4 * 0.5 * A * SIGMA_DAILY * 0.05) < 1e-9);
});

/** The bar for grid convergence. */
const GRID_TOLERANCE = 0.05;

test('TWAP with a 30-minute half-life: the transient cost changes by < 5% from 5- to 1-minute steps (and 15 to 5 is close too)', () => {
  const X = 0.05 * ADV;
  const cost = (stepMinutes: number) =>
    bps(
      costsOf(
        plan(
          { transient: { kernel: 'exponential', amplitude: 0.8, halfLifeMinutes: 30 } },
          { shares: X, horizonMinutes: 390, stepMinutes },
        ),
      ).transientCost,
      X,
    );
  const [c1, c5, c15] = [cost(1), cost(5), cost(15)];
  assert.ok(Math.abs(c5 / c1 - 1) < GRID_TOLERANCE, `1 min ${c1}, 5 min ${c5}`);
  assert.ok(Math.abs(c15 / c1 - 1) < 2 * GRID_TOLERANCE, `1 min ${c1}, 15 min ${c15}`);
  // and the continuous-time limit of TWAP against an exponential kernel (rate r = X / T, decay k = ln 2 / half-life):
  // A sigma_d s0 r^2 / ADV int_0^T int_0^t e^{-k (t - s)} ds dt = ... (T / k - (1 - e^{-kT}) / k^2)
  const T = 390,
    k = Math.LN2 / 30,
    r = X / T;
  const continuous = bps(0.8 * SIGMA_DAILY * S0 * ((r * r) / ADV) * (T / k - (1 - Math.exp(-k * T)) / (k * k)), X);
  assert.ok(Math.abs(c1 / continuous - 1) < 0.01, `1 min ${c1} vs continuous ${continuous}`);
});

test('the canonical convention is unchanged: "relative" is its former name, halfLifeSteps its unit, no self-impact', () => {
  const impact = {
    type: 'relative',
    temporary: { eta: 0.01, beta: 0.6 },
    permanent: { gamma: 0.25 },
    transient: { kernel: 'exponential', amplitude: 0.002, halfLifeSteps: 30 },
  };
  const p = plan(impact, { shares: 1e5, horizonMinutes: 60, stepMinutes: 1 });
  assert.is(p.impact.transientSelf, 0);
  assert.ok(Math.abs(p.impact.temporaryScale[0]! - (0.01 * S0) / (ADV / 390) ** 0.6) < 1e-15);
});

test.run();
