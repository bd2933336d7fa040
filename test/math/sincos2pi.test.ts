// sin(2 pi u), cos(2 pi u): ulp errors of the TS twin against the double-double reference on 2^20 points, wasm bit for bit, special cases.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sincos2pi } from '../../src/math/sincos2pi.js';
import { fromWords } from '../../src/math/bits.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { nextAfter } from '../support/float-bits.js';
import {
  POINTS,
  assertSameBits,
  fixedPoints,
  kernelRunner,
  worstUlp,
  type ArrayKernel,
  type PointFamily,
} from '../support/math-points.js';
import { sincos2pi as sincos2piExact } from '../support/double-double.js';

// The measured maxima 1.8330 (sin) and 1.8193 ulp (cos), rounded up (the Accuracy line of
// assembly/math/sincos2pi.ts states them). The header used to promise 1.5: that is exceeded where
// y = (pi/2) r lies just above a power of two and sin y just below it, so y's rounding (half an ulp of y)
// is a whole ulp of the result. The points are fixed, so a larger error means the code changed: re-measure
// and restate the Accuracy line rather than raise these.
const MAX_ULP_SIN = 1.84;
const MAX_ULP_COS = 1.82;
const KEY = 0x73696e31; // Philox key of the inputs: the same points on every run

const MAX = Number.MAX_VALUE,
  MIN_NORMAL = 2 ** -1022,
  MIN_SUBNORMAL = 2 ** -1074;

function edgeCases(): number[] {
  const us = [
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
    1 / 3,
    1 / 6,
    1 / 12,
    -1 / 3,
    0.1,
    2 ** 51 + 0.5,
    2 ** 52 + 1,
    2 ** 53,
    2 ** 60,
    2 ** 1021,
    2 ** 1022,
    MAX / 4,
  ];
  for (let k = -512; k <= 512; k++) {
    // multiples of 1/8 (exact zeros, exact ones, the kernel's end points pi/4) and their neighbours
    const u = k / 8;
    us.push(u);
    if (k !== 0) us.push(nextAfter(u, 1), nextAfter(u, -1));
  }
  for (let e = -1074; e <= 1023; e++) us.push(2 ** e, -(2 ** e));
  return us;
}

/** Point i of the deterministic random part: one of seven families chosen by i mod 7. */
const randomPoint: PointFamily = (i, w0, w1, w2, unit) => {
  switch (i % 7) {
    case 0:
      return unit; // [0, 1): what a uniform draw feeds to Box-Muller
    case 1:
      return 2 * unit - 1;
    case 2: // uniform in the exponent bits, |u| in [2^-1074, 2^64): subnormals, tiny angles, integers
      return fromWords(((w2 & 0x80000000) | ((w2 % 1087) << 20) | (w0 & 0xfffff)) >>> 0, w1);
    case 3: {
      // k/8 + d with |d| = 2^-E (1 + f), E in 3..62: near the zeros, the ones and the kernel's end points
      const k = (w2 % 129) - 64;
      return k / 8 + (w2 & 0x80000000 ? -1 : 1) * (1 + unit) * 2 ** -(3 + ((w2 >>> 8) % 60));
    }
    case 4:
      return (unit - 0.5) * 2 ** (1 + (w2 % 52)); // large u with fractional parts: the reduction's work
    case 5: {
      // y = (pi/2) r just above 2^-k while sin y is below it: y's rounding is a whole ulp of the result
      const r = (2 ** -(1 + (w2 % 40)) / (Math.PI / 2)) * (1 + unit * 2 ** -(4 + ((w2 >>> 8) % 24)));
      return (((w2 >>> 16) % 9) - 4 + (w2 & 0x80000000 ? -r : r)) / 4;
    }
    default:
      return fromWords(w0 >>> 0, w1); // any bit pattern: huge u, infinities, NaN payloads
  }
};

const us = fixedPoints(edgeCases(), KEY, randomPoint);

const twinSin = new Float64Array(POINTS),
  twinCos = new Float64Array(POINTS);
const pair = new Float64Array(2);
for (let i = 0; i < POINTS; i++) {
  sincos2pi(us[i]!, pair);
  twinSin[i] = pair[0]!;
  twinCos[i] = pair[1]!;
}

const engine = await createNodeEngine();
const runKernel = kernelRunner(engine, POINTS, 2);
const wasm = (kernel: ArrayKernel, input: Float64Array): [Float64Array, Float64Array] =>
  runKernel(kernel, input) as [Float64Array, Float64Array];

test('the TS twin is within MAX_ULP_SIN and MAX_ULP_COS of the double-double reference on 2^20 points', () => {
  const { ulp: worstSin, at: worstSinU } = worstUlp(us, twinSin, (u) => sincos2piExact(u)[0]);
  const { ulp: worstCos, at: worstCosU } = worstUlp(us, twinCos, (u) => sincos2piExact(u)[1]);
  console.log(`sin2pi: max ${worstSin.toFixed(4)} ulp over ${POINTS} points (at u = ${worstSinU})`);
  console.log(`cos2pi: max ${worstCos.toFixed(4)} ulp over ${POINTS} points (at u = ${worstCosU})`);
  assert.ok(worstSin <= MAX_ULP_SIN, `sin: max ${worstSin} ulp at u = ${worstSinU} exceeds ${MAX_ULP_SIN}`);
  assert.ok(worstCos <= MAX_ULP_COS, `cos: max ${worstCos} ulp at u = ${worstCosU} exceeds ${MAX_ULP_COS}`);
});

test('the wasm f64x2 form (sincos2piArray) equals the TS twin bit for bit on every point', () => {
  const [s, c] = wasm(engine.exports.sincos2piArray, us);
  assertSameBits(s, twinSin, us, 'sincos2piArray sin');
  assertSameBits(c, twinCos, us, 'sincos2piArray cos');
});

test('the wasm scalar form (sincos2piArrayScalar) equals the TS twin bit for bit on every point', () => {
  const [s, c] = wasm(engine.exports.sincos2piArrayScalar, us);
  assertSameBits(s, twinSin, us, 'sincos2piArrayScalar sin');
  assertSameBits(c, twinCos, us, 'sincos2piArrayScalar cos');
});

test('the odd tail of sincos2piArray (scalar form after the pairs) equals the TS twin', () => {
  const odd = us.subarray(0, 1001);
  const [s, c] = wasm(engine.exports.sincos2piArray, odd);
  assertSameBits(s, twinSin.subarray(0, 1001), odd, 'sincos2piArray sin, n = 1001');
  assertSameBits(c, twinCos.subarray(0, 1001), odd, 'sincos2piArray cos, n = 1001');
});

/** The three forms on the given inputs: [name, sin, cos]. */
function allForms(input: number[]): Array<[string, Float64Array, Float64Array]> {
  const u = Float64Array.from(input);
  const s = new Float64Array(u.length),
    c = new Float64Array(u.length);
  u.forEach((x, i) => {
    sincos2pi(x, pair);
    s[i] = pair[0]!;
    c[i] = pair[1]!;
  });
  return [
    ['twin', s, c],
    ['sincos2piArray', ...wasm(engine.exports.sincos2piArray, u)],
    ['sincos2piArrayScalar', ...wasm(engine.exports.sincos2piArrayScalar, u)],
  ];
}

test('multiples of 1/2: sin is exactly +-0 and cos exactly (-1)^(2u), up to the largest doubles', () => {
  const input: number[] = [];
  for (let k = -64; k <= 64; k++) input.push(k / 2);
  input.push(2 ** 52 + 1, -(2 ** 52) - 1, 2 ** 53, 2 ** 60, 1e300, 2 ** 1021, 2 ** 1022, MAX / 4, MAX, -MAX);
  for (const [name, s, c] of allForms(input)) {
    input.forEach((u, i) => {
      const cosWant = Math.abs(u) < 2 ** 52 && Math.abs(u * 2) % 2 === 1 ? -1 : 1;
      assert.ok(s[i] === 0, `${name}: sin2pi(${u}) = ${s[i]}, want +-0`);
      assert.ok(c[i] === cosWant, `${name}: cos2pi(${u}) = ${c[i]}, want ${cosWant}`);
    });
  }
});

test('odd multiples of 1/4: sin is exactly +-1 with the sign of sin(2 pi u), cos exactly +-0', () => {
  const input: number[] = [];
  for (let k = -63; k <= 63; k += 2) input.push(k / 4);
  input.push(2 ** 50 + 0.25, -(2 ** 50) - 0.75);
  for (const [name, s, c] of allForms(input)) {
    input.forEach((u, i) => {
      const sinWant = ((u % 1) + 1) % 1 === 0.25 ? 1 : -1;
      assert.ok(s[i] === sinWant, `${name}: sin2pi(${u}) = ${s[i]}, want ${sinWant}`);
      assert.ok(c[i] === 0, `${name}: cos2pi(${u}) = ${c[i]}, want +-0`);
    });
  }
});

test('NaN and the infinities give NaN for both sin and cos', () => {
  const input = [NaN, Infinity, -Infinity];
  for (const [name, s, c] of allForms(input)) {
    input.forEach((u, i) => {
      assert.ok(Number.isNaN(s[i]) && Number.isNaN(c[i]), `${name}: sincos2pi(${u}) = [${s[i]}, ${c[i]}], want NaN`);
    });
  }
});

test.run();
