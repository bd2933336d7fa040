// PPO's minibatch gradients over fixed slices: the trained policy is the same bits on one thread and on two.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ppoHestonConfig } from '../../src/learn/experiments/ppo-heston.js';
import { trainFromConfig } from '../../src/learn/train.js';
import { createNodeEngine } from '../../src/runtime/node.js';
import { gradientPool } from '../../src/runtime/node-gradient-pool.js';
import { cutSlices } from '../../src/learn/ppo-gradients.js';

test('a minibatch is cut into contiguous slices whose sizes differ by at most one, in minibatch order', () => {
  const F = 2,
    n = 10;
  const obs = Float32Array.from({ length: n * F }, (_, i) => i),
    u = Float32Array.from({ length: n }, (_, i) => 100 + i);
  const idx = Uint32Array.from([9, 3, 4, 0, 7, 1, 2]);
  const adv = Float32Array.from(idx, (_, i) => -i);
  const slices = cutSlices(idx, 3, obs, u, u, adv, u, F);
  assert.equal(
    slices.map((s) => s.u.length),
    [2, 2, 3],
  );
  assert.equal(
    [...slices.flatMap((s) => [...s.u])],
    [...idx].map((j) => 100 + j),
  );
  assert.equal([...slices.flatMap((s) => [...s.adv])], [...adv]);
  assert.equal([...slices[0]!.x], [18, 19, 6, 7]);
});

test('the same seed trains the same policy file on one thread and on two (slices summed in a fixed order)', async () => {
  const config = ppoHestonConfig(true);
  config.ppo = { ...config.ppo, iterations: 3, envs: 256, minibatch: 1024, gradientSlices: 4 };
  const engine = await createNodeEngine();
  const one = await trainFromConfig(config, engine, { createdAt: 'test' });
  const two = await trainFromConfig(config, engine, { createdAt: 'test', gradients: gradientPool(2) });
  assert.is(JSON.stringify(two.policy), JSON.stringify(one.policy));
  assert.ok(one.history.every((h) => Number.isFinite(h.policyLoss) && Number.isFinite(h.valueLoss)));
});

test.run();
