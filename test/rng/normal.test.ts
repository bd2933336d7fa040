// Box-Muller normals from Philox: wasm equals the twin bit for bit, and the draws are standard normal.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { normalQuad } from '../../src/reference/rng/normal.js';
import { assertNormalMoments, assertNormalKs } from '../support/normality.js';

const engine = await createNodeEngine();
const N = 1 << 20;
const KEY = [0x2545f491, 0x4f6cdd1d];

/** Normals 0 .. N - 1 of (path 0, stream 0) from the wasm scalar generator. */
function wasmNormals(path: number, count: number): Float64Array {
  const mark = engine.mark();
  const ptr = engine.alloc(count * 8);
  engine.exports.normalBlock(path, 0, KEY[0]!, KEY[1]!, count, ptr);
  const out = engine.f64(ptr, count).slice();
  engine.release(mark);
  return out;
}

const z = wasmNormals(0, N);

test('the wasm normals equal the TS twin bit for bit', () => {
  const quad = new Float64Array(4);
  for (const path of [0, 1, 77, 2 ** 31 + 5]) {
    const w = wasmNormals(path, 4096);
    for (let c = 0; c < 1024; c++) {
      normalQuad(path, c, 0, KEY[0]!, KEY[1]!, quad);
      for (let j = 0; j < 4; j++) assert.ok(Object.is(w[4 * c + j], quad[j]), `path ${path} normal ${4 * c + j}`);
    }
  }
});

test('2^20 normals have mean 0 and variance 1 within 3 SE, and normal skewness and kurtosis', () => {
  assertNormalMoments(z);
});

test('the Kolmogorov-Smirnov distance to N(0, 1) is below its 0.1% critical value', () => {
  assertNormalKs(z);
});

test('the two normals of a Box-Muller pair are uncorrelated and |z| stays within sqrt(64 ln 2)', () => {
  let cross = 0,
    maxAbs = 0;
  for (let i = 0; i < N; i += 2) {
    cross += z[i]! * z[i + 1]!;
    maxAbs = Math.max(maxAbs, Math.abs(z[i]!), Math.abs(z[i + 1]!));
  }
  assert.ok(Math.abs(cross / (N / 2)) < 3 / Math.sqrt(N / 2), `pair correlation ${cross / (N / 2)}`);
  assert.ok(maxAbs <= Math.sqrt(64 * Math.LN2) && maxAbs > 4.5, `max |z| ${maxAbs}`);
});

test('the tails carry normal probability: P(|z| > 3) within 3 SE of 0.0026998', () => {
  const p = 0.0026997960632601866;
  const count = z.reduce((c, x) => c + (Math.abs(x) > 3 ? 1 : 0), 0);
  assert.ok(Math.abs(count / N - p) < 3 * Math.sqrt((p * (1 - p)) / N), `P(|z|>3) = ${count / N}`);
});

test('consecutive paths are independent streams: correlation of their normals is within 3 SE of zero', () => {
  const other = wasmNormals(1, N);
  let cross = 0;
  for (let i = 0; i < N; i++) cross += z[i]! * other[i]!;
  assert.ok(Math.abs(cross / N) < 3 / Math.sqrt(N), `cross-path correlation ${cross / N}`);
});

test.run();
