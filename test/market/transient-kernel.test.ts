// The power-law propagator as a sum of exponentials: positive weights, G(0) = 1, error small and falling with components.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { powerLawKernel, exponentialKernel } from '../../src/market/transient-kernel.js';

/** The default 16 components must keep the kernel within 1% on every horizon we ship or document. */
const DEFAULT_TOLERANCE = 0.01;
const CASES: Array<[alpha: number, t0: number, horizon: number]> = [
  [0.5, 1, 36],
  [0.5, 1, 390],
  [0.4, 5, 390],
  [1, 1, 100],
  [1.5, 0.5, 390],
  [0.3, 1, 2000],
  [0.7, 10, 5000],
];

for (const [alpha, t0, horizon] of CASES) {
  test(`(1 + t/${t0})^-${alpha} over ${horizon} steps: positive weights summing to 1, within 1% with 16 components, tighter with 24`, () => {
    const k16 = powerLawKernel(alpha, t0, horizon, 16),
      k24 = powerLawKernel(alpha, t0, horizon, 24);
    assert.ok(k16.weights.every((w) => w > 0) && Math.abs(k16.weights.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(k16.decays.every((d) => d > 0 && d < 1));
    assert.ok(k16.maxRelativeError < DEFAULT_TOLERANCE, `16: ${k16.maxRelativeError}`);
    assert.ok(
      k24.maxRelativeError < k16.maxRelativeError,
      `24: ${k24.maxRelativeError} vs 16: ${k16.maxRelativeError}`,
    );
  });
}

test('the exponential kernel halves in halfLifeSteps steps', () => {
  const k = exponentialKernel(30);
  assert.ok(Math.abs(k.decays[0]! ** 30 - 0.5) < 1e-12 && k.maxRelativeError === 0);
});

test.run();
