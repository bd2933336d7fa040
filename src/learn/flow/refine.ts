// FlowOE's refining loss: advantage-weighted flow matching on the flow's own rollouts, the advantage of each episode
// measured against the other episodes on the same market path (common random numbers), so what it rewards is the
// actions, not the luck of the path. Reward-weighted regression (Peters and Schaal 2007) / AWR (Peng et al. 2019)
// with a flow policy (as in QC-FQL-style flow policy extraction); formula and reasoning in docs/flowoe.md.
//
// One round, per regime r: M episodes m on each of N refining paths p (seed; round), actions
//   u = flow(obs; a_0 = 0) + sigma eps,  eps = normal k of (refine seed; path (round M + m) N + p; stream 13)
// objective J_mp (bps); advantage A_mp = mean_m' J_m'p - J_mp (lower objective is better, the market cancels);
// weight w_mp = min(exp(A_mp / beta), W_MAX), beta = temperatureBps or the std of A over the round;
// then flow matching continues on (1 - mix) x the demonstrations + mix x every (obs, u) of these episodes, weighted
// by w (each regime the same total): L = (1 - mix) L_demo + mix sum w_i |v(a_t, t | o_i) - (a_1,i - a_0)|^2 / sum w_i.
import type { Engine } from '../../engine/wasm/engine.js';
import { seedWords } from '../../engine/seed.js';
import { OBSERVATION_FEATURES } from '../../engine/env-layout.js';
import { actionFraction, actionShift } from '../../engine/mlp-layout.js';
import { rollout, type FractionPolicy } from './experts.js';
import type { Demonstrations } from './demonstrations.js';
import { trainFlow, type FlowSettings } from './flow-matching.js';
import type { FlowNet } from './flow-net.js';
import type { RegimeSetup } from './flowoe.js';

/** Philox stream of the refining exploration noise (0, 1: the market; 7: PPO; 11: flow training; 12: flow a_0). */
export const EXPLORATION_STREAM = 13;
/** Largest weight of an episode (AWR's clip): one lucky episode cannot take over the loss. */
export const W_MAX = 20;

export interface RefineSettings {
  rounds: number;
  /** Episodes M per refining path. */
  samples: number;
  /** Refining paths N per regime and round (a multiple of 16). */
  paths: number;
  seed: number;
  /** Exploration sigma, in units of the env's pre-sigmoid action u. */
  explorationStd: number;
  /** beta in bps; undefined: the std of the round's advantages. */
  temperatureBps?: number;
  /** Flow-matching steps per round. */
  iterations: number;
  learningRate: number;
  /** Share of the loss on the own rollouts (the rest stays on the demonstrations). */
  mix: number;
}

export interface RefineRound {
  round: number;
  /** Mean objective of the exploring episodes per regime (bps). */
  objective: Record<string, number>;
  temperatureBps: number;
  /** Effective sample size of the weights over the number of episodes (1: uniform). */
  effectiveShare: number;
  losses: number[];
}

/** The exploring policy of episode set m: the flow's action (a_0 = 0, K Euler steps) plus sigma eps. */
function explorer(
  engine: Engine,
  net: FlowNet,
  eulerSteps: number,
  actionScale: number,
  steps: number,
  s: RefineSettings,
  stream: number,
): FractionPolicy {
  const shift = actionShift(actionScale),
    key = seedWords(s.seed);
  let eps: Float64Array | undefined;
  return (env, k, obs) => {
    const B = env.envs;
    if (k === 0) {
      const mark = engine.mark();
      const ptr = engine.alloc(steps * 8);
      eps = new Float64Array(B * steps);
      for (let b = 0; b < B; b++) {
        engine.exports.normalBlock(stream * B + b, EXPLORATION_STREAM, key.lo, key.hi, steps, ptr);
        const draws = engine.f64(ptr, steps);
        for (let t = 0; t < steps; t++) eps[t * B + b] = draws[t]!;
      }
      engine.release(mark);
    }
    const u = net.sample(obs, eulerSteps);
    return Float64Array.from(u, (v, b) =>
      actionFraction(v + s.explorationStd * eps![k * B + b]!, actionScale, shift, steps - k),
    );
  };
}

/** Refines `net` in place, `rounds` rounds; returns each round's log. */
export async function refineFlow(
  engine: Engine,
  net: FlowNet,
  demos: Demonstrations,
  regimes: RegimeSetup[],
  flow: FlowSettings & { eulerSteps: number },
  s: RefineSettings,
  onProgress: (line: string) => void = () => {},
): Promise<RefineRound[]> {
  const F = OBSERVATION_FEATURES,
    N = s.paths,
    M = s.samples;
  const log: RefineRound[] = [];
  for (let round = 0; round < s.rounds; round++) {
    const parts: Array<{ obs: Float32Array; u: Float32Array; w: Float32Array }> = [];
    const objective: Record<string, number> = {};
    const advantages: number[][] = [];
    const runs = regimes.map((r) => {
      // fresh paths every round; the same paths for the M episodes of a round (their common random numbers)
      const pathSeed = s.seed * 1000 + round + 1;
      const episodes = Array.from({ length: M }, (_, m) =>
        rollout(
          engine,
          r.spec,
          explorer(engine, net, flow.eulerSteps, r.actionScale, r.spec.steps, s, round * M + m),
          N,
          pathSeed,
          N,
          r.actionScale,
          true,
        ),
      );
      const A = episodes.map(() => new Float64Array(N));
      let total = 0;
      for (let p = 0; p < N; p++) {
        let mean = 0;
        for (const e of episodes) mean += e.objective[p]!;
        mean /= M;
        episodes.forEach((e, m) => (A[m]![p] = mean - e.objective[p]!));
      }
      for (const e of episodes) for (const j of e.objective) total += j;
      objective[r.name] = total / (M * N);
      advantages.push(...A.map((a) => Array.from(a)));
      return { episodes, A };
    });
    const all = advantages.flat();
    const std = Math.sqrt(all.reduce((a, v) => a + v * v, 0) / all.length);
    const beta = s.temperatureBps ?? Math.max(std, 1e-9);
    let sumW = 0,
      sumW2 = 0;
    for (const { episodes, A } of runs) {
      const D = episodes[0]!.u!.length / N;
      episodes.forEach((e, m) => {
        const w = new Float32Array(N * D);
        for (let p = 0; p < N; p++) {
          const wp = Math.min(Math.exp(A[m]![p]! / beta), W_MAX);
          sumW += wp;
          sumW2 += wp * wp;
          w.fill(wp, p * D, (p + 1) * D);
        }
        parts.push({ obs: e.obs!, u: e.u!, w });
      });
    }
    const effectiveShare = (sumW * sumW) / sumW2 / (M * N * regimes.length);
    const data = mixture(demos, parts, regimes.length, s.mix, F);
    onProgress(
      `refine round ${round + 1}/${s.rounds}: exploring objective ${Object.entries(objective)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')} bps; beta ${beta.toFixed(3)} bps, effective share ${effectiveShare.toFixed(2)}`,
    );
    const { losses } = await trainFlow(
      engine,
      data,
      { ...flow, iterations: s.iterations, learningRate: s.learningRate },
      undefined,
      Math.max(1, Math.floor(s.iterations / 10)),
      { net, stepOffset: flow.iterations + round * s.iterations },
    );
    log.push({ round: round + 1, objective, temperatureBps: beta, effectiveShare, losses });
  }
  return log;
}

/**
 * (1 - mix) x the demonstrations (their weights kept) + mix x the own-rollout pairs, each regime's pairs carrying the same
 * total; weights scaled to mean 1 (the loss is a weighted mean).
 */
function mixture(
  demos: Demonstrations,
  parts: Array<{ obs: Float32Array; u: Float32Array; w: Float32Array }>,
  regimes: number,
  mix: number,
  F: number,
): Demonstrations {
  const own = parts.reduce((s, p) => s + p.u.length, 0);
  const count = demos.count + own;
  const obs = new Float32Array(count * F),
    u = new Float32Array(count),
    weight = new Float32Array(count);
  obs.set(demos.obs);
  u.set(demos.u);
  const demoTotal = demos.weight.reduce((s, w) => s + w, 0);
  for (let i = 0; i < demos.count; i++) weight[i] = ((1 - mix) * demos.weight[i]! * count) / demoTotal;
  // parts come regime by regime, the same number per regime
  const perRegime = parts.length / regimes;
  let at = demos.count;
  for (let g = 0; g < regimes; g++) {
    const group = parts.slice(g * perRegime, (g + 1) * perRegime);
    const total = group.reduce((s, p) => s + p.w.reduce((a, w) => a + w, 0), 0);
    for (const p of group) {
      obs.set(p.obs, at * F);
      u.set(p.u, at);
      for (let i = 0; i < p.u.length; i++) weight[at + i] = (mix * p.w[i]! * count) / (regimes * total);
      at += p.u.length;
    }
  }
  return { obs, u, weight, count, scores: demos.scores };
}
