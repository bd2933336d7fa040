// The flow policy inside wasm (assembly/policy/flow.ts) against the tfjs sampler FlowOE trains (FlowNet.sample): the same
// K-step Euler sampling from the same a_0 agrees to 1e-5, and the TS twin to the bit; a flow policy file judged in the
// engine gives the objectives of the tfjs rollout on the same paths.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createNodeEngine } from '../../../src/runtime/node.js';
import { WasmBackend } from '../../../src/engine/wasm/wasm-backend.js';
import { OBSERVATION_FEATURES, OBSERVATION_NAMES } from '../../../src/engine/env-layout.js';
import { flowBlock, FLOW_INPUTS } from '../../../src/engine/flow-layout.js';
import { seedWords } from '../../../src/engine/seed.js';
import { tfWasm } from '../../../src/learn/tf.js';
import { FlowNet } from '../../../src/learn/flow/flow-net.js';
import { flowPolicy, sharedObservationScales } from '../../../src/learn/flow/flowoe.js';
import { rollout } from '../../../src/learn/flow/experts.js';
import { defaultRegimes } from '../../../src/learn/flow/regimes.js';
import { trainingEnvironment } from '../../../src/learn/train.js';
import { objectiveSamples } from '../../../src/learn/objective-eval.js';
import { flowMu, flowNoise } from '../../../src/reference/policy/flow.js';
import { parsePolicyFile, policyRef, type FlowPolicyFile } from '../../../src/strategies/policy-file.js';

/** The bar for wasm vs tfjs; both are float32 and differ in summation order (and x / std vs x invStd). */
const TOLERANCE = 1e-5;
const F = OBSERVATION_FEATURES;
const engine = await createNodeEngine();
const tf = await tfWasm();

/** A flow net with its biases moved off zero and a scaling that exercises every feature. */
function network(hidden: [number, number], seed: number): FlowNet {
  const net = new FlowNet(
    tf,
    hidden,
    {
      obsMean: Float32Array.of(0.5, 0.5, 1, 0, 1, 0.2),
      obsStd: Float32Array.of(0.3, 0.3, 0.4, 1.2, 0.5, 0.8),
      actionMean: -0.4,
      actionStd: 1.3,
    },
    seed,
  );
  net.mlp.importDense(net.mlp.exportDense().map((l, i) => ({ w: l.w, b: l.b.map((_, j) => 0.1 * Math.sin(i + j)) })));
  return net;
}

const blockOf = (net: FlowNet, eulerSteps: number, sampledNoise = false) =>
  flowBlock({
    actionScale: 20,
    hidden: net.hidden,
    obsMean: net.scaling.obsMean,
    obsStd: net.scaling.obsStd,
    actionMean: net.scaling.actionMean,
    actionStd: net.scaling.actionStd,
    layers: net.mlp.exportDense(),
    eulerSteps,
    sampledNoise,
  });

/** The kernel's flowMu over n observations (row-major [n][F]) and a_0 (or 0), constant-feature mask as given. */
function wasmMu(block: Float32Array, obs: Float32Array, a0: Float32Array | undefined, constantMask: number) {
  const n = obs.length / F;
  const mark = engine.mark();
  try {
    const blockPtr = engine.alloc(block.length * 4, 16),
      obsPtr = engine.alloc(n * F * 4, 16),
      a0Ptr = a0 ? engine.alloc(n * 4, 16) : 0,
      outPtr = engine.alloc(n * 4, 16);
    const memory = () => engine.exports.memory.buffer;
    new Float32Array(memory(), blockPtr, block.length).set(block);
    const planes = new Float32Array(memory(), obsPtr, n * F);
    for (let p = 0; p < n; p++) for (let i = 0; i < F; i++) planes[i * n + p] = obs[p * F + i]!;
    if (a0) new Float32Array(memory(), a0Ptr, n).set(a0);
    engine.exports.flowMu(blockPtr, obsPtr, a0Ptr, outPtr, n, constantMask);
    return new Float32Array(memory(), outPtr, n).slice();
  } finally {
    engine.release(mark);
  }
}

/** Observations around the scaling's centre; the features in constantMask hold one value on every row. */
function observations(n: number, constantMask: number): Float32Array {
  return Float32Array.from({ length: n * F }, (_, i) => {
    const c = i % F,
      row = Math.floor(i / F);
    return Math.fround(0.4 + 0.9 * Math.sin(((constantMask >> c) & 1 ? 0 : row) * 1.37 + c * 2.1));
  });
}

const N = 4096;
for (const [hidden, constantMask] of [
  [[64, 64], 0],
  [[32, 16], 0b110001],
] as Array<[[number, number], number]>) {
  for (const K of [1, 2, 4, 8]) {
    test(`hidden ${hidden.join(' x ')}, K = ${K}, constant features ${constantMask.toString(2)}: wasm equals tfjs within 1e-5 on ${N} observations, from a_0 = 0 and from drawn a_0`, () => {
      const net = network(hidden, 3 + K);
      const block = blockOf(net, K);
      const obs = observations(N, constantMask);
      const z = Float32Array.from({ length: N }, (_, i) => flowNoise(seedWords(42), i, i % 26));
      for (const a0 of [undefined, z]) {
        const want = net.sample(obs, K, a0);
        const got = wasmMu(block, obs, a0, constantMask);
        let worst = 0;
        for (let p = 0; p < N; p++) worst = Math.max(worst, Math.abs(got[p]! - want[p]!) / (1 + Math.abs(want[p]!)));
        assert.ok(worst <= TOLERANCE, `largest relative difference ${worst}`);
        for (let p = 0; p < N; p += 37) {
          const twin = flowMu(block, obs.subarray(p * F, p * F + F), constantMask, a0 ? a0[p]! : 0);
          assert.ok(Object.is(got[p], twin), `path ${p}: wasm ${got[p]} twin ${twin}`);
        }
      }
      net.dispose();
    });
  }
}

test('a flow policy file judged in the engine gives the tfjs rollout objectives on the same paths (a_0 = 0 and drawn)', () => {
  const regimes = defaultRegimes();
  const specs = sharedObservationScales(regimes.map((r) => trainingEnvironment(r.config).judging));
  const own = trainingEnvironment(regimes[0]!.config).judging;
  const A = regimes[0]!.config.ppo.actionScale;
  const net = network([16, 16], 7);
  const layers = net.mlp.exportDense().map((l) => ({ w: Array.from(l.w), b: Array.from(l.b) }));
  for (const noise of ['zero', 'sampled'] as const) {
    const file = parsePolicyFile({
      format: 'flowexec-policy',
      version: 1,
      type: 'flow',
      name: 'probe',
      createdAt: 'test',
      network: {
        inputs: FLOW_INPUTS,
        hidden: net.hidden,
        activation: 'relu',
        observation: [...OBSERVATION_NAMES],
        obsMean: Array.from(net.scaling.obsMean),
        obsStd: Array.from(net.scaling.obsStd),
        actionMean: net.scaling.actionMean,
        actionStd: net.scaling.actionStd,
        layers,
        actionScale: A,
        eulerSteps: 4,
        noise,
        observationScales: {
          priceMove: specs[0]!.obsPriceScale,
          variance: specs[0]!.obsVarianceScale,
          transient: specs[0]!.obsTransientScale,
        },
      },
      trainedFor: {},
      training: {},
    }) as FlowPolicyFile;
    const paths = 256,
      seed = 31;
    const tfjs = rollout(
      engine,
      specs[0]!,
      flowPolicy(engine, net, 4, A, specs[0]!.steps, noise === 'sampled' ? { seed } : undefined),
      paths,
      seed,
      128,
      A,
    ).objective;
    // the engine runs the regime's own env; the file's observation scales map its observations to training's
    const ref = policyRef(file, {
      priceMove: own.obsPriceScale,
      variance: own.obsVarianceScale,
      transient: own.obsTransientScale,
    });
    const wasm = objectiveSamples(new WasmBackend(engine), own, ref, paths, seed);
    let worst = 0;
    for (let p = 0; p < paths; p++) worst = Math.max(worst, Math.abs(wasm[p]! - tfjs[p]!));
    // f32 networks differ by ~1e-6 in u, so fractions by ~1e-7 relative: objectives (~100 bps) to ~1e-4 bps
    assert.ok(worst < 1e-3, `${noise}: largest objective difference ${worst} bps`);
  }
  net.dispose();
});

test.run();
