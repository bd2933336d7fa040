// VecEnv against Gymnasium's env checker rules (gymnasium.utils.env_checker and the VectorEnv contract): spaces
// respected, reset/step signatures and dtypes, determinism per seed, no NaN, and the same-step autoreset rule.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { createEngine, VecEnv, InputError, type StepResult } from '../../src/index.js';

const engine = await createEngine();
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
const heston = load('examples/heston-execution.json');
const ac = load('examples/almgren-chriss.json');
const WORLDS = {
  'Heston world (transient impact, cap, U-shaped volume)': {
    market: heston.market,
    order: { ...heston.order, horizonMinutes: 60, stepMinutes: 5 },
  },
  'Almgren-Chriss world (mean-variance reward)': {
    market: ac.market,
    order: ac.order,
    objective: { type: 'mean-variance' as const, riskAversionPerCurrency: 1e-6 },
  },
};
const B = 32;

/** xorshift32: the test's own fixed-seed action stream (not the engine's generator). */
function actionStream(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Random actions, some outside [0, 1] (clipped by the env), for `episodes` episodes; every step's result. */
function play(env: VecEnv, seed: number, episodes: number, actionSeed: number): StepResult[] {
  const next = actionStream(actionSeed);
  const out: StepResult[] = [];
  for (let i = 0; i < episodes * env.maxEpisodeSteps; i++)
    out.push(env.step(Float64Array.from({ length: env.numEnvs }, () => 1.2 * next() - 0.1)));
  return out;
}

for (const [world, config] of Object.entries(WORLDS)) {
  test(`${world}: spaces have Gymnasium's shape and dtype, and every observation and action of a random rollout lies in them`, () => {
    const env = new VecEnv(engine, config, { numEnvs: B });
    assert.equal(env.observationSpace.shape, [B, 6]);
    assert.is(env.observationSpace.dtype, 'float32');
    assert.equal(env.actionSpace.shape, [B]);
    assert.is(env.actionSpace.dtype, 'float64');
    assert.equal(env.singleObservationSpace.shape, [6]);
    assert.ok(env.actionSpace.contains(new Float64Array(B).fill(0.5)));
    assert.not.ok(env.actionSpace.contains(new Float64Array(B).fill(Number.NaN)), 'NaN is in no box');
    assert.not.ok(env.actionSpace.contains(new Float64Array(B - 1)), 'a batch of the wrong size is not in the box');
    const { obs, info } = env.reset({ seed: 3 });
    assert.ok(obs instanceof Float32Array && env.observationSpace.contains(obs), 'reset observation in the space');
    assert.type(info, 'object');
    for (const r of play(env, 3, 3, 99)) {
      assert.ok(r.obs instanceof Float32Array && env.observationSpace.contains(r.obs), 'step observation in the space');
      assert.ok(
        r.reward instanceof Float32Array && r.reward.length === B && r.reward.every(Number.isFinite),
        'rewards: B finite float32',
      );
      assert.ok(
        r.terminated instanceof Uint8Array &&
          r.terminated.length === B &&
          r.terminated.every((t) => t === 0 || t === 1),
      );
      assert.ok(r.truncated instanceof Uint8Array && r.truncated.every((t) => t === 0));
      if (r.info.finalObs) assert.ok(env.observationSpace.contains(r.info.finalObs), 'final observation in the space');
    }
  });

  test(`${world}: reset with a seed is deterministic (also after steps), steps are deterministic given the actions, another seed differs`, () => {
    const env = new VecEnv(engine, config, { numEnvs: B });
    const first = env.reset({ seed: 5 }).obs;
    const a = play(env, 5, 2, 7);
    const again = env.reset({ seed: 5 }).obs;
    const b = play(env, 5, 2, 7);
    assert.equal(Array.from(again), Array.from(first));
    assert.equal(
      a.map((r) => [...r.obs, ...r.reward]),
      b.map((r) => [...r.obs, ...r.reward]),
    );
    const other = new VecEnv(engine, config, { numEnvs: B });
    other.reset({ seed: 6 });
    const c = play(other, 6, 1, 7);
    assert.not.equal(
      c.map((r) => [...r.reward]),
      a.slice(0, c.length).map((r) => [...r.reward]),
    );
  });

  test(`${world}: same-step autoreset: episodes end together at maxEpisodeSteps, obs is the next episode's first, finalObs the terminal one`, () => {
    const env = new VecEnv(engine, config, { numEnvs: B });
    env.reset({ seed: 9 });
    const steps = play(env, 9, 2, 1);
    steps.forEach((r, i) => {
      const last = (i + 1) % env.maxEpisodeSteps === 0;
      assert.ok(
        r.terminated.every((t) => t === (last ? 1 : 0)),
        `step ${i}`,
      );
      assert.is(r.info.episode !== undefined, last, `episode info on the last step only (step ${i})`);
      assert.is(r.info.finalObs !== undefined, last);
    });
    const end = steps[env.maxEpisodeSteps - 1]!;
    for (let p = 0; p < B; p++) assert.is(end.info.finalObs![p * 6], 0, 'no time left in the terminal observation');
    const fresh = new VecEnv(engine, config, { numEnvs: B });
    const next = fresh.reset({ seed: 9, options: { firstPath: B } });
    assert.equal(Array.from(end.obs), Array.from(next.obs), 'the autoreset observation is episode 1 of the seed');
    assert.is(next.info.firstPath, B);
    const unseeded = new VecEnv(engine, config, { numEnvs: B });
    unseeded.reset({ seed: 9 });
    assert.equal(
      Array.from(unseeded.reset().obs),
      Array.from(next.obs),
      'reset() without a seed starts the next episode of the stream',
    );
  });
}

test('the reset/step contract: no step before reset, one action per environment, NaN refused, actions outside [0, 1] clipped', () => {
  const config = WORLDS['Almgren-Chriss world (mean-variance reward)'];
  const env = new VecEnv(engine, config, { numEnvs: 16 });
  assert.throws(() => env.step(new Float64Array(16)), /call reset\(\) before the first step/);
  env.reset({ seed: 1 });
  assert.throws(
    () => env.step(new Float64Array(15)),
    (e: unknown) => e instanceof InputError && e.field === 'actions',
  );
  assert.throws(
    () => env.step(new Float64Array(16).fill(Number.NaN)),
    (e: unknown) => e instanceof InputError && e.field === 'actions.0',
  );
  const clipped = env.step(new Float64Array(16).fill(7)).reward;
  env.reset({ seed: 1 });
  assert.equal(Array.from(env.step(new Float64Array(16).fill(1)).reward), Array.from(clipped));
  assert.throws(
    () => new VecEnv(engine, config, { numEnvs: 20 }),
    (e: unknown) => e instanceof InputError && e.field === 'options.numEnvs',
  );
  assert.throws(
    () => new VecEnv(engine, { ...config, order: { ...config.order, shares: -1 } }, { numEnvs: 16 }),
    (e: unknown) => e instanceof InputError && /^order\.shares: must be > 0/.test(e.message),
  );
  assert.throws(
    () => env.reset({ seed: -1 }),
    (e: unknown) => e instanceof InputError && e.field === 'seed',
  );
});

test.run();
