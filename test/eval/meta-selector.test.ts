// The meta-selector learns each regime's usual winner from the run history, and its prequential accuracy grows with
// the history (an exact oracle: in this synthetic history a regime's winner is fixed but for a known share of runs).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trainMetaSelector, type PastWinner } from '../../src/eval/meta-selector.js';
import { resampleRng } from '../../src/market/calibration/resample-rng.js';

const WINNER: Record<string, string> = { HH: 'pov-5%', HL: 'almgren-chriss(lambda=10)', LH: 'vwap', LL: 'twap' };
const REGIMES = Object.keys(WINNER);

/** Runs cycling through the regimes; every fifth run of a regime is won by another strategy (80% regularity). */
function history(n: number): PastWinner[] {
  return Array.from({ length: n }, (_, i) => {
    const regime = REGIMES[i % 4]!;
    return { regime, winner: Math.floor(i / 4) % 5 === 4 ? 'other' : WINNER[regime]! };
  });
}

test("with no history there is no prediction; with history the regime's usual winner is predicted", () => {
  assert.is(trainMetaSelector([]).predict('HH'), undefined);
  const meta = trainMetaSelector(history(200));
  for (const r of REGIMES) {
    const p = meta.predict(r)!;
    assert.is(p.winner, WINNER[r]);
    assert.ok(p.fromRegime);
    assert.ok(Math.abs(p.share - 0.8) < 1e-12, `share ${p.share}`);
  }
  assert.is(meta.predict('never-seen')!.fromRegime, false);
});

test('prequential accuracy improves as the history grows, towards the 80% regularity', () => {
  const short = trainMetaSelector(history(4)); // every regime new: only the other regimes' winners to go by
  const long = trainMetaSelector(history(400), 100);
  assert.is(short.accuracy, 0);
  assert.ok(Math.abs(long.recentAccuracy - 0.8) < 1e-12, `the last 100 of 400 runs: ${long.recentAccuracy}`);
  assert.ok(long.accuracy > short.accuracy);
});

/** The synthetic history's draws, a pure function of the seed (the project's seeded mulberry32). */
const uniform = resampleRng;

const STRATEGIES = ['twap', 'vwap', 'pov-5%', 'pov-10%', 'almgren-chriss(lambda=10)', 'adaptive-ac', 'policy:ppo.json'];
/** P(the regime's own winner wins a run): the best any selector can be right (the Bayes rate of this history). */
const REGULARITY = 0.55;

/** Noisy runs: a random regime; its winner with probability REGULARITY, else one of the 6 other strategies. */
function noisyHistory(n: number, seed: number): PastWinner[] {
  const u = uniform(seed);
  return Array.from({ length: n }, () => {
    const regime = REGIMES[Math.floor(u() * 4)]!;
    if (u() < REGULARITY) return { regime, winner: WINNER[regime]! };
    const others = STRATEGIES.filter((s) => s !== WINNER[regime]);
    return { regime, winner: others[Math.floor(u() * others.length)]! };
  });
}

test('on a noisy fixed-seed history, held-out accuracy rises with history size towards the Bayes rate', () => {
  const SIZES = [2, 8, 32, 128, 512];
  const REPLICATES = 40; // independent histories per size, so the curve is an average, not one draw's luck
  const heldOut = noisyHistory(2000, 999);
  const accuracy = SIZES.map((size) => {
    let hits = 0;
    for (let r = 0; r < REPLICATES; r++) {
      const meta = trainMetaSelector(noisyHistory(size, 1000 + r));
      for (const h of heldOut) if (meta.predict(h.regime)?.winner === h.winner) hits++;
    }
    return hits / (REPLICATES * heldOut.length);
  });
  // strictly rising until it reaches the Bayes rate (from 128 runs every regime's vote is settled: equal is right)
  for (let i = 1; i < SIZES.length; i++) {
    const ok = SIZES[i]! <= 128 ? accuracy[i]! > accuracy[i - 1]! : accuracy[i]! >= accuracy[i - 1]!;
    assert.ok(ok, `accuracy ${accuracy.join(', ')} must rise with history size`);
  }
  // the held-out set's own noise: its share of regime winners has SE sqrt(p (1 - p) / 2000); 3 SE of it
  const tolerance = 3 * Math.sqrt((REGULARITY * (1 - REGULARITY)) / heldOut.length);
  assert.ok(Math.abs(accuracy.at(-1)! - REGULARITY) < tolerance, `512 runs: ${accuracy.at(-1)} vs ${REGULARITY}`);
  assert.ok(accuracy[0]! < REGULARITY - 0.1, `2 runs: ${accuracy[0]} is still far from the Bayes rate`);
});

test.run();
