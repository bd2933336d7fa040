// The double-double reference of the math tests against mpmath (test/fixtures/math-oracle.json) and its ulp conventions.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exp, log, sincos2pi, ulpError, relativeDifference, type Exact } from './double-double.js';

// The reference must be exact to far below what it measures: 1e-30 relative is 1e-14 ulp of a double
// result, so the ulp errors it reports are right to far better than the 0.001 ulp they are printed to.
const MAX_RELATIVE_ERROR = 1e-30;

interface Oracle {
  exp: number[][];
  log: number[][];
  sincos2pi: number[][];
}
const oracle = JSON.parse(readFileSync(new URL('../fixtures/math-oracle.json', import.meta.url), 'utf8')) as Oracle;

function fixture(row: number[], at: number): Exact {
  return { hi: row[at]!, lo: row[at + 1]!, exp2: row[at + 2]! };
}

/** Relative difference of the reference from the fixture; an exact zero must be reproduced exactly. */
function check(name: string, x: number, got: Exact, want: Exact): number {
  if (want.hi === 0) {
    assert.ok(got.hi === 0 && got.lo === 0, `${name}(${x}): want exactly 0, got ${got.hi} + ${got.lo}`);
    return 0;
  }
  const rel = relativeDifference(got, want);
  assert.ok(rel < MAX_RELATIVE_ERROR, `${name}(${x}): relative error ${rel} against mpmath`);
  return rel;
}

function report(name: string, points: number, worst: number): void {
  console.log(`double-double ${name}: max relative error ${worst.toExponential(2)} over ${points} mpmath points`);
}

test('the double-double exp agrees with mpmath to 1e-30 relative, subnormal and overflowing results included', () => {
  let worst = 0;
  for (const row of oracle.exp) worst = Math.max(worst, check('exp', row[0]!, exp(row[0]!), fixture(row, 1)));
  report('exp', oracle.exp.length, worst);
  assert.ok(oracle.exp.length > 2000);
});

test('the double-double log agrees with mpmath to 1e-30 relative, near 1 and on subnormals included', () => {
  let worst = 0;
  for (const row of oracle.log) worst = Math.max(worst, check('log', row[0]!, log(row[0]!), fixture(row, 1)));
  report('log', oracle.log.length, worst);
  assert.ok(oracle.log.length > 2000);
});

test('the double-double sin and cos of 2 pi u agree with mpmath to 1e-30 relative, exact zeros exactly', () => {
  let worst = 0;
  for (const row of oracle.sincos2pi) {
    const [s, c] = sincos2pi(row[0]!);
    worst = Math.max(worst, check('sin2pi', row[0]!, s, fixture(row, 1)), check('cos2pi', row[0]!, c, fixture(row, 4)));
  }
  report('sincos2pi', oracle.sincos2pi.length, worst);
  assert.ok(oracle.sincos2pi.length > 2000);
});

test('ulpError measures in ulps of the exact value, with 2^-1074 below the normal range', () => {
  const ONE_UP = 1 + 2 ** -52,
    ONE_DOWN = 1 - 2 ** -53;
  assert.is(ulpError(1, 1, 0), 0);
  assert.is(ulpError(ONE_UP, 1, 0), 1);
  assert.is(ulpError(ONE_DOWN, 1, 0), 0.5); // the ulp of the exact value 1 is 2^-52
  assert.is(ulpError(2, 2, -(2 ** -60)), 2 ** -8); // exact just below 2: its ulp is 2^-52
  assert.is(ulpError(1, 1, 2 ** -54), 0.25);
  assert.is(ulpError(3 * 2 ** -1074, 2 * 2 ** -1074, 0), 1);
  assert.is(ulpError(2 ** -1074, 1, 0.5, -1074), 0.5); // 1.5 * 2^-1074 given scaled
  assert.is(ulpError(2 ** -1022, 2 ** -1022, 0), 0);
  assert.is(ulpError(-3, -3, 0), 0);
  assert.is(ulpError(-3, 3, 0), 6 * 2 ** 51); // 6 in ulps of 2 (2^-51)
});

test('ulpError conventions: zero, NaN, infinities and overflow', () => {
  assert.is(ulpError(0, 0, 0), 0);
  assert.is(ulpError(-0, 0, 0), 0); // the sign of zero is not measured
  assert.is(ulpError(2 ** -1074, 0, 0), 1);
  assert.is(ulpError(NaN, NaN, NaN), 0);
  assert.is(ulpError(1, NaN, NaN), Infinity);
  assert.is(ulpError(NaN, 1, 0), Infinity);
  assert.is(ulpError(Infinity, Infinity, 0), 0);
  assert.is(ulpError(-Infinity, -Infinity, 0), 0);
  assert.is(ulpError(Number.MAX_VALUE, Infinity, 0), Infinity);
  assert.is(ulpError(Infinity, Number.MAX_VALUE, 0), 1); // infinity stands for 2^1024
  assert.is(ulpError(Infinity, 1, -(2 ** -54), 1024), 0.5); // the overflow threshold 2^1024 - 2^970 itself
  assert.is(ulpError(Infinity, 1.5, 0, 1100), 0);
  assert.is(ulpError(-Infinity, 1.5, 0, 1100), Infinity);
  assert.is(ulpError(Number.MAX_VALUE, 1, 0, 1024), 1); // beyond MAX_VALUE the ulp stays 2^971
});

test('the reference returns exact values where they exist', () => {
  assert.equal(exp(0), { hi: 1, lo: 0, exp2: 0 });
  assert.equal(log(1), { hi: 0, lo: 0, exp2: 0 });
  for (const u of [0, 0.5, -1, 1e300]) assert.is(sincos2pi(u)[0].hi, 0);
  for (const u of [0.25, -0.75]) assert.is(Math.abs(sincos2pi(u)[0].hi), 1);
  assert.is(log(0).hi, -Infinity);
  assert.ok(Number.isNaN(log(-1).hi));
  assert.is(exp(-Infinity).hi, 0);
  assert.is(exp(Infinity).hi, Infinity);
});

test.run();
