// Price advantage (PA), gain-loss ratio and positive rate of every strategy, on both the static kernel's route and the
// environment's: exactly 0 for TWAP without impact, the execution cost's mirror with impact.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { runEvaluation, type EvaluationResult } from '../../src/eval/evaluate.js';
import { wasmExecutor } from '../support/workloads.js';

/** Deterministic identities computed in floating point: rounding. */
const ROUNDING = 1e-9;
/** Monte Carlo against an expectation: 3 standard errors. */
const SE_TOLERANCE = 3;
const executor = await wasmExecutor();
const byName = (r: EvaluationResult, name: string) => r.strategies.find((s) => s.name === name)!;

function config(
  impact: Record<string, unknown>,
  market: Record<string, unknown> = {},
  strategies: unknown[] = [{ type: 'twap' }],
) {
  return parseEvaluationConfig({
    market: {
      model: { type: 'gbm', s0: 40, sigma: 0.3 },
      dailyVolume: 5e6,
      impact: { type: 'daily-volatility', ...impact },
      ...market,
    },
    order: { side: 'buy', shares: 2.5e5, horizonMinutes: 390, stepMinutes: 15 },
    strategies,
    evaluation: { paths: 8000 },
  });
}

for (const route of ['static kernel', 'environment'] as const) {
  // seasonality sends every strategy through the environment (a path-dependent market)
  const market = route === 'environment' ? { volatilityCurve: { type: 'u-shape' } } : {};

  test(`${route}: TWAP without impact trades at the window's average price on every path (PA = 0)`, async () => {
    const twap = byName(await runEvaluation(config({}, market), executor), 'twap');
    assert.ok(Math.abs(twap.priceAdvantageBps) < ROUNDING, `${twap.priceAdvantageBps}`);
    assert.ok(twap.priceAdvantageStderr < ROUNDING);
  });

  test(`${route}: with impact TWAP's PA is minus its execution cost scaled by s0 / P, and GLR and the positive rate are defined`, async () => {
    const impact = { temporary: { eta: 0.5, beta: 0.6 }, spread: { halfSpreadBps: 2 } };
    const strategies = [{ type: 'twap' }, { type: 'almgren-chriss', riskAversion: 200 }];
    const r = await runEvaluation(config(impact, market, strategies), executor);
    const twap = byName(r, 'twap');
    const costBps = twap.attribution.temporary.mean + twap.attribution.spread.mean;
    // PA = -(C / X P) 1e4 with C deterministic for TWAP here, P the window's average price (E[1 / P] ~ 1 / s0)
    assert.ok(twap.priceAdvantageBps < 0 && Math.abs(-twap.priceAdvantageBps / costBps - 1) < 0.01);
    const ac = r.strategies.find((s) => s.type === 'almgren-chriss')!;
    assert.ok(ac.positiveRate > 0 && ac.positiveRate < 1, `${ac.positiveRate}`);
    assert.ok(ac.gainLossRatio !== null && ac.gainLossRatio > 0);
    // front-loading a buy in a driftless market: PA's mean is minus the extra impact, within its standard error
    assert.ok(ac.priceAdvantageBps < twap.priceAdvantageBps + SE_TOLERANCE * ac.priceAdvantageStderr);
  });
}

test.run();
