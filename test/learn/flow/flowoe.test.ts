// FlowOE's pieces: the action inverse, expert rollouts on common paths (against the evaluation kernel), labelling,
// flow matching recovering a known conditional map, policy files (round trip, errors naming the field, determinism).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '../../../src/runtime/node.js';
import { WasmBackend } from '../../../src/engine/wasm/wasm-backend.js';
import { OBSERVATION_FEATURES, POLICY_ADAPTIVE_AC, POLICY_SCHEDULE } from '../../../src/engine/env-layout.js';
import { actionFraction, actionShift } from '../../../src/engine/mlp-layout.js';
import { objectiveSamples } from '../../../src/learn/objective-eval.js';
import { trainingEnvironment } from '../../../src/learn/train.js';
import { tfWasm } from '../../../src/learn/tf.js';
import { REGIME_NAMES, regimeConfigInput, defaultRegimes } from '../../../src/learn/flow/regimes.js';
import {
  actionOfFraction,
  adaptiveAcExpert,
  expertPolicy,
  policyExpert,
  rollout,
  staticExperts,
} from '../../../src/learn/flow/experts.js';
import { expertWeights, type Demonstrations } from '../../../src/learn/flow/demonstrations.js';
import { trainFlow } from '../../../src/learn/flow/flow-matching.js';
import { parseFlowOeConfig } from '../../../src/learn/flow/flowoe-config.js';
import { trainFlowOe, flowPolicy, sharedObservationScales } from '../../../src/learn/flow/flowoe.js';
import { VecEnv } from '../../../src/learn/vec-env.js';
import { loadFlowNet } from '../../../src/learn/flow/flow-net.js';
import { InputError } from '../../../src/errors/input-error.js';
import {
  parsePolicyFile,
  policyFileOf,
  policyRef,
  isFlowPolicy,
  type MlpPolicyFile,
} from '../../../src/strategies/policy-file.js';

function parseFlowPolicy(input: unknown) {
  const p = parsePolicyFile(input);
  if (!isFlowPolicy(p)) throw new Error('not a flow policy');
  return p;
}

const engine = await createNodeEngine();
const tf = await tfWasm();

test('examples/regimes/{HH,HL,LH,LL}.json are the regimes the flowoe experiment uses', () => {
  for (const name of REGIME_NAMES) {
    assert.equal(JSON.parse(readFileSync(`examples/regimes/${name}.json`, 'utf8')), regimeConfigInput(name), name);
  }
  const [hh, , , ll] = defaultRegimes();
  const model = (r: typeof hh) => r!.config.market.model as { theta: number; xi: number };
  assert.ok(model(hh).theta > model(ll).theta && model(hh).xi > model(ll).xi);
});

test('actionOfFraction inverts the env action map (TWAP is u = 0) inside the clamp', () => {
  const A = 20,
    shift = actionShift(A);
  assert.ok(Math.abs(actionOfFraction(1 / 26, A, 26)) < 1e-12, 'TWAP');
  for (const stepsLeft of [2, 7, 26]) {
    for (const fraction of [0.001, 0.01, 0.1, 0.3, 0.5]) {
      if (fraction * stepsLeft >= A) continue;
      const back = actionFraction(actionOfFraction(fraction, A, stepsLeft), A, shift, stepsLeft);
      // the kernel's sigmoid is f32: relative error about 1e-7
      assert.ok(Math.abs(back / fraction - 1) < 1e-5, `${fraction} at ${stepsLeft} steps left -> ${back}`);
    }
  }
});

test('expert rollouts in the batched env give the evaluation kernel objectives on the same paths (common random numbers)', () => {
  const regime = defaultRegimes()[0]!;
  const spec = trainingEnvironment(regime.config).judging,
    A = regime.config.ppo.actionScale;
  const [twap, , ac] = staticExperts(regime.config, [400]);
  const adaptive = adaptiveAcExpert(regime.config, 400);
  // a network expert (as a trained PPO policy would be): small deterministic weights, read from a policy file
  const h = 4,
    wave = (n: number, k: number) => Array.from({ length: n }, (_, i) => 0.3 * Math.sin(1.7 * i + k));
  const file = policyFileOf(
    'net',
    {
      actionScale: 20,
      inputs: OBSERVATION_FEATURES,
      hidden: [h, h],
      obsMean: new Array(OBSERVATION_FEATURES).fill(0.1),
      obsStd: new Array(OBSERVATION_FEATURES).fill(0.5),
      w1: wave(h * OBSERVATION_FEATURES, 1),
      b1: wave(h, 2),
      w2: wave(h * h, 3),
      b2: wave(h, 4),
      w3: wave(h, 5),
      b3: [0.2],
    },
    -1,
    {},
    {},
    'test',
  );
  const network = policyExpert('net', parsePolicyFile(JSON.parse(JSON.stringify(file))) as MlpPolicyFile);
  const paths = 64,
    seed = 99;
  for (const e of [twap!, ac!, adaptive, network]) {
    const got = rollout(engine, spec, expertPolicy(e, spec.steps), paths, seed, 32, A).objective;
    const policy =
      e.kind === 'schedule'
        ? { kind: POLICY_SCHEDULE, params: e.qty }
        : e.kind === 'adaptive-ac'
          ? { kind: POLICY_ADAPTIVE_AC, params: e.params }
          : policyRef(file);
    const want = objectiveSamples(new WasmBackend(engine), spec, policy, paths, seed);
    for (let p = 0; p < paths; p++)
      assert.ok(
        Math.abs(got[p]! - want[p]!) <= 1e-9 * Math.max(1, Math.abs(want[p]!)),
        `${e.name} path ${p}: ${got[p]} vs ${want[p]}`,
      );
  }
});

test('shared observation scales make the volatility level observable across regimes (the env alone normalises it away)', () => {
  const regimes = defaultRegimes(),
    own = regimes.map((r) => trainingEnvironment(r.config).judging);
  const firstVariance = (spec: (typeof own)[number]) => new VecEnv(engine, spec, 16).reset(1)[2]!;
  // per-regime scaling: variance / theta = 1 at the start of every regime
  assert.ok(Math.abs(firstVariance(own[0]!) - firstVariance(own[3]!)) < 1e-6);
  const shared = sharedObservationScales(own);
  assert.ok(
    shared.every(
      (s) => s.obsVarianceScale === shared[0]!.obsVarianceScale && s.obsPriceScale === shared[0]!.obsPriceScale,
    ),
  );
  // HH starts at v0 = 0.0625, LL at 0.0225: their observed variances keep that ratio
  assert.ok(Math.abs(firstVariance(shared[0]!) / firstVariance(shared[3]!) - 0.0625 / 0.0225) < 1e-5);
  assert.equal(shared[0]!.params, own[0]!.params);
});

test('best labels are one-hot on the lowest objective; softmax weights are exp(-(J - J_best) / T), normalised', () => {
  assert.equal(expertWeights([3, 1, 2], 'best', 1), [0, 1, 0]);
  const w = expertWeights([3, 1, 2], 'softmax', 2);
  assert.ok(Math.abs(w.reduce((s, v) => s + v, 0) - 1) < 1e-12);
  assert.ok(Math.abs(w[2]! / w[1]! - Math.exp(-0.5)) < 1e-12 && Math.abs(w[0]! / w[1]! - Math.exp(-1)) < 1e-12);
  // far worse experts are dropped
  assert.is(expertWeights([0, 100], 'softmax', 1)[1], 0);
});

test('flow matching recovers a deterministic conditional map: K Euler steps from a_0 = 0 land on u(obs)', async () => {
  const n = 4096,
    F = OBSERVATION_FEATURES;
  const obs = new Float32Array(n * F),
    u = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const inventory = (i % 64) / 63;
    obs[i * F + 1] = inventory;
    obs[i * F] = (i % 7) / 6;
    u[i] = 3 * inventory - 1;
  }
  const demos: Demonstrations = { obs, u, weight: new Float32Array(n).fill(1), count: n, scores: [] };
  const { net, losses } = await trainFlow(
    engine,
    demos,
    { hidden: [32, 32], iterations: 400, batch: 256, learningRate: 3e-3, seed: 1 },
    undefined,
    40,
  );
  assert.ok(losses.every(Number.isFinite));
  assert.ok(losses.at(-1)! < 0.25 * losses[0]!, `loss ${losses[0]} -> ${losses.at(-1)}`);
  const probe = obs.subarray(0, 64 * F);
  const sampled = net.sample(probe, 8);
  let worst = 0;
  for (let i = 0; i < 64; i++) worst = Math.max(worst, Math.abs(sampled[i]! - u[i]!));
  // u spans [-1, 2] (std 0.87): the sampler lands within 0.25 of the target everywhere
  assert.ok(worst < 0.25, `largest error ${worst}`);
  net.dispose();
});

const tiny = (seed: number) =>
  parseFlowOeConfig({
    regimes: ['HH', 'LL'].map((name) => ({ name, config: regimeConfigInput(name as 'HH') })),
    experts: { acGrid: [100, 800] },
    demonstrations: { paths: 64, seed: 11 },
    flow: { hidden: [16, 16], iterations: 30, batch: 256, seed },
    refine: { rounds: 1, samples: 2, paths: 16, iterations: 5 },
    evaluation: { paths: 64 },
  });

test('the same config and seed give the same policy file byte for byte, refining included; another flow seed another file', async () => {
  const run = async (seed: number) => {
    const t = await trainFlowOe(tiny(seed), engine, { createdAt: 'test' });
    t.net.dispose();
    assert.is(t.refineRounds.length, 1);
    assert.ok(t.refineRounds[0]!.losses.every(Number.isFinite), 'finite refining losses');
    assert.ok(JSON.stringify(t.imitationPolicy) !== JSON.stringify(t.policy), 'refining changes the network');
    return JSON.stringify(t.policy);
  };
  const a = await run(3),
    b = await run(3),
    c = await run(4);
  assert.ok(a === b, 'same seed, same bytes');
  assert.ok(a !== c, 'another seed changes the policy');
  // the loss curve the dashboard draws: one mean per block of max(1, floor(30 / 20)) = 1 step, the last at step 30
  const history = JSON.parse(a).training.lossHistory;
  assert.equal(
    history.step,
    Array.from({ length: 30 }, (_, i) => i + 1),
  );
  assert.is(history.loss.at(-1), JSON.parse(a).training.finalLoss);
});

test('a saved flow policy loads back and samples the same actions; malformed files name the field', async () => {
  const t = await trainFlowOe(tiny(3), engine, { createdAt: 'test' });
  const file = parseFlowPolicy(JSON.parse(JSON.stringify(t.policy)));
  const loaded = loadFlowNet(tf, file.network);
  const obs = Float32Array.from({ length: 16 * OBSERVATION_FEATURES }, (_, i) => (i % 5) / 5);
  assert.equal(Array.from(loaded.sample(obs, 4)), Array.from(t.net.sample(obs, 4)));
  loaded.dispose();
  t.net.dispose();
  const broken = (edit: (p: Record<string, any>) => void) => {
    const p = JSON.parse(JSON.stringify(t.policy));
    edit(p);
    try {
      parseFlowPolicy(p);
    } catch (error) {
      assert.instance(error, InputError);
      return (error as InputError).message;
    }
    throw new Error('accepted a malformed policy');
  };
  assert.match(
    broken((p) => {
      p.network.layers[1].w.pop();
    }),
    'network.layers.1.w must have 256 values',
  );
  assert.match(
    broken((p) => {
      p.network.eulerSteps = 0;
    }),
    'network.eulerSteps',
  );
  assert.match(
    broken((p) => {
      p.type = 'ppo';
    }),
    'type must be "mlp" or "flow"',
  );
  assert.match(
    broken((p) => {
      p.network.obsStd[2] = 0;
    }),
    'network.obsStd',
  );
  assert.match(
    broken((p) => {
      p.network.layers[0].b[0] = 'x';
    }),
    'network.layers.0.b.0',
  );
});

test('the flow policy with sampled a_0 is a function of the evaluation seed and path, and differs from a_0 = 0', async () => {
  const config = tiny(3);
  const t = await trainFlowOe(config, engine, { createdAt: 'test' });
  const regime = defaultRegimes()[0]!,
    spec = trainingEnvironment(regime.config).judging,
    A = regime.config.ppo.actionScale;
  const run = (noise: { seed: number } | undefined) =>
    rollout(engine, spec, flowPolicy(engine, t.net, 4, A, spec.steps, noise), 64, 7, 32, A, true);
  const a = run({ seed: 5 }),
    b = run({ seed: 5 }),
    c = run({ seed: 6 }),
    zero = run(undefined);
  assert.equal(Array.from(a.u!), Array.from(b.u!));
  assert.ok(
    Array.from(a.u!).some((u, i) => u !== c.u![i]),
    'another noise seed, other actions',
  );
  assert.ok(
    Array.from(a.u!).some((u, i) => u !== zero.u![i]),
    'sampled differs from a_0 = 0',
  );
  assert.ok(a.completion.every((x) => x > 1 - 1e-9) && zero.completion.every((x) => x > 1 - 1e-9), 'orders complete');
  t.net.dispose();
});

test('bad flowoe configs name the field', () => {
  const good = { regimes: [{ name: 'HH', config: regimeConfigInput('HH') }] };
  const message = (input: unknown) => {
    try {
      parseFlowOeConfig(input);
      return '';
    } catch (e) {
      assert.instance(e, InputError);
      return (e as Error).message;
    }
  };
  assert.match(message({ ...good, demonstrations: { paths: 100 } }), 'demonstrations.paths');
  assert.match(message({ ...good, demonstrations: { labels: 'argmax' } }), 'demonstrations.labels');
  assert.match(
    message({ ...good, demonstrations: { seed: 5 }, evaluation: { seed: 5 } }),
    'demonstrations.seed: must differ',
  );
  assert.match(
    message({ regimes: [{ name: 'HH', config: { ...regimeConfigInput('HH'), objective: { type: 'nope' } } }] }),
    'regimes.0.config.objective',
  );
  assert.match(message({ regimes: [] }), 'regimes');
  assert.match(message({ ...good, refine: { samples: 1 } }), 'refine.samples');
  // round r refines on paths of seed refine.seed x 1000 + r: never the evaluation's
  assert.match(message({ ...good, refine: { rounds: 100, seed: 17 }, evaluation: { seed: 17050 } }), 'refine.seed');
  const other = regimeConfigInput('LL') as { order: Record<string, unknown> };
  assert.match(
    message({
      regimes: [good.regimes[0], { name: 'LL', config: { ...other, order: { ...other.order, stepMinutes: 30 } } }],
    }),
    'LL.order.stepMinutes',
  );
  assert.match(
    message({ ...good, experts: { policies: [{ regime: 'XX', name: 'ppo', policy: {} }] } }),
    'experts.policies.0.regime',
  );
  assert.match(
    message({
      ...good,
      experts: { policies: [{ regime: 'HH', name: 'ppo', policy: { format: 'flowexec-policy', version: 1 } }] },
    }),
    'experts.policies.0.policy',
  );
  assert.is(message(good), '');
});

test.run();
