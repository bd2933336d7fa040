// exp: ulp error of the TS twin against the double-double reference on 2^20 points, wasm f64x2 and scalar bit for bit, special cases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exp, expNormal } from '../../src/reference/math/exp.js';
import { fromWords } from '../../src/reference/math/bits.js';
import { philox4x32 } from '../../src/reference/rng/philox.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { nextAfter, sameBits } from '../support/float-bits.js';
import { exp as expExact, ulpError } from '../support/double-double.js';

// The measured maximum 0.9504 ulp, rounded up (the Accuracy line of assembly/math/exp.ts states it). The
// points are fixed, so a larger error means the code changed: re-measure and restate it rather than raise this.
const MAX_ULP = 0.96;
const POINTS = 1 << 20;
const KEY = 0x65787031; // Philox key of the inputs: the same points on every run
const NORMAL_LIMIT = 708; // expNormal promises the bits of exp for |x| < 708

const MAX = Number.MAX_VALUE, MIN_NORMAL = 2 ** -1022, MIN_SUBNORMAL = 2 ** -1074;
const LN2 = 0.6931471805599453;

function edgeCases(): number[] {
  const xs = [0, -0, MIN_SUBNORMAL, -MIN_SUBNORMAL, MIN_NORMAL, -MIN_NORMAL, MAX, -MAX, Infinity, -Infinity, NaN,
    1, -1, 0.5, -0.5, 2 ** -30, -(2 ** -30), 2 ** -54, -(2 ** -54),
    709.782712893384, // largest x with exp(x) <= MAX_VALUE
    709.7827128933841, // smallest x whose exp overflows
    -708.3964185322641, -708.3964185322642, // exp(x) crosses 2^-1022, the start of the subnormals
    -744.4400719213812, // exp(x) = 2^-1074 (1 + 4e-14)
    -745.1332191019411, -745.1332191019412, // exp(x) crosses 2^-1075: rounds to 2^-1074 above, 0 below
    1100, -1100, 1100.5, -1100.5, 1e308, -1e308, 2 ** 31, -(2 ** 31)];
  for (let k = -746; k <= 710; k++) xs.push(k, k + 0.5); // exact integers and halves
  for (let k = -1075; k <= 1024; k++) {
    // k ln2 and (k +- 1/2) ln2 to within an ulp, and their neighbours: the reduction's hardest and its turning points
    for (const x of [k * LN2, (k + 0.5) * LN2]) xs.push(x, nextAfter(x, 1), nextAfter(x, -1));
  }
  return xs;
}


const words = new Uint32Array(4);

/** Point i of the deterministic random part: one of seven families chosen by i mod 7. */
function randomPoint(i: number): number {
  philox4x32(i, 0, 0, 0, KEY, 0, words);
  const w0 = words[0]!, w1 = words[1]!, w2 = words[2]!;
  const unit = ((w0 >>> 5) * 67108864 + (w1 >>> 6)) / 9007199254740992; // [0, 1), 53 bits
  switch (i % 7) {
    case 0: return -746 + unit * (710 - -746); // uniform over everything with a finite non-zero result
    case 1: return -1 + 2 * unit; // uniform near 0
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
    case 4: return -746 + unit * 38; // [-746, -708]: subnormal results, rounded once
    case 5: return 700 + unit * 10; // [700, 710]: the top of the range and overflow
    default: // r in [-ln2/2, -0.4 ln2]: exp(r) just above sqrt(1/2), where its ulp is smallest and errors largest
      return ((w2 % 2100) - 1075 - 0.5 + 0.1 * unit) * LN2;
  }
}

const xs = new Float64Array(POINTS);
const edges = edgeCases();
// every edge case twice, once in each f64x2 lane
const padded = edges.length % 2 === 0 ? [...edges, 0.25, ...edges] : [...edges, ...edges];
xs.set(padded);
for (let i = padded.length; i < POINTS; i++) xs[i] = randomPoint(i);

const twin = new Float64Array(POINTS);
for (let i = 0; i < POINTS; i++) twin[i] = exp(xs[i]!);

const engine = await createNodeEngine();
const inPtr = engine.alloc(8 * POINTS), outPtr = engine.alloc(8 * POINTS);

function wasm(kernel: (xPtr: number, outPtr: number, n: number) => void, input: Float64Array): Float64Array {
  engine.f64(inPtr, input.length).set(input);
  kernel(inPtr, outPtr, input.length);
  return engine.f64(outPtr, input.length).slice();
}


/** Index of the first element where the two arrays differ (NaN equals NaN, -0 differs from 0), or -1. */
function firstMismatch(got: Float64Array, want: Float64Array): number {
  for (let i = 0; i < want.length; i++) if (!sameBits(got[i]!, want[i]!)) return i;
  return -1;
}

function assertSame(got: Float64Array, want: Float64Array, input: Float64Array, what: string): void {
  const i = firstMismatch(got, want);
  assert.is(i, -1, i < 0 ? '' : `${what}: exp(${input[i]}) gives ${got[i]}, the twin ${want[i]} (point ${i})`);
}

test('the TS twin is within MAX_ULP of the double-double reference on 2^20 points', () => {
  let worst = 0, worstX = NaN;
  for (let i = 0; i < POINTS; i++) {
    const exact = expExact(xs[i]!);
    const err = ulpError(twin[i]!, exact.hi, exact.lo, exact.exp2);
    if (err > worst) { worst = err; worstX = xs[i]!; }
  }
  console.log(`exp: max ${worst.toFixed(4)} ulp over ${POINTS} points (at x = ${worstX})`);
  assert.ok(worst <= MAX_ULP, `max ${worst} ulp at x = ${worstX} exceeds ${MAX_ULP}`);
});

test('the wasm f64x2 form (expArray) equals the TS twin bit for bit on every point', () => {
  assertSame(wasm(engine.exports.expArray, xs), twin, xs, 'expArray');
});

test('the wasm scalar form (expArrayScalar) equals the TS twin bit for bit on every point', () => {
  assertSame(wasm(engine.exports.expArrayScalar, xs), twin, xs, 'expArrayScalar');
});

test('the odd tail of expArray (scalar form after the pairs) equals the TS twin', () => {
  const odd = xs.subarray(0, 1001);
  assertSame(wasm(engine.exports.expArray, odd), twin.subarray(0, 1001), odd, 'expArray, n = 1001');
});

test('expNormal gives the bits of exp for |x| < 708, in the TS twin and in wasm (pairs and tail)', () => {
  const inRange = xs.filter((x) => Math.abs(x) < NORMAL_LIMIT);
  assert.ok(inRange.length > POINTS / 2);
  const want = inRange.map((x) => exp(x));
  assertSame(inRange.map((x) => expNormal(x)), want, inRange, 'expNormal (twin)');
  assertSame(wasm(engine.exports.expNormalArray, inRange), want, inRange, 'expNormalArray');
  const odd = inRange.subarray(0, 999);
  assertSame(wasm(engine.exports.expNormalArray, odd), want.subarray(0, 999), odd, 'expNormalArray, n = 999');
});

test('special cases: NaN, the infinities, overflow to +inf, underflow to +0, exp(+-0) = 1', () => {
  const cases: Array<[number, number]> = [
    [NaN, NaN], [Infinity, Infinity], [-Infinity, 0], [0, 1], [-0, 1],
    [709.7827128933841, Infinity], [710, Infinity], [1100.5, Infinity], [1e308, Infinity], [MAX, Infinity],
    [-745.1332191019412, 0], [-746, 0], [-1100.5, 0], [-1e308, 0], [-MAX, 0],
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
