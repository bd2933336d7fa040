// Path-dependent markets: impact at the volatility a trade meets (exact against a deterministic Heston variance),
// intraday volatility seasonality (exact variance of IS under ABM), stochastic volume (POV's mean fill, VWAP's
// tracking error), each through `evaluate`'s code path.
// test-timeout-s: 300
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation, type EvaluationResult } from '../../src/eval/evaluate.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { envSpecFor } from '../../src/eval/closed-loop.js';
import { POLICY_POV, ROLLOUT_COLUMNS } from '../../src/engine/env-layout.js';
import { stepSeason } from '../../src/market/path-market.js';
import { wasmExecutor } from '../support/workloads.js';
import { wasm } from '../support/contract.js';

/** Monte Carlo against an exact value: 3 standard errors. */
const SE_TOLERANCE = 3;
/** Deterministic quantities computed two ways (engine vs plain formula): relative rounding. */
const ROUNDING = 1e-9;
const executor = await wasmExecutor();
const byName = (r: EvaluationResult, name: string) => r.strategies.find((s) => s.name === name)!;

const S0 = 50,
  ADV = 4e6,
  X = 2e5;

function hestonConfig(volatility: 'path' | 'arrival', xi: number, paths = 2000) {
  return parseEvaluationConfig({
    market: {
      model: { type: 'heston', s0: S0, v0: 0.04, kappa: 50, theta: 0.16, xi, rho: -0.5, scheme: 'euler' },
      dailyVolume: ADV,
      impact: { volatility, temporary: { eta: 0.3, beta: 0.6 } },
    },
    order: { side: 'sell', shares: X, horizonDays: 2, stepMinutes: 30 },
    strategies: [{ type: 'twap' }],
    evaluation: { paths },
  });
}

test('impact at the path volatility: with a deterministic variance (xi = 0) the temporary cost is the exact sum of eta sigma_d s0 (n/V)^beta n sqrt(v_k / v0)', async () => {
  const steps = 26,
    n = X / steps,
    V = (ADV * 30) / 390,
    dt = 30 / 390 / 252;
  const sigmaDaily = Math.sqrt(0.04 / 252);
  let v = 0.04,
    pathCost = 0,
    arrivalCost = 0;
  for (let k = 0; k < steps; k++) {
    const perShare = 0.3 * sigmaDaily * S0 * (n / V) ** 0.6;
    pathCost += n * perShare * Math.sqrt(v / 0.04);
    arrivalCost += n * perShare;
    v = v + 50 * (0.16 - v) * dt; // full-truncation Euler with xi = 0: the variance's drift only
  }
  const toBps = 1e4 / (X * S0);
  const path = byName(await runEvaluation(hestonConfig('path', 0), executor), 'twap');
  const arrival = byName(await runEvaluation(hestonConfig('arrival', 0), executor), 'twap');
  assert.ok(
    Math.abs(path.attribution.temporary.mean / (pathCost * toBps) - 1) < ROUNDING,
    `${path.attribution.temporary.mean} vs ${pathCost * toBps}`,
  );
  assert.ok(Math.abs(arrival.attribution.temporary.mean / (arrivalCost * toBps) - 1) < ROUNDING);
  assert.ok(path.attribution.temporary.mean > 1.2 * arrival.attribution.temporary.mean, 'the rising variance costs');
  assert.is(path.oracleMean, null, 'no static oracle once impact is path-dependent');
});

test('under Heston with vol of vol the temporary cost varies from path to path with the variance it meets', async () => {
  const path = byName(await runEvaluation(hestonConfig('path', 1.5), executor), 'twap');
  const arrival = byName(await runEvaluation(hestonConfig('arrival', 1.5), executor), 'twap');
  assert.ok(path.attribution.temporary.stderr > 0, 'random');
  assert.ok(
    arrival.attribution.temporary.stderr < ROUNDING * arrival.attribution.temporary.mean,
    'deterministic at the arrival volatility',
  );
  assert.ok(path.attribution.temporary.stderr > 1e3 * arrival.attribution.temporary.stderr);
});

function abmConfig(market: Record<string, unknown>, strategies: unknown[], evaluation: Record<string, unknown> = {}) {
  return parseEvaluationConfig({
    market: {
      model: { type: 'abm', s0: S0, sigmaPerSqrtDay: 1 },
      dailyVolume: ADV,
      volumeCurve: { type: 'u-shape' },
      impact: { type: 'daily-volatility' },
      ...market,
    },
    order: { side: 'sell', shares: X, horizonMinutes: 390, stepMinutes: 15 },
    strategies,
    evaluation: { paths: 20_000, ...evaluation },
  });
}

test('seasonality: the variance of TWAP IS under ABM is sum_j x_j^2 sigma^2 s_j^2 dt (exact), far from the flat day', async () => {
  const curve = { type: 'u-shape' as const, open: 3.2, close: 1, decay: 0.1 };
  const result = await runEvaluation(abmConfig({ volatilityCurve: curve }, [{ type: 'twap' }]), executor);
  const twap = byName(result, 'twap');
  const steps = 26,
    n = X / steps;
  const season = stepSeason(curve, steps, 15, 0)!;
  const sigmaStep2 = (1 * 1 * 15) / 390; // sigma per sqrt(day) squared, times the step in days
  let variance = 0,
    flat = 0;
  for (let j = 0; j < steps; j++) {
    const after = X - n * (j + 1); // shares still to trade when step j's move happens
    variance += after * after * sigmaStep2 * season[j]! ** 2;
    flat += after * after * sigmaStep2;
  }
  const toBps = 1e4 / (X * S0);
  const expected = variance * toBps * toBps,
    sampleVariance = twap.std * twap.std;
  // the sample variance of a normal has standard error variance sqrt(2 / (n - 1))
  const se = expected * Math.sqrt(2 / (result.paths - 1));
  assert.ok(Math.abs(sampleVariance - expected) < SE_TOLERANCE * se, `${sampleVariance} vs ${expected} +- ${se}`);
  assert.ok(Math.abs(flat * toBps * toBps - expected) > 10 * se, 'the profile matters');
  assert.ok(Math.abs(season.reduce((a, s) => a + s * s, 0) / steps - 1) < 1e-12, 'a whole day keeps its variance');
});

test('VWAP without impact on the curve volume tracks the market VWAP exactly; on noisy volume it has a tracking error around a zero mean', async () => {
  const deterministic = byName(await runEvaluation(abmConfig({}, [{ type: 'vwap' }]), executor), 'vwap');
  assert.ok(Math.abs(deterministic.vwapSlippageBps) < 1e-9, `${deterministic.vwapSlippageBps}`);
  assert.ok(deterministic.trackingErrorBps < 1e-9, `${deterministic.trackingErrorBps}`);
  const noisy = byName(
    await runEvaluation(
      abmConfig({ stochasticVolume: { noise: 0.5, persistence: 0.8 } }, [{ type: 'vwap' }]),
      executor,
    ),
    'vwap',
  );
  assert.ok(noisy.trackingErrorBps > 0.5, `tracking error ${noisy.trackingErrorBps} bps`);
  // prices are a martingale independent of the volume noise: the slippage has mean zero
  assert.ok(Math.abs(noisy.vwapSlippageBps) < SE_TOLERANCE * noisy.vwapSlippageStderr);
});

test('POV on noisy volume executes rate x the market volume on average (E[u] = 1), and the fill varies from path to path', () => {
  const rate = 0.05;
  const config = abmConfig({ stochasticVolume: { noise: 0.6, persistence: 0.5 } }, [{ type: 'pov', rate }], {
    completion: 'opportunity',
  });
  const big = { ...config, order: { ...config.order, shares: 1e7 } }; // more than POV can fill: never completes
  const plan = buildExecutionPlan(big);
  const paths = 8192;
  const out = new Float64Array(ROLLOUT_COLUMNS * paths);
  wasm.closedLoopRollout(envSpecFor(plan), 0, paths, { kind: POLICY_POV, params: Float64Array.of(rate) }, out, paths);
  const executed = out.subarray(6 * paths, 7 * paths);
  const mean = executed.reduce((a, b) => a + b, 0) / paths;
  const sd = Math.sqrt(executed.reduce((a, b) => a + (b - mean) ** 2, 0) / (paths - 1));
  const expected = rate * plan.stepVolume.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(mean - expected) < (SE_TOLERANCE * sd) / Math.sqrt(paths), `${mean} vs ${expected}`);
  assert.ok(sd > 0.05 * expected, 'the fill is random');
  assert.is(plan.strategies[0]!.kind, 'closed-loop', 'POV follows the realised volume');
});

test('bad path-market input is refused with the field named', () => {
  const base = JSON.parse(JSON.stringify(hestonConfig('path', 0.5)));
  const qe = {
    ...base,
    market: { ...base.market, model: { ...base.market.model, scheme: 'qe' }, volatilityCurve: { type: 'u-shape' } },
  };
  assert.throws(() => parseEvaluationConfig(qe), /market\.volatilityCurve: the QE scheme/);
  const noise = { ...base, market: { ...base.market, stochasticVolume: { noise: -1 } } };
  assert.throws(() => parseEvaluationConfig(noise), /market\.stochasticVolume\.noise/);
  const vol = { ...base, market: { ...base.market, impact: { ...base.market.impact, volatility: 'current' } } };
  assert.throws(() => parseEvaluationConfig(vol), /market\.impact\.volatility/);
});

test.run();
