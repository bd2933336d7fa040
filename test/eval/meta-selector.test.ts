// The meta-selector learns each regime's usual winner from the run history, and its prequential accuracy grows with
// the history (an exact oracle: in this synthetic history a regime's winner is fixed but for a known share of runs).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { trainMetaSelector, type PastWinner } from '../../src/eval/meta-selector.js';

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

test.run();
