// The expert ensemble of a regime (TWAP, VWAP, an Almgren-Chriss risk-aversion grid, adaptive AC) and their rollouts
// in the batched env on common random numbers: per-path objectives and, when asked, the (observation, action) pairs.
import type { Engine } from '../../engine/wasm/engine.js';
import type { EnvSpec, PolicyRef } from '../../engine/env-spec.js';
import { seedWords } from '../../engine/seed.js';
import { POLICY_ADAPTIVE_AC, POLICY_MLP, POLICY_SCHEDULE, ROLLOUT_COLUMNS } from '../../engine/env-layout.js';
import { WasmBackend } from '../../engine/wasm/wasm-backend.js';
import { CHUNK_PATHS } from '../../eval/plan.js';
import { OBSERVATION_FEATURES, S } from '../../engine/env-layout.js';
import { actionFraction, actionShift, mlpBlock, mlpBlockAsF64 } from '../../engine/mlp-layout.js';
import { policyWeights, type MlpPolicyFile } from '../../strategies/policy-file.js';
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import type { ClosedLoopStrategyPlan, StaticStrategyPlan } from '../../eval/plan.js';
import { adaptiveAcFraction } from '../../engine/adaptive-ac-fraction.js';
import { evaluationConfigOf, type TrainConfig } from '../train-config.js';
import { VecEnv } from '../vec-env.js';

export type Expert =
  | { name: string; kind: 'schedule'; qty: Float64Array }
  | { name: string; kind: 'adaptive-ac'; params: Float64Array }
  /** A trained network (e.g. a PPO expert of the regime): its mean action, in the env's wasm forward pass. */
  | { name: string; kind: 'policy'; block: Float32Array; actionScale: number };

/** Static experts of a regime: TWAP, VWAP and AC at each risk aversion of the grid (on IS as a fraction of notional). */
export function staticExperts(config: TrainConfig, acGrid: readonly number[]): Expert[] {
  const strategies = [
    { type: 'twap' as const },
    { type: 'vwap' as const },
    ...acGrid.map((riskAversion) => ({ type: 'almgren-chriss' as const, name: `ac-${riskAversion}`, riskAversion })),
  ];
  const plan = buildExecutionPlan(evaluationConfigOf(config, strategies));
  return plan.strategies.map((s) => ({
    name: s.name,
    kind: 'schedule' as const,
    qty: (s as StaticStrategyPlan).costs.qty,
  }));
}

/** Adaptive Almgren-Chriss (the closed form re-solved each step with the path's current variance) at `riskAversion`. */
export function adaptiveAcExpert(config: TrainConfig, riskAversion: number): Expert {
  const plan = buildExecutionPlan(
    evaluationConfigOf(config, [
      { type: 'adaptive-almgren-chriss', name: `adaptive-ac-${riskAversion}`, riskAversion },
    ]),
  );
  const s = plan.strategies[0] as ClosedLoopStrategyPlan;
  return { name: s.name, kind: 'adaptive-ac', params: s.policy.params };
}

/** An MLP policy file (validated) as an expert. */
export function policyExpert(name: string, p: MlpPolicyFile): Expert {
  return { name, kind: 'policy', block: mlpBlock(policyWeights(p)), actionScale: p.network.actionScale };
}

/** Bounds of p = fraction x stepsLeft / actionScale before the logit: the env's action is u = logit(p) - shift. */
export const P_MIN = 1e-4;

/**
 * The pre-sigmoid action u whose fraction (mlp-layout's actionFraction) is `fraction` with `stepsLeft` steps to go:
 * u = logit(clamp(fraction stepsLeft / A, P_MIN, 1 - P_MIN)) - shift, shift = -ln(A - 1). Exact inverse inside the clamp.
 */
export function actionOfFraction(fraction: number, actionScale: number, stepsLeft: number): number {
  const p = Math.min(Math.max((fraction * stepsLeft) / actionScale, P_MIN), 1 - P_MIN);
  return Math.log(p / (1 - p)) - actionShift(actionScale);
}

export interface Rollout {
  /** Objective of each path (minus its episode return), bps. */
  objective: Float64Array;
  /** Implementation shortfall of each path, bps of the arrival notional. */
  costBps: Float64Array;
  /** Fraction of the order executed on each path. */
  completion: Float64Array;
  /** When recorded: observations [paths][steps - 1][F] and actions u [paths][steps - 1] (the last step is forced). */
  obs?: Float32Array;
  u?: Float32Array;
}

/** Chooses each env's fraction of its remaining inventory at step k. */
export type FractionPolicy = (env: VecEnv, k: number, obs: Float32Array, firstPath: number) => Float64Array;

export function expertPolicy(e: Expert, steps: number, abm = false): FractionPolicy {
  if (e.kind === 'schedule') {
    return (env, k) => env.state(S.Q).map((q) => (q > 0 ? e.qty[k]! / q : 0));
  }
  if (e.kind === 'policy') {
    const shift = actionShift(e.actionScale);
    return (env, k) => {
      // each rollout has its own env: load the network at the start of every episode
      if (k === 0) env.loadPolicy(e.block);
      return Float64Array.from(env.policyMeans(), (mu) => actionFraction(mu, e.actionScale, shift, steps - k));
    };
  }
  return (env, k) => {
    const x = env.state(S.X),
      v = env.state(S.V);
    return x.map((xi, p) => adaptiveAcFraction(e.params, k, steps, abm, xi, v[p]!));
  };
}

/**
 * Runs `policy` on paths 0 .. paths-1 of `seed` (`envs` at a time): the same draws as every other rollout of this
 * spec and seed, so differences between policies are paired. With `record`, also the (observation, u) pairs.
 */
export function rollout(
  engine: Engine,
  spec: EnvSpec,
  policy: FractionPolicy,
  paths: number,
  seed: number,
  envs: number,
  actionScale: number,
  record = false,
): Rollout {
  if (paths % envs !== 0) throw new RangeError(`paths (${paths}) must be a multiple of envs (${envs})`);
  const env = new VecEnv(engine, spec, envs),
    T = env.steps,
    F = OBSERVATION_FEATURES,
    D = T - 1;
  const out: Rollout = {
    objective: new Float64Array(paths),
    costBps: new Float64Array(paths),
    completion: new Float64Array(paths),
  };
  if (record) {
    out.obs = new Float32Array(paths * D * F);
    out.u = new Float32Array(paths * D);
  }
  let obs = env.reset(seed);
  for (let episode = 0; episode < paths / envs; episode++) {
    for (let k = 0; k < T; k++) {
      const fractions = policy(env, k, obs, episode * envs);
      if (record && k < D) {
        for (let b = 0; b < envs; b++) {
          const row = (episode * envs + b) * D + k;
          out.u![row] = actionOfFraction(fractions[b]!, actionScale, T - k);
          out.obs!.set(obs.subarray(b * F, b * F + F), row * F);
        }
      }
      const r = env.stepWith(fractions);
      obs = r.obs;
      if (r.info.episode) {
        const e = r.info.episode,
          at = episode * envs;
        for (let b = 0; b < envs; b++) {
          out.objective[at + b] = -e.returns[b]!;
          out.costBps[at + b] = e.costBps[b]!;
          out.completion[at + b] = e.completion[b]!;
        }
      }
    }
  }
  return out;
}

/**
 * A policy the engine runs itself (an MLP or flow block, see strategies/policy-file.ts) on paths 0 .. paths - 1 of
 * `seed`, whole episodes inside wasm: the objectives, costs and completions `rollout` gives for the same policy (the
 * spec must not force liquidation, as judging specs do not), on the same common random numbers.
 */
export function engineRollout(engine: Engine, spec: EnvSpec, policy: PolicyRef, paths: number, seed: number): Rollout {
  const backend = new WasmBackend(engine),
    s = { ...spec, seed: seedWords(seed) };
  const toBps = 1e4 / (spec.shares * spec.s0);
  const out: Rollout = {
    objective: new Float64Array(paths),
    costBps: new Float64Array(paths),
    completion: new Float64Array(paths),
  };
  const columns = new Float64Array(ROLLOUT_COLUMNS * CHUNK_PATHS);
  for (let first = 0; first < paths; first += CHUNK_PATHS) {
    const n = Math.min(CHUNK_PATHS, paths - first);
    backend.closedLoopRollout(s, first, n, policy, columns, CHUNK_PATHS);
    for (let i = 0; i < n; i++) {
      const at = (c: number) => columns[c * CHUNK_PATHS + i]!;
      out.objective[first + i] = -at(9);
      out.costBps[first + i] = (at(0) + at(1) + at(2) + at(3) + at(4)) * toBps;
      out.completion[first + i] = at(6) / spec.shares;
    }
  }
  return out;
}

/** The engine's policy for an expert (what engineRollout runs). */
export function expertRef(e: Expert): PolicyRef {
  if (e.kind === 'schedule') return { kind: POLICY_SCHEDULE, params: e.qty };
  if (e.kind === 'adaptive-ac') return { kind: POLICY_ADAPTIVE_AC, params: e.params };
  return { kind: POLICY_MLP, params: mlpBlockAsF64(e.block) };
}
