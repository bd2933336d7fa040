// Single-precision Box-Muller normals: wasm equals the twin bit for bit, the draws are standard normal, the tail bound holds.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { boxMullerF32 } from '../../src/reference/rng/normal-f32.js';
import { philox4x32 } from '../../src/reference/rng/philox.js';
import { assertNormalMoments, assertNormalKs } from '../support/normality.js';

const engine = await createNodeEngine();
const N = 1 << 20;
const TAIL_BOUND = Math.sqrt(48 * Math.LN2); // radius at u1 = 2^-24, the smallest uniform of the f32 normals

/** Word pairs (a, b) of Philox calls 0 .. N/2 - 1 (words w0, w1 of counter (i, 0, 0, 0)). */
const a = new Uint32Array(N),
  b = new Uint32Array(N);
{
  const words = new Uint32Array(4);
  for (let i = 0; i < N / 2; i++) {
    philox4x32(i, 0, 0, 0, 0x2545f491, 0x4f6cdd1d, words);
    a[2 * i] = words[0]!;
    b[2 * i] = words[1]!;
    a[2 * i + 1] = words[2]!;
    b[2 * i + 1] = words[3]!;
  }
}

/** The wasm f32 normals of the pairs: 2 per pair, pair i's (cos, sin) at [2 i, 2 i + 1]. */
function wasmNormals(): Float64Array {
  const aPtr = engine.alloc(4 * N),
    bPtr = engine.alloc(4 * N),
    outPtr = engine.alloc(16 * N);
  new Uint32Array(engine.exports.memory.buffer, aPtr, N).set(a);
  new Uint32Array(engine.exports.memory.buffer, bPtr, N).set(b);
  engine.exports.boxMullerArrayF32(aPtr, bPtr, outPtr, N);
  const raw = engine.f64(outPtr, 2 * N),
    z = new Float64Array(2 * N);
  // group g of four pairs: cos of pairs 0,1 | cos 2,3 | sin 0,1 | sin 2,3
  for (let g = 0; g < N / 4; g++) {
    for (let j = 0; j < 4; j++) {
      z[2 * (4 * g + j)] = raw[8 * g + j]!;
      z[2 * (4 * g + j) + 1] = raw[8 * g + 4 + j]!;
    }
  }
  return z;
}

const z = wasmNormals();

test('the wasm f32 normals equal the TS twin bit for bit on 2^20 word pairs', () => {
  const pair = new Float64Array(2);
  for (let i = 0; i < N; i++) {
    boxMullerF32(a[i]!, b[i]!, pair, 0);
    if (!Object.is(z[2 * i], pair[0]) || !Object.is(z[2 * i + 1], pair[1])) {
      assert.unreachable(`pair ${i}: wasm (${z[2 * i]}, ${z[2 * i + 1]}), twin (${pair[0]}, ${pair[1]})`);
    }
  }
});

test('every f32 normal is an f32 within 4e-7 (1 + |z|) of Box-Muller in f64 at the same 24-bit uniform and 26-bit angle', () => {
  // the f32 normals are exact Box-Muller of (u1, angle) on the stated grids; what f32 adds is arithmetic error only
  let worst = 0;
  for (let i = 0; i < N; i++) {
    const u1 = 1 - (a[i]! >>> 8) * 2 ** -24;
    const angle = (Math.PI / 2) * ((b[i]! >>> 30) + ((b[i]! << 2) >> 8) * 2 ** -24);
    const radius = Math.sqrt(-2 * Math.log(u1));
    const exact = [radius * Math.cos(angle), radius * Math.sin(angle)];
    for (let j = 0; j < 2; j++) {
      const got = z[2 * i + j]!;
      assert.ok(Math.fround(got) === got, `normal ${2 * i + j} is not an f32`);
      worst = Math.max(worst, Math.abs(got - exact[j]!) / (1 + Math.abs(exact[j]!)));
    }
  }
  // 2^-24 = 6e-8 is one f32 ulp at 1: the log, the kernels, the angle constant and four roundings stay within a few
  assert.ok(worst < 4e-7, `worst relative difference ${worst}`);
});

test('2^21 f32 normals have mean 0 and variance 1 within 3 SE, normal skewness and kurtosis, and a normal K-S distance', () => {
  assertNormalMoments(z);
  assertNormalKs(z);
});

test('|z| never exceeds sqrt(48 ln 2) = 5.768, which the largest radius reaches exactly', () => {
  const maxAbs = z.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  assert.ok(maxAbs <= TAIL_BOUND * (1 + 1e-6) && maxAbs > 4.5, `max |z| ${maxAbs}`);
  const pair = new Float64Array(2);
  boxMullerF32(0xffffffff, 0, pair, 0); // u1 = 2^-24, angle 0: z = radius
  assert.ok(Math.abs(pair[0]! - TAIL_BOUND) < 1e-6 * TAIL_BOUND, `radius at the smallest uniform ${pair[0]}`);
  assert.ok(TAIL_BOUND > 5.5);
});

test.run();
