// B parallel executions of one order, Gymnasium-shaped (reset / step over Float32Array batches), in the wasm engine.
// Episode e of a seed runs paths e B .. e B + B - 1: exactly the draws the evaluation runner uses for those paths.
import type { Engine } from '../engine/wasm/engine.js';
import { stepConstantFeatures, type EnvSpec } from '../engine/env-spec.js';
import { seedWords } from '../engine/seed.js';
import { E, S, OBSERVATION_FEATURES, ENV_PATH_BLOCK } from '../engine/env-layout.js';
import { allocEnv, envState } from '../engine/wasm/wasm-env.js';
import { MODEL_ABM } from '../engine/layout.js';
import { exp } from '../math/portable-math.js';
import type { TerminalCost } from '../eval/closed-loop.js';
import { cleanupSharesOfRollout } from '../eval/completion.js';

export interface StepResult {
  /** Observations after the step, row-major [B][OBSERVATION_FEATURES] (the next episode's first when done). */
  obs: Float32Array;
  /** Reward of the step, bps of the arrival notional (objective of the spec). */
  reward: Float32Array;
  /** 1 for every env at the horizon (all episodes have the same length, so they end together). */
  done: Uint8Array;
  info: { episode?: EpisodeInfo; finalObs?: Float32Array };
}

export interface EpisodeInfo {
  /** Sum of rewards of each env's episode. */
  returns: Float64Array;
  /** Cost of each env's episode, bps: timing + permanent + temporary + transient + spread. */
  costBps: Float64Array;
  /** Fraction of the order executed within the participation cap (a forced last step's excess is cleanup). */
  completion: Float64Array;
}

export class VecEnv {
  readonly envs: number;
  readonly steps: number;
  private readonly base: number;
  private readonly muPtr: number;
  /** Features the network folds into its first layer: the same on every env at a step (as in evaluation). */
  private readonly constantMask: number;
  private policyPtr = 0;
  private policyLength = 0;
  private episode = 0;
  private firstPathOffset = 0;
  /** The observation planes hold the current state's (envObserve need not run again). */
  private observed = false;

  /**
   * terminalCostBps: what shares left at the horizon cost (the completion rule's opportunity mark or penalty), charged
   * in the last step's reward, so returns are minus the evaluation's IS (plus the objective's other terms).
   */
  constructor(
    private readonly engine: Engine,
    private readonly spec: EnvSpec,
    envs: number,
    private readonly terminalCostBps?: TerminalCost,
  ) {
    if (envs % ENV_PATH_BLOCK !== 0) throw new RangeError(`envs must be a multiple of ${ENV_PATH_BLOCK}, got ${envs}`);
    this.envs = envs;
    this.steps = spec.steps;
    this.constantMask = stepConstantFeatures(spec);
    this.base = allocEnv(engine, spec, envs, 0);
    this.muPtr = engine.alloc(envs * 4);
  }

  private header(): Float64Array {
    return this.engine.f64(this.base, E.HEADER_LENGTH);
  }

  /** Starts episode 0 of `seed` (paths from firstPath); returns the first observations. */
  reset(seed: number, firstPath = 0): Float32Array {
    const key = seedWords(seed);
    const h = this.header();
    h[E.SEED_LO] = key.lo;
    h[E.SEED_HI] = key.hi;
    this.episode = 0;
    this.firstPathOffset = firstPath;
    this.startEpisode();
    return this.observations();
  }

  private startEpisode(): void {
    this.header()[E.FIRST_PATH] = this.firstPathOffset + this.episode * this.envs;
    this.engine.exports.envReset(this.base);
    this.observed = false;
  }

  /** Fills the observation planes unless they already hold the current state's. */
  private observe(): void {
    if (!this.observed) this.engine.exports.envObserve(this.base);
    this.observed = true;
  }

  /** Step index of the next decision. */
  get step(): number {
    return this.header()[E.STEP]!;
  }

  /** Current observations, row-major [B][OBSERVATION_FEATURES] (a fresh array). */
  observations(): Float32Array {
    this.observe();
    const planes = this.observationPlanes();
    const out = new Float32Array(this.envs * OBSERVATION_FEATURES);
    for (let i = 0; i < OBSERVATION_FEATURES; i++) {
      for (let p = 0; p < this.envs; p++) out[p * OBSERVATION_FEATURES + i] = planes[i * this.envs + p]!;
    }
    return out;
  }

  private observationPlanes(): Float32Array {
    return new Float32Array(
      this.engine.exports.memory.buffer,
      this.base + this.header()[E.OFF_OBSERVATIONS]!,
      OBSERVATION_FEATURES * this.envs,
    );
  }

  /** Puts a policy network (f32 block of mlp-layout) into wasm memory, for policyMeans until the next load. */
  loadPolicy(block: Float32Array): void {
    if (this.policyLength !== block.length) {
      this.policyPtr = this.engine.alloc(block.length * 4, 16);
      this.policyLength = block.length;
    }
    new Float32Array(this.engine.exports.memory.buffer, this.policyPtr, block.length).set(block);
  }

  /** The loaded network's mean action (pre-sigmoid) for the current observations, computed in wasm. */
  policyMeans(): Float32Array {
    if (this.policyLength === 0) throw new Error('policyMeans needs a network: call loadPolicy first');
    this.observe();
    this.engine.exports.mlpForward(
      this.policyPtr,
      this.base + this.header()[E.OFF_OBSERVATIONS]!,
      this.muPtr,
      this.envs,
      this.constantMask,
    );
    return new Float32Array(this.engine.exports.memory.buffer, this.muPtr, this.envs).slice();
  }

  /** A copy of state field S.* of every env (for closed-loop experts that read the state, such as adaptive AC). */
  state(field: number): Float64Array {
    return Float64Array.from(envState(this.engine, this.base, field));
  }

  /** Takes a step with actions = the fraction of each env's remaining inventory to trade (clamped to [0, 1]). */
  stepWith(actions: ArrayLike<number>): StepResult {
    const h = this.header();
    this.engine.f64(this.base + h[E.OFF_FRACTIONS]!, this.envs).set(actions as ArrayLike<number>);
    this.engine.exports.envStep(this.base);
    this.observed = false;
    const reward = Float32Array.from(envState(this.engine, this.base, S.REWARD));
    const done = new Uint8Array(this.envs);
    const info: StepResult['info'] = {};
    if (this.step >= this.steps) {
      done.fill(1);
      const terminal = this.terminalCosts();
      if (terminal) for (let p = 0; p < this.envs; p++) reward[p] = reward[p]! - terminal[p]!;
      info.episode = this.episodeInfo(terminal);
      info.finalObs = this.observations(); // the terminal state's, before the auto-reset replaces it
      this.episode++;
      this.startEpisode();
    }
    return { obs: this.observations(), reward, done, info };
  }

  /** Each env's terminal cost (bps) at the end of an episode; undefined without a terminal cost. */
  private terminalCosts(): Float64Array | undefined {
    if (!this.terminalCostBps) return undefined;
    const field = (f: number) => envState(this.engine, this.base, f);
    const q = field(S.Q),
      level = field(S.PERM_LEVEL),
      x = field(S.X);
    const abm = this.spec.modelId === MODEL_ABM;
    return Float64Array.from({ length: this.envs }, (_, p) =>
      this.terminalCostBps!(q[p]!, level[p]!, abm ? x[p]! : exp(x[p]!)),
    );
  }

  private episodeInfo(terminal?: Float64Array): EpisodeInfo {
    const field = (f: number) => Float64Array.from(envState(this.engine, this.base, f));
    const toBps = 1e4 / (this.spec.shares * this.spec.s0);
    const parts = [S.TIMING, S.PERMANENT, S.TEMPORARY, S.TRANSIENT, S.SPREAD].map(field);
    const costBps = new Float64Array(this.envs);
    const returns = field(S.RETURN);
    for (let p = 0; p < this.envs; p++) {
      costBps[p] = parts.reduce((sum, a) => sum + a[p]!, 0) * toBps + (terminal?.[p] ?? 0);
      returns[p] = returns[p]! - (terminal?.[p] ?? 0);
    }
    const cum = field(S.CUM),
      maxp = field(S.MAXP),
      lastVolumeMult = field(S.VOLUME_MULT);
    const lastVolume = this.spec.stepVolume[this.steps - 1]!;
    const completion = cum.map(
      (c, p) =>
        (this.spec.forceLiquidation
          ? c - cleanupSharesOfRollout(maxp[p]!, this.spec.participationCap, lastVolume * lastVolumeMult[p]!)
          : c) / this.spec.shares,
    );
    return { returns, costBps, completion };
  }
}
