// The square-root law check: every shipped example sits within a factor of 2 of sigma_d sqrt(Q / V) (or its
// description says where it sits and why), and impact written in the wrong units is flagged.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { squareRootCheck, FAR_ABOVE } from '../../src/eval/square-root-check.js';

const check = (raw: unknown) => {
  const config = parseEvaluationConfig(raw);
  return squareRootCheck(buildExecutionPlan(config, { paths: 1000 }), config.market.dailyVolume);
};

for (const file of readdirSync('examples').filter((f) => f.endsWith('.json'))) {
  test(`examples/${file}: VWAP's impact cost is within a factor of 2 of the square-root law, and the description says so`, () => {
    const raw = JSON.parse(readFileSync(`examples/${file}`, 'utf8'));
    const r = check(raw);
    assert.ok(
      r.impliedY >= 1 / FAR_ABOVE && r.impliedY <= FAR_ABOVE,
      `implied Y ${r.impliedY} (${r.impactBps} bps vs ${r.lawBps})`,
    );
    assert.is(r.warning, undefined);
    assert.match(String(raw.description), /square-root law|its own world|Almgren and Chriss/i);
  });
}

test("the 2005 paper's coefficients written in the canonical convention (no daily sigma) are flagged far above the law", () => {
  const r = check({
    market: {
      model: { type: 'gbm', s0: 100, sigma: 0.3 },
      dailyVolume: 1e7,
      impact: { type: 'canonical', temporary: { eta: 0.142, beta: 0.6 }, permanent: { gamma: 0.314 } },
    },
    order: { shares: 1e6, horizonMinutes: 390, stepMinutes: 15 },
    strategies: [{ type: 'twap' }],
  });
  assert.ok(r.impliedY > 5, `implied Y ${r.impliedY}`);
  assert.match(r.warning ?? '', /times the square-root law/);
});

test("the same coefficients in daily-volatility units (the preset) are within the law's range, with no warning", () => {
  const r = check({
    market: { model: { type: 'gbm', s0: 100, sigma: 0.3 }, dailyVolume: 1e7, impact: { preset: 'almgren-2005' } },
    order: { shares: 1e6, horizonMinutes: 390, stepMinutes: 15 },
    strategies: [{ type: 'twap' }],
  });
  assert.ok(r.impliedY > 0.1 && r.impliedY < FAR_ABOVE && r.warning === undefined, `implied Y ${r.impliedY}`);
});

test.run();
