// Generalised advantage estimation against hand computation and its two limits.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gae } from '../../src/learn/gae.js';

const close = (a: number, b: number) => Math.abs(a - b) < 1e-5;

test('one env, three steps, gamma 0.9, lambda 0.8 matches the recursion by hand', () => {
  const r = Float32Array.of(1, 2, 3),
    v = Float32Array.of(0.5, 1, 1.5),
    d = Uint8Array.of(0, 0, 1);
  const { advantages, returns } = gae(r, v, d, Float32Array.of(99), 1, 0.9, 0.8);
  const d2 = 3 - 1.5,
    d1 = 2 + 0.9 * 1.5 - 1,
    d0 = 1 + 0.9 * 1 - 0.5;
  const a2 = d2,
    a1 = d1 + 0.72 * a2,
    a0 = d0 + 0.72 * a1;
  assert.ok(close(advantages[2]!, a2) && close(advantages[1]!, a1) && close(advantages[0]!, a0));
  assert.ok(close(returns[0]!, a0 + 0.5));
});

test('gamma = lambda = 1 gives Monte Carlo returns, and the episode end stops bootstrapping', () => {
  // two envs, time-major: env 0 rewards 1, 2, 3; env 1 rewards -1, 0, 4
  const r = Float32Array.of(1, -1, 2, 0, 3, 4),
    v = new Float32Array(6).fill(7),
    d = Uint8Array.of(0, 0, 0, 0, 1, 1);
  const { returns } = gae(r, v, d, Float32Array.of(1000, 1000), 2, 1, 1);
  assert.equal(Array.from(returns), [6, 3, 5, 4, 3, 4]);
});

test('lambda = 0 gives one-step TD errors', () => {
  const r = Float32Array.of(1, 1),
    v = Float32Array.of(2, 3),
    d = Uint8Array.of(0, 0);
  const { advantages } = gae(r, v, d, Float32Array.of(5), 1, 0.5, 0);
  assert.ok(close(advantages[0]!, 1 + 0.5 * 3 - 2) && close(advantages[1]!, 1 + 0.5 * 5 - 3));
});

test.run();
