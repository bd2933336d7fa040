// f32 sin and cos kernels of the single-precision normals: wasm bit for bit with the twin, within stated ulp on 2^20 points.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sinKernelF32, cosKernelF32 } from '../../src/math/sincos-f32.js';
import { fixedPoints, POINTS } from '../support/math-points.js';
import { runF32Kernel, ulpsF32 } from '../support/f32-kernels.js';
import { createNodeEngine } from '../../src/runtime/node.js';

const KEY = 0x73696e32;
// Measured maxima over these points, rounded up (assembly/math/sincos-f32.ts states them): re-measure, never raise.
const MAX_SIN_ULP = 0.76;
const MAX_COS_ULP = 1.24;
const f = Math.fround;

/** Edge cases, then the angles the normals use: ((w << 2) >> 8) (pi/2) 2^-24 in [-pi/4, pi/4). */
function points(): Float32Array {
  const unit = f((Math.PI / 2) * 2 ** -24);
  const edges = [0, -0, f(Math.PI / 4), -f(Math.PI / 4), 2 ** -20, -(2 ** -20), 0.5, -0.5];
  return Float32Array.from(fixedPoints(edges, KEY, (_i, w0) => f(((w0 << 2) >> 8) * unit)));
}

const ys = points();

test('the wasm f32x4 sin and cos kernels give the bits of the TS twin on every point', async () => {
  const engine = await createNodeEngine();
  const [sin, cos] = runF32Kernel(engine, engine.exports.sincosKernelArrayF32, ys, 2);
  for (let i = 0; i < POINTS; i++) {
    const y = ys[i]!,
      z = f(y * y);
    if (!Object.is(sin![i], sinKernelF32(y, z)) || !Object.is(cos![i], cosKernelF32(z))) {
      assert.unreachable(`y = ${y}: wasm (${sin![i]}, ${cos![i]}), twin (${sinKernelF32(y, z)}, ${cosKernelF32(z)})`);
    }
  }
});

test('sin and cos in f32 stay within their stated ulp of the exact values on [-pi/4, pi/4]', () => {
  let worstSin = 0,
    worstCos = 0;
  for (const y of ys) {
    const z = f(y * y);
    if (y !== 0) worstSin = Math.max(worstSin, ulpsF32(sinKernelF32(y, z), Math.sin(y)));
    worstCos = Math.max(worstCos, ulpsF32(cosKernelF32(z), Math.cos(y)));
  }
  assert.ok(worstSin <= MAX_SIN_ULP, `sin: max ${worstSin.toFixed(3)} ulp`);
  assert.ok(worstCos <= MAX_COS_ULP, `cos: max ${worstCos.toFixed(3)} ulp`);
  assert.is(sinKernelF32(0, 0), 0);
  assert.is(cosKernelF32(0), 1);
});

test.run();
