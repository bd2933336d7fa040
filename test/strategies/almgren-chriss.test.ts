// The Almgren-Chriss closed form against the paper's worked example (../shared/references).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  almgrenChrissKappa,
  almgrenChrissHoldings,
  almgrenChrissSchedule,
  almgrenChrissMoments,
} from '../../src/strategies/almgren-chriss.js';

const PAPER = { shares: 1e6, steps: 5, tauDays: 1, sigmaPerSqrtDay: 0.95, gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 };
/** The references print currency to the cent and kappa to 10 digits. */
const CENT = 0.01;

test('TWAP (lambda = 0) has E[cost] 662,500 and std 1,040,673', () => {
  const m = almgrenChrissMoments(PAPER, almgrenChrissSchedule(PAPER, 0));
  assert.ok(Math.abs(m.mean - 662_500) < CENT, `${m.mean}`);
  assert.ok(Math.abs(Math.sqrt(m.variance) - 1_040_672.8592598157) < CENT);
});

test('lambda = 1e-6 gives kappa 0.6070761632, the published holdings, E 911,226.99 and std 603,430.67', () => {
  assert.ok(Math.abs(almgrenChrissKappa(PAPER, 1e-6) - 0.6070761632) < 1e-10);
  const holdings = [...almgrenChrissHoldings(PAPER, 1e-6)].map(Math.round);
  assert.equal(holdings, [1_000_000, 541_956, 289_854, 147_897, 62_142, 0]);
  const m = almgrenChrissMoments(PAPER, almgrenChrissSchedule(PAPER, 1e-6));
  assert.ok(Math.abs(m.mean - 911_226.99) < CENT, `${m.mean}`);
  assert.ok(Math.abs(Math.sqrt(m.variance) - 603_430.67) < CENT, `${Math.sqrt(m.variance)}`);
});

test('more risk aversion trades faster: lower variance, higher expected cost', () => {
  let previous = { mean: -Infinity, variance: Infinity };
  for (const lambda of [0, 1e-7, 1e-6, 1e-5]) {
    const m = almgrenChrissMoments(PAPER, almgrenChrissSchedule(PAPER, lambda));
    assert.ok(m.mean > previous.mean && m.variance < previous.variance);
    previous = m;
  }
});

test('huge risk aversion does not overflow: everything trades in the first step', () => {
  const q = almgrenChrissSchedule(PAPER, 1e3);
  assert.ok(Math.abs(q[0]! / 1e6 - 1) < 1e-6 && q.every(Number.isFinite), `first trade ${q[0]}`);
});

test('eta <= gamma tau / 2 is rejected with a reason', () => {
  assert.throws(() => almgrenChrissKappa({ ...PAPER, eta: 1e-7 }, 1e-6), /eta > gamma tau \/ 2/);
});

test.run();
