// The quick learning experiments, with the assertions the issue asks of them (they run in CI in well under 3 minutes).
// test-timeout-s: 600
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flowexec } from '../support/cli.js';
import { ppoHeston } from '../../src/learn/experiments/ppo-heston.js';
import { createNodeEngine } from '../../src/runtime/node.js';

/** The bar for ppo-ac: within 3% of the exact optimum, on 1e5 common paths. */
const MAX_GAP_PCT = 3;
/** Monte Carlo checks: means within 3 standard errors (a false failure about 3 times in 1000). */
const K_SE = 3;

test('ppo-ac --quick ends with one JSON summary line and PPO within 3% of the Almgren-Chriss optimum', async () => {
  const r = await flowexec(['experiment', 'ppo-ac', '--quick', '--json']);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  const summary = JSON.parse(lines[lines.length - 1]!);
  for (const key of [
    'optimumObjective',
    'ppoObjective',
    'gapToOptimumPct',
    'acMonteCarloObjective',
    'acMonteCarloStderr',
    'bestStatic',
    'beatsBestStatic',
  ])
    assert.ok(key in summary, key);
  // in the AC world the optimiser's static schedule is the AC optimum: the same objective within 3 SE
  assert.ok(
    Math.abs(summary.bestStatic.mean - summary.acMonteCarloObjective) < 3 * summary.bestStatic.stderr + 1e-3,
    `best static ${summary.bestStatic.mean} vs AC ${summary.acMonteCarloObjective}`,
  );
  assert.ok(Math.abs(summary.optimumObjective - 255.0711116723869) < 1e-6, `optimum ${summary.optimumObjective}`);

  // the environment against the closed form: the AC schedule's Monte Carlo objective is the exact one within 3 SE,
  // where the SE is the closed form's (the cost per path is normal with a known spread), and the measured SE is that
  // one: a sample SD of n normal draws has a relative standard error of 1 / sqrt(2 (n - 1))
  const {
    acMonteCarloObjective: acMc,
    acMonteCarloStderr: acSe,
    acClosedFormStderr: exactSe,
    optimumObjective: optimum,
    paths,
  } = summary;
  assert.ok(
    Math.abs(acMc - optimum) <= K_SE * exactSe,
    `AC by Monte Carlo ${acMc} vs closed form ${optimum} (SE ${exactSe})`,
  );
  assert.ok(
    Math.abs(acSe / exactSe - 1) <= K_SE / Math.sqrt(2 * (paths - 1)),
    `SE measured ${acSe} vs closed form ${exactSe}`,
  );

  // PPO's gap to the optimum, both sides: at most 3% above it, and not below it beyond sampling noise (nothing beats
  // the optimum), on common paths (paired) and on PPO's own paths (raw)
  assert.ok(
    summary.gapToOptimumPct <= MAX_GAP_PCT && summary.rawGapToOptimumPct <= MAX_GAP_PCT,
    `gap ${summary.gapToOptimumPct}%`,
  );
  assert.ok(
    summary.pairedGap.mean >= -K_SE * summary.pairedGap.stderr,
    `PPO - AC ${summary.pairedGap.mean} (SE ${summary.pairedGap.stderr}) beats the optimum`,
  );
  const rawSe = Math.hypot(summary.ppoStderr, exactSe);
  assert.ok(
    summary.ppoObjective - optimum >= -K_SE * rawSe,
    `PPO ${summary.ppoObjective} below the optimum ${optimum} by more than ${K_SE} SE (${rawSe})`,
  );
  // and it did not collapse to selling everything at once: it beats TWAP by more than its own sampling error
  assert.ok(
    summary.ppoObjective + K_SE * summary.ppoStderr < summary.twapObjective,
    `PPO ${summary.ppoObjective} (SE ${summary.ppoStderr}) vs TWAP ${summary.twapObjective}`,
  );
});

test('a bad --out stops an experiment before it trains (its policy would be lost at the end)', async () => {
  for (const [out, message] of [
    ['/no/such/dir/policy.json', /--out: folder does not exist/],
    ['policy.txt', /--out must end in \.json/],
  ] as const) {
    const r = await flowexec(['experiment', 'ppo-ac', '--quick', '--out', out]);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /iter /, 'no training ran');
  }
});

/**
 * The quick ppo-heston (40 iterations) does not beat the static baselines: measured PPO 79.17, best static
 * (optimiser) 71.89, best AC 72.26 (volume clock, curvature-matched, at the objective's own risk aversion 100),
 * paired gap to the best AC +6.92 bps (SE 0.06), 9.6% of its objective. The bar below guards that level; the full
 * run (300 iterations) is what the README's claims rest on.
 */
const MAX_QUICK_GAP_TO_BEST_AC_PCT = 12;
/** Curvature-matched AC on the volume clock at the objective's own risk aversion: measured 0.5% above the optimiser. */
const MAX_OWN_AC_GAP_TO_BEST_STATIC_PCT = 2;

test("ppo-heston --quick beats TWAP and comes within 12% of the best static AC; the AC at its own risk aversion is near the optimiser's schedule", async () => {
  const r = await ppoHeston({ quick: true, engine: await createNodeEngine() });
  assert.is(r.paths, 100_000);
  assert.ok(r.beatsTwap, `PPO - TWAP ${r.ppoMinusTwap.mean} CI ${r.ppoMinusTwap.ci95}`);
  assert.ok(r.ppoMinusTwap.ci95[1] < 0);
  // the best static AC is the grid's lowest objective, inside the grid (so the grid brackets the static optimum)
  const objectives = r.acGrid.map((g) => g.objective);
  assert.is(r.bestAc.mean, Math.min(...objectives));
  const bestAt = objectives.indexOf(r.bestAc.mean);
  assert.ok(
    bestAt > 0 && bestAt < objectives.length - 1,
    `best AC at the edge of the grid (risk aversion ${r.bestAc.riskAversion})`,
  );
  // the AC schedule of the objective's own risk aversion is within 2% of the optimiser's best static schedule
  const own = r.acGrid.find((g) => g.riskAversion === r.riskAversion)!;
  assert.ok(
    (100 * (own.objective - r.bestStatic.mean)) / r.bestStatic.mean <= MAX_OWN_AC_GAP_TO_BEST_STATIC_PCT,
    `AC(${r.riskAversion}) ${own.objective} vs best static ${r.bestStatic.mean}`,
  );
  // against the best AC: the verdict follows the paired CI, and the gap stays within the bar either way
  assert.is(r.beatsBestAc, r.ppoMinusBestAc.ci95[1] < 0);
  const gapPct = (100 * r.ppoMinusBestAc.mean) / r.bestAc.mean;
  assert.ok(
    gapPct <= MAX_QUICK_GAP_TO_BEST_AC_PCT,
    `PPO - best AC ${r.ppoMinusBestAc.mean} bps (SE ${r.ppoMinusBestAc.stderr}) = ${gapPct}% of the best AC`,
  );
  // the optimal static schedule is judged on the same paths, and no AC schedule of the grid beats it by 3 SE
  assert.ok(Number.isFinite(r.bestStatic.mean) && typeof r.beatsBestStatic === 'boolean');
  assert.ok(
    r.bestStatic.mean <= r.bestAc.mean + K_SE * Math.hypot(r.bestStatic.stderr, r.bestAc.stderr),
    `best static ${r.bestStatic.mean} vs best AC ${r.bestAc.mean}`,
  );
  assert.is(r.beatsBestStatic, r.ppoMinusBestStatic.ci95[1] < 0);
});

test.run();
