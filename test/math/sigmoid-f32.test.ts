// f32 exp and logistic of the policy's action: wasm f32x4 bit for bit with the TS twin, accuracy against Math.exp on 2^20 points.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expF32, sigmoidF32 } from '../../src/math/sigmoid-f32.js';
import { fixedPoints, POINTS } from '../support/math-points.js';
import { createNodeEngine } from '../../src/runtime/node.js';

const KEY = 0x73676d31; // Philox key of the inputs: the same points on every run
// Measured maxima over these fixed points, rounded up (the Accuracy line of assembly/math/sigmoid-f32.ts states
// them): a larger error means the code changed, so re-measure and restate rather than raise these.
const MAX_EXP_ULP = 0.95;
const MAX_SIGMOID_ULP = 2.31;

/** Edge cases, then uniform points of [-90, 90] (beyond the clamp on both sides), as f32. */
function points(): Float32Array {
  const edges = [
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1e-30,
    -1e-30,
    -87,
    88,
    -87.5,
    88.5,
    -200,
    200,
    1e30,
    -1e30,
    Infinity,
    -Infinity,
  ];
  for (let k = -125; k <= 126; k++) edges.push(k * Math.LN2, (k + 0.5) * Math.LN2);
  return Float32Array.from(fixedPoints(edges, KEY, (_i, w0) => -90 + 180 * (w0 / 4294967296)));
}

/** |got - exact| in units of the f32 ulp at exact (exact a double, positive and normal in f32). */
function ulpsF32(got: number, exact: number): number {
  const ulp = 2 ** (Math.floor(Math.log2(exact)) - 23);
  return Math.abs(got - exact) / ulp;
}

const xs = points();

test('the wasm f32x4 exp and logistic give the bits of the TS twin on every point', async () => {
  const engine = await createNodeEngine();
  const inPtr = engine.alloc(4 * POINTS),
    outPtr = engine.alloc(4 * POINTS);
  new Float32Array(engine.exports.memory.buffer, inPtr, POINTS).set(xs);
  for (const [name, kernel, twin] of [
    ['exp', engine.exports.expArrayF32, expF32],
    ['sigmoid', engine.exports.sigmoidArrayF32, sigmoidF32],
  ] as const) {
    kernel(inPtr, outPtr, POINTS);
    const got = new Float32Array(engine.exports.memory.buffer, outPtr, POINTS);
    for (let i = 0; i < POINTS; i++) {
      if (!Object.is(got[i], twin(xs[i]!)))
        assert.unreachable(`${name}(${xs[i]}): wasm ${got[i]}, twin ${twin(xs[i]!)}`);
    }
  }
});

test('exp in f32 stays within its stated ulp of the exact value and saturates at the clamp', () => {
  let worst = 0;
  for (const x of xs) {
    const t = Math.min(Math.max(x, -87), 88);
    worst = Math.max(worst, ulpsF32(expF32(x), Math.exp(t)));
  }
  assert.ok(worst <= MAX_EXP_ULP, `max ${worst.toFixed(3)} ulp`);
  assert.ok(worst > 0.5, 'an f32 exp cannot be exact everywhere: the reference is wrong');
  assert.ok(Number.isNaN(expF32(NaN)));
  assert.is(expF32(1000), expF32(88));
  assert.is(expF32(-1000), expF32(-87));
});

test('the logistic in f32 stays within its stated ulp of the exact value, is monotone and never leaves (0, 1]', () => {
  let worst = 0;
  const sorted = Float32Array.from(xs).sort();
  let previous = 0;
  for (const x of sorted) {
    const s = sigmoidF32(x);
    worst = Math.max(worst, ulpsF32(s, 1 / (1 + Math.exp(Math.min(Math.max(-x, -87), 88))))); // exp's argument clamped as the kernel clamps it
    assert.ok(s > 0 && s <= 1, `sigmoid(${x}) = ${s}`);
    assert.ok(s >= previous, `not monotone at ${x}`);
    previous = s;
  }
  assert.ok(worst <= MAX_SIGMOID_ULP, `max ${worst.toFixed(3)} ulp`);
  assert.is(sigmoidF32(0), 0.5);
});

test.run();
