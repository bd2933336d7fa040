// Property: every evaluation config the schema's fields can express either fails validation with an InputError naming
// a field, or runs (tiny path counts) to finite statistics: never an internal error. 10k configs from fast-check,
// drawn field by field from the schema's domains and a little beyond them (zeros, bounds, mismatched lengths).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parseEvaluationConfig, orderGrid } from '../../src/eval/config.js';
import { runEvaluation } from '../../src/eval/evaluate.js';
import { InputError } from '../../src/errors/input-error.js';
import { wasmExecutor } from '../support/workloads.js';

/** The count; FLOWEXEC_PROPERTY_RUNS overrides it for a quick local run. */
const RUNS = Number(process.env.FLOWEXEC_PROPERTY_RUNS ?? 10_000);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
/** Mostly inside [min, max], sometimes a bound, rarely 0 (which many fields refuse). */
const num = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.double({ min, max, noNaN: true }), weight: 40 },
    { arbitrary: fc.constantFrom(min, max), weight: 2 },
    { arbitrary: fc.constant(0), weight: 1 },
  );
/** Objects without the undefined-valued keys (absent, as in a JSON file). */
const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const model = fc.oneof(
  fc
    .record({
      type: fc.constant('heston'),
      s0: num(0.01, 1000),
      v0: num(0, 1),
      kappa: num(0, 10),
      theta: num(0, 1),
      xi: num(0, 2),
      rho: num(-1, 1),
      scheme: opt(fc.constantFrom('euler', 'qe')),
    })
    .map(clean),
  fc.record({ type: fc.constant('gbm'), s0: num(0.01, 1000), sigma: num(0, 2) }),
  fc.record({ type: fc.constant('abm'), s0: num(0.01, 1000), sigmaPerSqrtDay: num(0, 5) }),
);
const transient = fc.oneof(
  fc
    .record({
      kernel: fc.constant('exponential'),
      amplitude: num(0, 0.05),
      halfLifeSteps: num(0.1, 100),
      beta: opt(num(0.1, 2)),
    })
    .map(clean),
  fc
    .record({
      kernel: fc.constant('power-law'),
      amplitude: num(0, 0.05),
      alpha: num(0.1, 2),
      t0Steps: num(0.1, 50),
      beta: opt(num(0.1, 2)),
      components: opt(fc.integer({ min: 4, max: 16 })),
    })
    .map(clean),
);
const impact = fc.oneof(
  fc
    .record({
      temporary: opt(fc.record({ eta: num(0, 1), beta: num(0.1, 2) })),
      permanent: opt(fc.record({ gamma: num(0, 2) })),
      transient: opt(transient),
      spread: opt(fc.record({ halfSpreadBps: num(0, 50) })),
    })
    .map(clean),
  fc.record({ type: fc.constant('almgren-chriss'), epsilon: num(0, 1), eta: num(0, 1e-4), gamma: num(0, 1e-5) }),
);
const volumeCurve = fc.oneof(
  fc.constant({ type: 'flat' }),
  fc
    .record({ type: fc.constant('u-shape'), open: opt(num(0, 10)), close: opt(num(0, 10)), decay: opt(num(0.01, 1)) })
    .map(clean),
  fc.record({ type: fc.constant('array'), fractions: fc.array(num(0.001, 1), { minLength: 1, maxLength: 40 }) }),
);
const order = fc
  .record({
    side: opt(fc.constantFrom('sell', 'buy')),
    shares: num(1, 1e7),
    horizon: fc.oneof(
      { arbitrary: fc.record({ horizonMinutes: fc.constantFrom(15, 30, 60, 120, 390, 780) }), weight: 4 },
      fc.record({ horizonMinutes: num(1, 780) }),
      fc.record({ horizonDays: fc.oneof(fc.constantFrom(0.5, 1, 2), num(0.05, 2)) }),
    ),
    grid: fc.oneof(
      fc.constant({}),
      fc.record({ stepMinutes: fc.constantFrom(1, 5, 7, 15, 30, 60) }),
      fc.record({ steps: fc.integer({ min: 1, max: 120 }) }),
    ),
    startMinute: fc.option(fc.integer({ min: 0, max: 389 }), { nil: undefined, freq: 2 }),
    participationCap: opt(num(0.01, 1)),
  })
  .map(({ horizon, grid, ...rest }) => clean({ ...rest, ...horizon, ...grid }));
const strategy = fc.oneof(
  fc.constant({ type: 'twap' }),
  fc.constant({ type: 'vwap' }),
  fc
    .record({ type: fc.constant('pov'), rate: num(0.01, 1), catchUpSteps: opt(fc.integer({ min: 1, max: 20 })) })
    .map(clean),
  fc
    .record({ type: fc.constantFrom('almgren-chriss', 'adaptive-almgren-chriss'), riskAversion: opt(num(0, 1000)) })
    .map(clean),
  fc.record({ type: fc.constant('schedule'), fractions: fc.array(num(0, 1), { minLength: 1, maxLength: 40 }) }),
);
const evaluation = fc
  .record({
    paths: fc.integer({ min: 1, max: 40 }),
    seed: opt(fc.integer({ min: 0, max: 1e6 })),
    riskAversion: opt(num(0, 1000)),
    frontier: opt(fc.array(num(0, 500), { maxLength: 2 })),
    completion: opt(fc.constantFrom('cleanup', 'opportunity', 'penalty')),
    penaltyBpsPerShare: fc.option(num(0, 500), { nil: undefined, freq: 2 }),
    completionThreshold: opt(num(0.5, 1)),
  })
  .map(clean);
/** Makes the cross-field parts of a config consistent (array lengths, penalty with its rule, a start before the close). */
function consistent(c: any): any {
  let steps: number;
  try {
    steps = orderGrid(c.order).steps;
  } catch {
    return c;
  }
  const fit = (a: number[]) => Array.from({ length: steps }, (_, k) => a[k % a.length]!);
  if (c.market.volumeCurve?.type === 'array') c.market.volumeCurve.fractions = fit(c.market.volumeCurve.fractions);
  for (const s of c.strategies)
    if (s.type === 'schedule') s.fractions = fit(s.fractions.map((f: number, k: number) => (k === 0 ? f + 0.1 : f)));
  if (c.evaluation.completion === 'penalty') c.evaluation.penaltyBpsPerShare ??= 10;
  else delete c.evaluation.penaltyBpsPerShare;
  if (c.order.startMinute)
    c.order.startMinute = Math.min(
      c.order.startMinute,
      Math.max(0, 390 - (c.order.horizonMinutes ?? 390 * c.order.horizonDays)),
    );
  return c;
}
const config = fc
  .record({
    market: fc
      .record({ model, dailyVolume: num(1e3, 1e9), volumeCurve: opt(volumeCurve), impact: opt(impact) })
      .map(clean),
    order,
    strategies: fc.uniqueArray(strategy, { minLength: 1, maxLength: 4, selector: (s) => JSON.stringify(s) }),
    evaluation,
    fix: fc.boolean(),
  })
  .map(({ fix, ...c }) => (fix ? consistent(structuredClone(c)) : c));

test(`${RUNS} generated configs: each is refused naming a field or runs to finite numbers, never an internal error`, async () => {
  const executor = await wasmExecutor();
  let valid = 0,
    refused = 0;
  await fc.assert(
    fc.asyncProperty(config, async (c) => {
      let parsed;
      try {
        parsed = parseEvaluationConfig(structuredClone(c));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        assert.ok(/^[\w.]+: /.test(error.message) || /^order: /.test(error.message), `names a field: ${error.message}`);
        refused++;
        return;
      }
      const r = await runEvaluation(parsed, executor);
      for (const s of r.strategies)
        assert.ok(Number.isFinite(s.mean) && Number.isFinite(s.score) && s.completion >= 0, `${s.name}: ${s.mean}`);
      valid++;
    }),
    { numRuns: RUNS, seed: 20261203 },
  );
  // the session rule and the impact checks refuse most random orders; 5% of runs is still hundreds of real evaluations
  assert.ok(valid > RUNS / 20 && refused > RUNS / 20, `both branches exercised: ${valid} ran, ${refused} refused`);
});

test.run();
