// The quick learning experiments, with the assertions the issue asks of them (they run in CI in well under 3 minutes).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowexec } from '../support/cli.js';
import { ppoHeston } from '../../src/learn/experiments/ppo-heston.js';
import { createNodeEngine } from '../../src/runtime/node.js';

/** The bar for ppo-ac: within 3% of the exact optimum, on 1e5 common paths. */
const MAX_GAP_PCT = 3;

test('ppo-ac --quick ends with one JSON summary line and PPO within 3% of the Almgren-Chriss optimum', async () => {
  const r = await flowexec(['experiment', 'ppo-ac', '--quick', '--json']);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]!);
  for (const key of ['optimumObjective', 'ppoObjective', 'gapToOptimumPct', 'bestStatic', 'beatsBestStatic']) assert.ok(key in summary, key);
  // in the AC world the optimiser's static schedule is the AC optimum: the same objective within 3 SE
  assert.ok(Math.abs(summary.bestStatic.mean - summary.acMonteCarloObjective) < 3 * summary.bestStatic.stderr + 1e-3, `best static ${summary.bestStatic.mean} vs AC ${summary.acMonteCarloObjective}`);
  assert.ok(Math.abs(summary.optimumObjective - 255.0711116723869) < 1e-6, `optimum ${summary.optimumObjective}`);
  assert.ok(summary.gapToOptimumPct <= MAX_GAP_PCT && summary.rawGapToOptimumPct <= MAX_GAP_PCT, `gap ${summary.gapToOptimumPct}%`);
  // and it did not collapse to selling everything at once: it beats TWAP by more than its own sampling error
  assert.ok(summary.ppoObjective + 3 * summary.ppoStderr < summary.twapObjective, `PPO ${summary.ppoObjective} (SE ${summary.ppoStderr}) vs TWAP ${summary.twapObjective}`);
});

test('a bad --out stops an experiment before it trains (its policy would be lost at the end)', async () => {
  for (const [out, message] of [['/no/such/dir/policy.json', /--out: folder does not exist/], ['policy.txt', /--out must end in \.json/]] as const) {
    const r = await flowexec(['experiment', 'ppo-ac', '--quick', '--out', out]);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /iter /, 'no training ran');
  }
});

test('ppo-heston --quick beats TWAP with a paired 95% CI excluding zero, and reports the best static AC beside it', async () => {
  const r = await ppoHeston({ quick: true, engine: await createNodeEngine() });
  assert.ok(r.beatsTwap, `PPO - TWAP ${r.ppoMinusTwap.mean} CI ${r.ppoMinusTwap.ci95}`);
  assert.is(r.paths, 100_000);
  assert.ok(Number.isFinite(r.ppoMinusBestAc.mean) && r.acGrid.length > 5);
  // the best static AC is the grid's lowest objective
  assert.is(r.bestAc.mean, Math.min(...r.acGrid.map((g) => g.objective)));
  // the optimal static schedule is judged on the same paths, and no AC schedule of the grid beats it by 3 SE
  assert.ok(Number.isFinite(r.bestStatic.mean) && typeof r.beatsBestStatic === 'boolean');
  assert.ok(r.bestStatic.mean <= r.bestAc.mean + 3 * Math.hypot(r.bestStatic.stderr, r.bestAc.stderr), `best static ${r.bestStatic.mean} vs best AC ${r.bestAc.mean}`);
});

test.run();
