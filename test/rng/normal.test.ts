// Box-Muller normals from Philox: wasm equals the twin bit for bit, and the draws are standard normal.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../src/runtime/node.js';
import { normalQuad } from '../../src/reference/rng/normal.js';
import { normalCdf } from '../../src/math/normal-cdf.js';

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
  let s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0;
  for (const x of z) {
    s1 += x;
    s2 += x * x;
    s3 += x ** 3;
    s4 += x ** 4;
  }
  const mean = s1 / N,
    variance = s2 / N - mean * mean;
  assert.ok(Math.abs(mean) < 3 / Math.sqrt(N), `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 3 * Math.sqrt(2 / N), `variance ${variance}`);
  assert.ok(Math.abs(s3 / N) < 3 * Math.sqrt(15 / N), `third moment ${s3 / N}`);
  assert.ok(Math.abs(s4 / N - 3) < 3 * Math.sqrt(96 / N), `fourth moment ${s4 / N}`);
});

test('the Kolmogorov-Smirnov distance to N(0, 1) is below its 0.1% critical value', () => {
  // false-failure rate of a correct generator: 1e-3 per seed (asymptotic K-S quantile 1.9495 / sqrt(n))
  const sorted = Float64Array.from(z).sort();
  let d = 0;
  for (let i = 0; i < N; i++) {
    const f = normalCdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / N), Math.abs((i + 1) / N - f));
  }
  assert.ok(d < 1.9495 / Math.sqrt(N), `D = ${d}`);
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
