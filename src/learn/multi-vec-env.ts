// Several batched envs (one market each, equal step counts) seen as one: PPO trains one generalist over all of them.
import type { Engine } from '../engine/wasm/engine.js';
import type { EnvSpec } from '../engine/env-spec.js';
import type { TerminalCost } from '../eval/closed-loop.js';
import { VecEnv, type StepResult, type EpisodeInfo } from './vec-env.js';

/** What trainPpo needs of an environment. */
export type VecEnvLike = Pick<VecEnv, 'envs' | 'steps' | 'reset' | 'loadPolicy' | 'policyMeans' | 'stepWith'>;

/**
 * Env rows are the markets' blocks in order (market m holds rows m E .. m E + E - 1). Market m draws from seed
 * `seed + m` so the markets' paths are independent of one another; each block is exactly its VecEnv's.
 */
export class MultiVecEnv implements VecEnvLike {
  readonly envs: number;
  readonly steps: number;
  private readonly parts: VecEnv[];

  constructor(
    engine: Engine,
    markets: Array<{ spec: EnvSpec; terminalCostBps?: TerminalCost }>,
    envsPerMarket: number,
  ) {
    if (markets.length === 0) throw new RangeError('MultiVecEnv needs at least one market');
    const steps = markets[0]!.spec.steps;
    if (markets.some((m) => m.spec.steps !== steps))
      throw new RangeError('every market of a MultiVecEnv must have the same number of steps');
    this.parts = markets.map((m) => new VecEnv(engine, m.spec, envsPerMarket, m.terminalCostBps));
    this.envs = envsPerMarket * markets.length;
    this.steps = steps;
  }

  private concat<T extends Float32Array | Float64Array | Uint8Array>(xs: T[], make: (n: number) => T): T {
    const out = make(xs.reduce((a, x) => a + x.length, 0));
    let at = 0;
    for (const x of xs) {
      out.set(x as never, at);
      at += x.length;
    }
    return out;
  }

  reset(seed: number, firstPath = 0): Float32Array {
    return this.concat(
      this.parts.map((p, m) => p.reset(seed + m, firstPath)),
      (n) => new Float32Array(n),
    );
  }

  loadPolicy(block: Float32Array): void {
    for (const p of this.parts) p.loadPolicy(block);
  }

  policyMeans(): Float32Array {
    return this.concat(
      this.parts.map((p) => p.policyMeans()),
      (n) => new Float32Array(n),
    );
  }

  stepWith(actions: ArrayLike<number>): StepResult {
    const E = this.parts[0]!.envs;
    const results = this.parts.map((p, m) =>
      p.stepWith(Array.prototype.slice.call(actions, m * E, (m + 1) * E) as number[]),
    );
    const f32 = (n: number) => new Float32Array(n),
      f64 = (n: number) => new Float64Array(n);
    const info: StepResult['info'] = {};
    if (results[0]!.info.episode) {
      const episodes = results.map((r) => r.info.episode!);
      const pick = (k: keyof EpisodeInfo) =>
        this.concat(
          episodes.map((e) => e[k]),
          f64,
        );
      info.episode = { returns: pick('returns'), costBps: pick('costBps'), completion: pick('completion') };
      info.finalObs = this.concat(
        results.map((r) => r.info.finalObs!),
        f32,
      );
    }
    return {
      obs: this.concat(
        results.map((r) => r.obs),
        f32,
      ),
      reward: this.concat(
        results.map((r) => r.reward),
        f32,
      ),
      done: this.concat(
        results.map((r) => r.done),
        (n) => new Uint8Array(n),
      ),
      info,
    };
  }
}
