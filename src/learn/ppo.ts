// Proximal policy optimisation (Schulman et al. 2017, "Proximal Policy Optimization Algorithms") on tfjs-wasm,
// collecting experience in the wasm execution environment with the policy network evaluated there too.
//
// Each iteration: one episode in each of B environments (the current actor in wasm; pre-squash action
// u = mu + std z, z from the engine's Philox stream 7 so training is a pure function of the seed); GAE (gamma,
// lambda); `epochs` passes of shuffled minibatches of the clipped surrogate (eq. 7) + value loss - entropy bonus;
// Adam, global-norm gradient clipping, learning rate decayed linearly to 0. Observations are normalised with
// running statistics frozen within an iteration; advantages per minibatch; rewards by a scale fixed from the
// first iteration's returns so value targets are O(1).
import type { Engine } from '../engine/wasm/engine.js';
import type { EnvSpec } from '../engine/env-spec.js';
import type { TerminalCost } from '../eval/closed-loop.js';
import { seedWords } from '../engine/seed.js';
import { OBSERVATION_FEATURES } from '../engine/env-layout.js';
import { mlpBlock, actionShift, actionFraction, type MlpWeights } from '../engine/mlp-layout.js';
import { tfWasm, type Tf } from './tf.js';
import { VecEnv } from './vec-env.js';
import type { VecEnvLike } from './multi-vec-env.js';
import { RunningStats } from './running-stats.js';
import { gae } from './gae.js';
import { Mlp, mlpWeights } from './policy-net.js';
import type { PpoSettings } from './train-config.js';
import {
  InlineGradients,
  cutSlices,
  ppoVariables,
  sumInOrder,
  type GradientRunner,
  type GradientRunnerFactory,
  type PpoNets,
} from './ppo-gradients.js';

const LOG_SQRT_2PI = 0.9189385332046727;
const NOISE_STREAM = 7;

export interface IterationLog {
  iteration: number;
  envSteps: number;
  /** Mean episode cost (IS of the executed shares, bps) and the objective (minus the mean return, bps). */
  meanCostBps: number;
  objective: number;
  completion: number;
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  approxKl: number;
  clipFraction: number;
  learningRate: number;
  actionStd: number;
  stepsPerSec: number;
}

export interface TrainedPolicy {
  weights: MlpWeights;
  logStd: number;
  history: IterationLog[];
  envSteps: number;
}

/** A small deterministic generator for minibatch shuffles (mulberry32). */
function shuffler(seed: number): (n: number) => Uint32Array {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => {
    const p = Uint32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  };
}

export interface PpoRun {
  engine: Engine;
  spec: EnvSpec;
  /** What shares left at the horizon cost (the completion rule's opportunity mark or penalty), bps. */
  terminalCostBps?: TerminalCost;
  settings: PpoSettings;
  onIteration?: (log: IterationLog) => void;
  signal?: AbortSignal;
  now?: () => number;
  /**
   * Where minibatch slices' gradients are computed: by default inline on this thread; a pool of workers with their own
   * tfjs (src/runtime/node-gradient-pool.ts) gives the same bits faster. Given this thread's tfjs and networks.
   */
  gradients?: GradientRunnerFactory;
  /** The environment to train in instead of one VecEnv of `spec` (a MultiVecEnv for a generalist); settings.envs rows. */
  env?: VecEnvLike;
}

export async function trainPpo(run: PpoRun): Promise<TrainedPolicy> {
  const tf = await tfWasm();
  const s = run.settings,
    now = run.now ?? (() => performance.now());
  const env: VecEnvLike = run.env ?? new VecEnv(run.engine, run.spec, s.envs, run.terminalCostBps);
  if (env.envs !== s.envs) throw new RangeError(`the env has ${env.envs} rows, settings.envs says ${s.envs}`);
  const B = s.envs,
    T = env.steps,
    n = B * T,
    F = OBSERVATION_FEATURES;
  const actor = new Mlp(tf, F, s.hidden, 0.01, s.seed * 10 + 1);
  const critic = new Mlp(tf, F, s.hidden, 1, s.seed * 10 + 5);
  const logStd = tf.variable(tf.scalar(s.initLogStd));
  const nets: PpoNets = { actor, critic, logStd };
  const gradients = run.gradients?.(tf, nets, { inputs: F, hidden: s.hidden }) ?? new InlineGradients(tf, nets);
  const optimizer = tf.train.adam(s.learningRate, 0.9, 0.999, 1e-5);
  const stats = new RunningStats(F);
  const shuffle = shuffler(s.seed ^ 0x9e3779b9);
  const key = seedWords(s.seed);
  const shift = actionShift(s.actionScale);
  const noisePtr = run.engine.alloc(T * 8);
  const history: IterationLog[] = [];
  let rewardScale = 0,
    envSteps = 0;

  const obs = new Float32Array(n * F),
    u = new Float32Array(n),
    logpOld = new Float32Array(n);
  const rewards = new Float32Array(n),
    dones = new Uint8Array(n);
  let current = env.reset(s.seed);
  // observation statistics start from the first observations, so iteration 0 already sees normalised inputs
  stats.update(current);

  try {
    for (let iteration = 0; iteration < s.iterations; iteration++) {
      if (run.signal?.aborted) throw new Error('training cancelled');
      const started = now();
      const mean = Float32Array.from(stats.mean),
        std = Float32Array.from(stats.std());
      env.loadPolicy(mlpBlock(mlpWeights(actor, mean, std, s.actionScale)));
      const sigma = Math.exp(logStd.dataSync()[0]!),
        logSigma = Math.log(sigma);
      // exploration noise: normal t of (training seed; path iteration B + b, stream 7)
      const noise = new Float32Array(n);
      for (let b = 0; b < B; b++) {
        run.engine.exports.normalBlock(iteration * B + b, NOISE_STREAM, key.lo, key.hi, T, noisePtr);
        const z = run.engine.f64(noisePtr, T);
        for (let t = 0; t < T; t++) noise[t * B + b] = z[t]!;
      }
      let episode = { cost: 0, objective: 0, completion: 0 };
      for (let t = 0; t < T; t++) {
        obs.set(current, t * B * F);
        const mu = env.policyMeans();
        const fractions = new Float64Array(B);
        for (let b = 0; b < B; b++) {
          const i = t * B + b,
            z = noise[i]!;
          u[i] = mu[b]! + sigma * z;
          logpOld[i] = -0.5 * z * z - logSigma - LOG_SQRT_2PI;
          fractions[b] = actionFraction(u[i]!, s.actionScale, shift, T - t);
        }
        const r = env.stepWith(fractions);
        current = r.obs;
        rewards.set(r.reward, t * B);
        dones.set(r.done, t * B);
        if (r.info.episode) {
          const e = r.info.episode,
            avg = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
          episode = { cost: avg(e.costBps), objective: -avg(e.returns), completion: avg(e.completion) };
        }
      }
      envSteps += n;
      if (rewardScale === 0) rewardScale = 1 / Math.max(Math.abs(episode.objective), 1e-6);
      const scaled = rewards.map((r) => r * rewardScale);
      const normalised = normaliseObservations(obs, mean, std);
      const values = predict(tf, critic, normalised, n);
      const { advantages, returns } = gae(scaled, values, dones, new Float32Array(B), B, s.gamma, s.lambda);
      const learningRate = s.schedule === 'linear' ? s.learningRate * (1 - iteration / s.iterations) : s.learningRate;
      // Adam reads this.learningRate at every update (tfjs-core adam_optimizer.js), so the schedule can set it
      (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
      const losses = await update(
        tf,
        { nets, optimizer, settings: s, shuffle, gradients },
        normalised,
        u,
        logpOld,
        advantages,
        returns,
      );
      stats.update(obs);
      const log: IterationLog = {
        iteration: iteration + 1,
        envSteps,
        meanCostBps: episode.cost,
        objective: episode.objective,
        completion: episode.completion,
        ...losses,
        learningRate,
        actionStd: sigma,
        stepsPerSec: n / ((now() - started) / 1000),
      };
      history.push(log);
      run.onIteration?.(log);
    }
    const mean = Float32Array.from(stats.mean),
      std = Float32Array.from(stats.std());
    return { weights: mlpWeights(actor, mean, std, s.actionScale), logStd: logStd.dataSync()[0]!, history, envSteps };
  } finally {
    await gradients.close();
    actor.dispose();
    critic.dispose();
    logStd.dispose();
    optimizer.dispose();
  }
}

/** clip((obs - mean) / std, -10, 10) in f32, as the wasm network does. */
function normaliseObservations(obs: Float32Array, mean: Float32Array, std: Float32Array): Float32Array {
  const F = mean.length,
    out = new Float32Array(obs.length);
  const inv = std.map((v) => 1 / Math.max(v, 1e-8));
  for (let i = 0; i < obs.length; i++) {
    const c = i % F;
    out[i] = Math.min(Math.max(Math.fround(Math.fround(obs[i]! - mean[c]!) * inv[c]!), -10), 10);
  }
  return out;
}

function predict(tf: Tf, net: Mlp, x: Float32Array, n: number): Float32Array {
  return tf.tidy(() => net.apply(tf.tensor2d(x, [n, x.length / n])).dataSync() as Float32Array).slice();
}

interface Learner {
  nets: PpoNets;
  optimizer: ReturnType<Tf['train']['adam']>;
  settings: PpoSettings;
  shuffle: (n: number) => Uint32Array;
  gradients: GradientRunner;
}

async function update(
  tf: Tf,
  l: Learner,
  obs: Float32Array,
  u: Float32Array,
  logpOld: Float32Array,
  advantages: Float32Array,
  returns: Float32Array,
) {
  const s = l.settings,
    n = u.length,
    F = obs.length / n;
  const variables = ppoVariables(l.nets);
  let policyLoss = 0,
    valueLoss = 0,
    approxKl = 0,
    clipFraction = 0,
    batches = 0;
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    const order = l.shuffle(n);
    for (let start = 0; start < n; start += s.minibatch) {
      const idx = order.subarray(start, Math.min(n, start + s.minibatch));
      const m = idx.length;
      // advantages normalised per minibatch (over the whole minibatch, before it is sliced)
      const ab = new Float32Array(m);
      let advMean = 0;
      for (let i = 0; i < m; i++) {
        ab[i] = advantages[idx[i]!]!;
        advMean += ab[i]!;
      }
      advMean /= m;
      let advVar = 0;
      for (let i = 0; i < m; i++) advVar += (ab[i]! - advMean) ** 2;
      const advStd = Math.sqrt(advVar / m) + 1e-8;
      for (let i = 0; i < m; i++) ab[i] = (ab[i]! - advMean) / advStd;
      const slices = cutSlices(idx, s.gradientSlices, obs, u, logpOld, ab, returns, F);
      const weights = l.gradients.threads > 1 ? variables.map((v) => v.dataSync() as Float32Array) : [];
      const results = await l.gradients.run(weights, slices, {
        clip: s.clip,
        valueCoef: s.valueCoef,
        entropyCoef: s.entropyCoef,
        minibatch: m,
      });
      const grads = sumInOrder(results);
      // global-norm clipping (Pascanu et al. 2013), the norm summed in variable order
      let squares = 0;
      for (const g of grads) for (let k = 0; k < g.length; k++) squares += g[k]! * g[k]!;
      const factor = Math.min(1, s.maxGradNorm / Math.max(Math.sqrt(squares), 1e-12));
      tf.tidy(() => {
        const named = Object.fromEntries(
          variables.map((v, i) => [
            v.name,
            tf.tensor(
              grads[i]!.map((g) => g * factor),
              v.shape,
            ),
          ]),
        );
        l.optimizer.applyGradients(named as never);
      });
      for (const r of results) {
        policyLoss += r.policyLoss;
        valueLoss += r.valueLoss;
        approxKl += r.approxKl;
        clipFraction += r.clipFraction;
      }
      batches++;
    }
  }
  const entropy = l.nets.logStd.dataSync()[0]! + 0.5 + LOG_SQRT_2PI;
  return {
    policyLoss: policyLoss / batches,
    valueLoss: valueLoss / batches,
    entropy,
    approxKl: approxKl / batches,
    clipFraction: clipFraction / batches,
  };
}
