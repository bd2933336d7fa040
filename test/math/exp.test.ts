// exp: ulp error of the TS twin against the double-double reference on 2^20 points, wasm f64x2 and scalar bit for bit, special cases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exp, expNormal } from '../../src/math/exp.js';
import { fromWords } from '../../src/math/bits.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { nextAfter, sameBits } from '../support/float-bits.js';
import { POINTS, assertSameBits, fixedPoints, unaryKernelTests, type PointFamily } from '../support/math-points.js';
import { exp as expExact } from '../support/double-double.js';

// The measured maximum 0.9504 ulp, rounded up (the Accuracy line of assembly/math/exp.ts states it). The
// points are fixed, so a larger error means the code changed: re-measure and restate it rather than raise this.
const MAX_ULP = 0.96;
const KEY = 0x65787031; // Philox key of the inputs: the same points on every run
const NORMAL_LIMIT = 708; // expNormal promises the bits of exp for |x| < 708

const MAX = Number.MAX_VALUE,
  MIN_NORMAL = 2 ** -1022,
  MIN_SUBNORMAL = 2 ** -1074;
const LN2 = 0.6931471805599453;

function edgeCases(): number[] {
  const xs = [
    0,
    -0,
    MIN_SUBNORMAL,
    -MIN_SUBNORMAL,
    MIN_NORMAL,
    -MIN_NORMAL,
    MAX,
    -MAX,
    Infinity,
    -Infinity,
    NaN,
    1,
    -1,
    0.5,
    -0.5,
    2 ** -30,
    -(2 ** -30),
    2 ** -54,
    -(2 ** -54),
    709.782712893384, // largest x with exp(x) <= MAX_VALUE
    709.7827128933841, // smallest x whose exp overflows
    -708.3964185322641,
    -708.3964185322642, // exp(x) crosses 2^-1022, the start of the subnormals
    -744.4400719213812, // exp(x) = 2^-1074 (1 + 4e-14)
    -745.1332191019411,
    -745.1332191019412, // exp(x) crosses 2^-1075: rounds to 2^-1074 above, 0 below
    1100,
    -1100,
    1100.5,
    -1100.5,
    1e308,
    -1e308,
    2 ** 31,
    -(2 ** 31),
  ];
  for (let k = -746; k <= 710; k++) xs.push(k, k + 0.5); // exact integers and halves
  for (let k = -1075; k <= 1024; k++) {
    // k ln2 and (k +- 1/2) ln2 to within an ulp, and their neighbours: the reduction's hardest and its turning points
    for (const x of [k * LN2, (k + 0.5) * LN2]) xs.push(x, nextAfter(x, 1), nextAfter(x, -1));
  }
  return xs;
}

/** Point i of the deterministic random part: one of seven families chosen by i mod 7. */
const randomPoint: PointFamily = (i, w0, w1, w2, unit) => {
  switch (i % 7) {
    case 0:
      return -746 + unit * (710 - -746); // uniform over everything with a finite non-zero result
    case 1:
      return -1 + 2 * unit; // uniform near 0
    case 2: {
      // uniform in the exponent bits: |x| in [2^-1074, 2^11), subnormals included, random sign
      const expField = w2 % 1034;
      return fromWords(((w2 & 0x80000000) | (expField << 20) | (w0 & 0xfffff)) >>> 0, w1);
    }
    case 3: {
      // near k ln2 or (k + 1/2) ln2: r = x - k ln2 tiny, or at the boundary where k changes
      const k = (w2 % 2100) - 1075 + ((w2 >>> 16) & 1) * 0.5;
      return k * LN2 + (unit - 0.5) * 2 ** -((w0 & 31) + 10) * Math.max(1, Math.abs(k));
    }
    case 4:
      return -746 + unit * 38; // [-746, -708]: subnormal results, rounded once
    case 5:
      return 700 + unit * 10; // [700, 710]: the top of the range and overflow
    default: // r in [-ln2/2, -0.4 ln2]: exp(r) just above sqrt(1/2), where its ulp is smallest and errors largest
      return ((w2 % 2100) - 1075 - 0.5 + 0.1 * unit) * LN2;
  }
};

const xs = fixedPoints(edgeCases(), KEY, randomPoint);

const twin = new Float64Array(POINTS);
for (let i = 0; i < POINTS; i++) twin[i] = exp(xs[i]!);

const engine = await createNodeEngine();
const wasm = unaryKernelTests(test, engine, {
  name: 'exp',
  xs,
  twin,
  exact: expExact,
  maxUlp: MAX_ULP,
  pairs: ['expArray', engine.exports.expArray],
  scalar: ['expArrayScalar', engine.exports.expArrayScalar],
});

test('expNormal gives the bits of exp for |x| < 708, in the TS twin and in wasm (pairs and tail)', () => {
  const inRange = xs.filter((x) => Math.abs(x) < NORMAL_LIMIT);
  assert.ok(inRange.length > POINTS / 2);
  const want = inRange.map((x) => exp(x));
  assertSameBits(
    inRange.map((x) => expNormal(x)),
    want,
    inRange,
    'expNormal (twin)',
  );
  assertSameBits(wasm(engine.exports.expNormalArray, inRange), want, inRange, 'expNormalArray');
  const odd = inRange.subarray(0, 999);
  assertSameBits(wasm(engine.exports.expNormalArray, odd), want.subarray(0, 999), odd, 'expNormalArray, n = 999');
});

test('special cases: NaN, the infinities, overflow to +inf, underflow to +0, exp(+-0) = 1', () => {
  const cases: Array<[number, number]> = [
    [NaN, NaN],
    [Infinity, Infinity],
    [-Infinity, 0],
    [0, 1],
    [-0, 1],
    [709.7827128933841, Infinity],
    [710, Infinity],
    [1100.5, Infinity],
    [1e308, Infinity],
    [MAX, Infinity],
    [-745.1332191019412, 0],
    [-746, 0],
    [-1100.5, 0],
    [-1e308, 0],
    [-MAX, 0],
    [-744.4400719213812, MIN_SUBNORMAL],
  ];
  const input = Float64Array.from(cases, ([x]) => x);
  const forms: Array<[string, Float64Array]> = [
    ['twin', input.map((x) => exp(x))],
    ['expArray', wasm(engine.exports.expArray, input)],
    ['expArrayScalar', wasm(engine.exports.expArrayScalar, input)],
  ];
  for (const [name, out] of forms) {
    cases.forEach(([x, want], i) => {
      assert.ok(sameBits(out[i]!, want), `${name}: exp(${x}) = ${out[i]}, want ${want}`);
    });
  }
  assert.ok(exp(709.782712893384) < Infinity, 'the largest x below the overflow threshold stays finite');
  assert.ok(exp(-708.3964185322641) >= MIN_NORMAL, 'exp(-708.3964185322641) is still normal');
});

test.run();
