// Historical replay: exact oracles on a synthetic day (flat price: IS is the spread and the configured impact; a
// falling price: TWAP's timing cost is the average fall), the participation cap on the real volume, and the
// shipped BAC days end to end.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig, orderGrid } from '../../src/eval/config.js';
import { buildExecutionPlan } from '../../src/eval/execution-plan.js';
import { runReplay, type ReplayDayInput } from '../../src/eval/replay.js';
import { flowexec } from '../support/cli.js';

const market = (eta: number, halfSpreadBps: number) => ({
  model: { type: 'gbm', s0: 100, sigma: 0.2 },
  dailyVolume: 390_000,
  impact: { type: 'canonical', temporary: { eta, beta: 1 }, permanent: { gamma: 0 }, spread: { halfSpreadBps } },
});

function setup(m: unknown, order: Record<string, unknown>, strategies: unknown[]) {
  const config = parseEvaluationConfig({
    market: m,
    order: { shares: 6000, horizonMinutes: 60, ...order },
    strategies,
  });
  return { config, plan: buildExecutionPlan(config, { paths: 1000 }), steps: orderGrid(config.order).steps };
}

function day(steps: number, price: (k: number) => number, volume = 1000): ReplayDayInput {
  return {
    date: '2024-01-02',
    arrivalPrice: price(0),
    price: Float64Array.from({ length: steps }, (_, k) => price(k)),
    volume: new Float64Array(steps).fill(volume),
    halfSpreadBps: new Float64Array(steps).fill(NaN),
    closePrice: price(steps - 1),
  };
}

test('on a flat price, TWAP pays exactly the half spread plus the linear temporary impact', () => {
  const { config, plan, steps } = setup(market(0.01, 2), {}, [{ type: 'twap' }]);
  const r = runReplay(plan, config, [day(steps, () => 100)]);
  const o = r.days[0]!.outcomes.twap!;
  // n = 100 shares a step into 1000 of volume: eta s0 n / V per share = 0.01 x 100 x 0.1 = 0.1 = 10 bp; spread 2 bp
  assert.ok(Math.abs(o.temporary - 10) < 1e-9, `temporary ${o.temporary}`);
  assert.ok(Math.abs(o.spread - 2) < 1e-9, `spread ${o.spread}`);
  assert.ok(Math.abs(o.isBps - 12) < 1e-9);
  assert.is(o.filledFraction, 1);
});

test('on a falling price, TWAP sells at the average price: its timing cost is the mean fall, and the parts sum to IS', () => {
  const { config, plan, steps } = setup(market(0, 0), {}, [{ type: 'twap' }]);
  const r = runReplay(plan, config, [day(steps, (k) => 100 - 0.01 * k)]);
  const o = r.days[0]!.outcomes.twap!;
  const meanFall = (0.01 * (steps - 1)) / 2; // dollars below the arrival price 100
  assert.ok(Math.abs(o.timing - meanFall * 100) < 1e-9, `timing ${o.timing} bp`);
  assert.ok(Math.abs(o.timing + o.permanent + o.temporary + o.spread + o.opportunity - o.isBps) < 1e-12);
});

test('the participation cap binds on the real volume and leaves the rest unfilled, marked at the close', () => {
  const { config, plan, steps } = setup(market(0, 0), { participationCap: 0.05 }, [{ type: 'twap' }]);
  const r = runReplay(plan, config, [day(steps, (k) => (k === steps - 1 ? 99 : 100))]);
  const o = r.days[0]!.outcomes.twap!;
  assert.ok(Math.abs(o.filledFraction - 0.5) < 1e-12, 'at most 50 of the 100 shares a step');
  assert.ok(o.maxParticipation <= 0.05 + 1e-12);
  assert.ok(
    Math.abs(o.opportunity - 0.5 * 100) < 1e-9,
    `half the order marked 1 dollar lower: 50 bp, got ${o.opportunity}`,
  );
});

test('paired differences across days use the t interval of the per-day differences', () => {
  const { config, plan, steps } = setup(market(0.01, 0), {}, [{ type: 'twap' }, { type: 'pov', rate: 0.2 }]);
  const days = [0, 1, 2].map((i) => day(steps, (k) => 100 + (i - 1) * 0.001 * k, 1000 + 200 * i));
  const r = runReplay(plan, config, days);
  const p = r.paired[0]!;
  const diffs = r.days.map((d) => d.outcomes[p.strategy]!.isBps - d.outcomes[p.versus]!.isBps);
  const mean = diffs.reduce((a, b) => a + b, 0) / 3;
  assert.ok(Math.abs(p.meanBps - mean) < 1e-12);
  assert.ok(p.ci95[0] <= mean && mean <= p.ci95[1]);
});

test('replay on the shipped BAC days runs end to end with the calibrated market', async () => {
  const r = await flowexec([
    'replay',
    'data/lean-2013-10/minute_trade.csv',
    '--symbol',
    'BAC',
    '--order',
    'examples/real-markets/sell-bac.json',
    '--json',
  ]);
  assert.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.is(out.days.length, 6);
  assert.is(out.dataQuality.bars, 2340);
  for (const s of out.strategies) {
    const t = out.total[s];
    assert.ok(
      Number.isFinite(t.isBps) &&
        Math.abs(t.timing + t.permanent + t.temporary + t.spread + t.opportunity - t.isBps) < 1e-9,
    );
  }
});

test('replay refuses closed-loop strategies and orders past the close with exit 2', async () => {
  const r = await flowexec([
    'replay',
    'data/lean-2013-10/minute_trade.csv',
    '--symbol',
    'BAC',
    '--order',
    'test/fixtures/replay-too-long.json',
  ]);
  assert.is(r.status, 2);
});

test.run();
