// The policy network evaluated in wasm agrees with the tfjs forward pass (the one PPO trains) to 1e-5.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tfWasm } from '../../src/learn/tf.js';
import { Mlp, mlpWeights } from '../../src/learn/policy-net.js';
import { mlpBlock } from '../../src/engine/mlp-layout.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { mlpMu } from '../../src/reference/policy/mlp.js';

/** The bar for wasm vs tfjs; both are float32, they differ only in summation order. */
const TOLERANCE = 1e-5;
const tf = await tfWasm();
const engine = await createNodeEngine();

// Features the kernel may fold into the first layer's bias (time left, variance, volume level, transient: the
// Brownian world without transient impact); their planes then hold one value on every path, as envObserve's do.
const FOLDED = 0b110101;

for (const [hidden, constantMask] of [
  [[16, 16], 0],
  [[32, 8], 0],
  [[5, 3], 0],
  [[16, 16], FOLDED],
  [[5, 3], FOLDED],
] as Array<[[number, number], number]>) {
  test(`hidden ${hidden.join(' x ')}, constant features ${constantMask.toString(2)}: wasm mu equals tfjs mu within 1e-5 and the TS twin bit for bit`, () => {
    const actor = new Mlp(tf, 6, hidden, 1, 11);
    // move the biases off zero so every layer is exercised
    actor.importDense(actor.exportDense().map((l, i) => ({ w: l.w, b: l.b.map((_, j) => 0.1 * Math.sin(i + j)) })));
    const mean = [0.5, 0.5, 1, 0, 1, 0.2],
      std = [0.3, 0.3, 0.4, 1.2, 0.5, 0.8];
    const block = mlpBlock(mlpWeights(actor, mean, std, 10));
    const n = 64;
    const obs = Float32Array.from({ length: n * 6 }, (_, i) =>
      Math.fround(Math.cos(((constantMask >> (i % 6)) & 1 ? i % 6 : i) * 1.7) * 2 + 0.5),
    );
    const normalised = obs.map((x, i) =>
      Math.min(Math.max(Math.fround(Math.fround(x - mean[i % 6]!) * Math.fround(1 / std[i % 6]!)), -10), 10),
    );
    const expected = tf.tidy(() => actor.apply(tf.tensor2d(normalised, [n, 6])).dataSync() as Float32Array);
    const mark = engine.mark();
    const blockPtr = engine.alloc(block.length * 4, 16),
      obsPtr = engine.alloc(n * 6 * 4, 16),
      outPtr = engine.alloc(n * 4, 16);
    new Float32Array(engine.exports.memory.buffer, blockPtr, block.length).set(block);
    const planes = new Float32Array(engine.exports.memory.buffer, obsPtr, n * 6);
    for (let p = 0; p < n; p++) for (let i = 0; i < 6; i++) planes[i * n + p] = obs[p * 6 + i]!;
    engine.exports.mlpForward(blockPtr, obsPtr, outPtr, n, constantMask);
    const got = new Float32Array(engine.exports.memory.buffer, outPtr, n).slice();
    engine.release(mark);
    for (let p = 0; p < n; p++) {
      assert.ok(
        Math.abs(got[p]! - expected[p]!) <= TOLERANCE * (1 + Math.abs(expected[p]!)),
        `path ${p}: wasm ${got[p]} tfjs ${expected[p]}`,
      );
      assert.ok(
        Object.is(got[p], mlpMu(block, obs.subarray(p * 6, p * 6 + 6), constantMask)),
        `path ${p}: twin differs`,
      );
    }
    actor.dispose();
  });
}

test.run();
