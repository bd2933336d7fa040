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
  for (const key of ['optimumObjective', 'ppoObjective', 'gapToOptimumPct']) assert.ok(key in summary, key);
  assert.ok(Math.abs(summary.optimumObjective - 255.0711116723869) < 1e-6, `optimum ${summary.optimumObjective}`);
  assert.ok(summary.gapToOptimumPct <= MAX_GAP_PCT && summary.rawGapToOptimumPct <= MAX_GAP_PCT, `gap ${summary.gapToOptimumPct}%`);
  // and it did not collapse to selling everything at once: it beats TWAP by a wide margin
  assert.ok(summary.ppoObjective < summary.twapObjective - 50, `PPO ${summary.ppoObjective} vs TWAP ${summary.twapObjective}`);
});

test('ppo-heston --quick beats TWAP with a paired 95% CI excluding zero, and reports the best static AC beside it', async () => {
  const r = await ppoHeston({ quick: true, engine: await createNodeEngine() });
  assert.ok(r.beatsTwap, `PPO - TWAP ${r.ppoMinusTwap.mean} CI ${r.ppoMinusTwap.ci95}`);
  assert.ok(r.ppoMinusTwap.ci95[1] < 0 && r.paths === 100_000);
  assert.ok(Number.isFinite(r.ppoMinusBestAc.mean) && r.acGrid.length > 5);
  assert.is(r.beatsBestAc, r.ppoMinusBestAc.ci95[1] < 0);
});

test.run();
