// f32 log of the single-precision normals: wasm f32x4 bit for bit with the TS twin, within its stated ulp on 2^20 points.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logPositiveNormalF32 } from '../../src/math/log-f32.js';
import { fixedPoints, POINTS } from '../support/math-points.js';
import { runF32Kernel, ulpsF32 } from '../support/f32-kernels.js';
import { createNodeEngine } from '../../src/runtime/node.js';

const KEY = 0x6c6f6732;
// Measured maximum over these points, rounded up (assembly/math/log-f32.ts states it): re-measure, never raise.
const MAX_ULP = 0.84;

/** Edge cases, then half the points uniform on the Box-Muller grid [2^-24, 1] and half log-uniform over the normal range. */
function points(): Float32Array {
  const edges = [1, 2 ** -24, 2 ** -126, 0.5, 0.75, Math.SQRT1_2, Math.SQRT2, 2, 1 - 2 ** -24, 3.4e38, 1e-30];
  return Float32Array.from(
    fixedPoints(edges, KEY, (i, w0, _w1, _w2, unit) =>
      i % 2 === 0 ? 1 - (w0 >>> 8) * 2 ** -24 : 2 ** (-126 + 253.99 * unit),
    ),
  );
}

const xs = points();

test('the wasm f32x4 log gives the bits of the TS twin on every point', async () => {
  const engine = await createNodeEngine();
  const [got] = runF32Kernel(engine, engine.exports.logArrayF32, xs, 1);
  for (let i = 0; i < POINTS; i++) {
    const twin = logPositiveNormalF32(xs[i]!);
    if (!Object.is(got![i], twin)) assert.unreachable(`log(${xs[i]}): wasm ${got![i]}, twin ${twin}`);
  }
});

test('log in f32 stays within its stated ulp of the exact value', () => {
  let worst = 0;
  for (const x of xs) {
    if (x === 1) {
      assert.is(logPositiveNormalF32(x), 0);
      continue;
    }
    worst = Math.max(worst, ulpsF32(logPositiveNormalF32(x), Math.log(x)));
  }
  assert.ok(worst <= MAX_ULP, `max ${worst.toFixed(3)} ulp`);
  assert.ok(worst > 0.5, 'an f32 log cannot be exact everywhere: the reference is wrong');
});

test.run();
