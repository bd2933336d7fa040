// Session boundaries and the day-profile volume curve: an intraday order past the close is refused, and an array
// curve is read from the order's start like the parametric ones.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseEvaluationConfig } from '../../src/eval/config.js';
import { stepVolumes } from '../../src/market/volume-curve.js';

const base = (order: Record<string, unknown>) => ({
  market: { model: { type: 'gbm', s0: 100, sigma: 0.2 }, dailyVolume: 1e6 },
  order: { shares: 1e4, ...order },
  strategies: [{ type: 'twap' }],
});

test('an intraday order that would run past the close is refused, naming the field and the way out', () => {
  assert.throws(
    () => parseEvaluationConfig(base({ horizonMinutes: 120, startMinute: 300 })),
    (e: Error) =>
      // the grid check names startMinute when the order starts late; checkSession names horizonMinutes from the open
      /order\.(startMinute|horizonMinutes): the order runs past the close/.test(e.message) &&
      /multi-day|horizonDays/.test(e.message),
  );
});

test('an order ending exactly at the close, and a multi-day order on trading time, are accepted', () => {
  parseEvaluationConfig(base({ horizonMinutes: 90, startMinute: 300 }));
  parseEvaluationConfig(base({ horizonDays: 2, stepMinutes: 30 }));
});

test('an array curve is a day profile read from startMinute: 30-minute steps from minute 30 get buckets 2 and 3', () => {
  const fractions = Array.from({ length: 13 }, (_, i) => i + 1); // half-hour buckets, sum 91
  const v = stepVolumes({ type: 'array', fractions }, 91e4, 2, 30, 30);
  assert.ok(Math.abs(v[0]! - 2e4) < 1e-6 && Math.abs(v[1]! - 3e4) < 1e-6, `${v[0]}, ${v[1]}`);
});

test("a step straddling two buckets gets each one's part, and a whole day gets the whole daily volume", () => {
  const v = stepVolumes({ type: 'array', fractions: [1, 3] }, 1000, 3, 130, 0); // buckets of 195 minutes
  assert.ok(Math.abs(v[0]! - (250 * 130) / 195) < 1e-9);
  assert.ok(Math.abs(v[1]! - ((250 * 65) / 195 + (750 * 65) / 195)) < 1e-9);
  assert.ok(Math.abs(v.reduce((a, b) => a + b, 0) - 1000) < 1e-9);
});

test('an array with one value per step of a full-day order is the per-step curve of before (normalised)', () => {
  const fractions = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3];
  const v = stepVolumes({ type: 'array', fractions }, 1e6, 6, 65, 0);
  v.forEach((x, k) => assert.ok(Math.abs(x - 1e6 * fractions[k]!) < 1e-6, `step ${k}: ${x}`));
});

test.run();
