// From a parsed question to the config `flowexec evaluate` takes: defaults, regime markets, POV and risk slots, the
// what-if on the last run (its market, order and step grid), the work cap, and sizes the config refuses.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { parseQuestion } from '../../src/assistant/grammar.js';
import { buildRequest, ASSISTANT_PATHS } from '../../src/assistant/request.js';
import { parseEvaluationConfig, orderGrid } from '../../src/eval/config.js';
import { InputError } from '../../src/errors/input-error.js';

const build = (q: string, context = {}) => buildRequest(parseQuestion(q), context);

test("the issue's comparison becomes a valid config: 2M shares, 120 one-minute steps, 40% volatility, TWAP and VWAP", () => {
  const { request, config } = build(
    'compare TWAP and VWAP for selling 2M shares of a high-volatility stock over 2 hours',
  );
  assert.equal(parseEvaluationConfig(config), config);
  assert.is(config.order.shares, 2_000_000);
  assert.is(orderGrid(config.order).steps, 120);
  assert.is(config.market.model.type === 'heston' && config.market.model.v0, 0.16);
  assert.equal(config.strategies, [{ type: 'twap' }, { type: 'vwap' }]);
  assert.is(request.paths, ASSISTANT_PATHS);
});

test('"best" with no strategy named evaluates the five classics; low liquidity means 2M shares a day', () => {
  const { config } = build('which strategy is best in low liquidity?');
  assert.equal(
    config.strategies.map((s) => s.type),
    ['twap', 'vwap', 'pov', 'almgren-chriss', 'adaptive-almgren-chriss'],
  );
  assert.is(config.market.dailyVolume, 2_000_000);
});

test('POV rates, caps, risk aversion, ADV and money sizes reach the config', () => {
  assert.equal(build('compare POV at 5% and 20%').config.strategies, [
    { type: 'pov', rate: 0.05 },
    { type: 'pov', rate: 0.2 },
  ]);
  assert.is(build('sell 1M shares with VWAP, cap participation at 20%').config.order.participationCap, 0.2);
  const risky = build('compare twap and almgren chriss with risk aversion 100').config;
  assert.is(risky.evaluation.riskAversion, 100);
  assert.equal(risky.strategies[1], { type: 'almgren-chriss', riskAversion: 100 });
  assert.is(build('sell 5% of ADV with VWAP').config.order.shares, 1_000_000);
  assert.is(build('sell $10M of stock over 3 hours with twap').config.order.shares, 100_000);
});

test('a what-if changes the last run: its market, order and step grid stay, its best strategy is the baseline', () => {
  const base = parseEvaluationConfig(JSON.parse(readFileSync('examples/almgren-chriss.json', 'utf8')));
  const baseline = base.strategies[3]!;
  const { request, config } = build('what if I use POV at 10%?', { base, baseline });
  assert.is(request.market, 'last run');
  assert.equal(config.market, base.market);
  assert.is(orderGrid(config.order).steps, 5);
  assert.equal(config.strategies, [{ type: 'pov', rate: 0.1 }, baseline]);
  // without a last run the same question runs POV beside TWAP in the standard market
  assert.equal(build('what if I use POV at 10%?').config.strategies, [{ type: 'pov', rate: 0.1 }, { type: 'twap' }]);
});

test('the work cap lowers the paths to fit (never below 1,000)', () => {
  const { config } = build('which strategy is best?', { maxPathSteps: 5_000_000 });
  assert.is(config.evaluation.paths, 2000); // 5e6 / (390 steps x 5 strategies) = 2564 -> 2000
});

test('an order the config refuses is an InputError naming the field', () => {
  assert.throws(
    () => build('sell 20 billion shares with twap'),
    (e: unknown) => e instanceof InputError && /order\.shares: must be <= 1e10/.test((e as Error).message),
  );
});

test.run();
