// Sample executions of an evaluation (src/eval/sample-executions.ts): the first paths' prices from the sample-path
// kernel, static schedules' child orders from the plan, closed-loop strategies replayed step by step in the wasm env
// (adaptive AC and policy networks decide as in the evaluation's rollout, on the same draws).
import type { Engine } from '../engine/wasm/engine.js';
import { WasmBackend } from '../engine/wasm/wasm-backend.js';
import { ENV_PATH_BLOCK, POLICY_ADAPTIVE_AC, POLICY_MLP, S } from '../engine/env-layout.js';
import { MODEL_ABM } from '../engine/layout.js';
import { adaptiveAcFraction } from '../engine/adaptive-ac-fraction.js';
import { actionFraction } from '../engine/mlp-layout.js';
import { VecEnv } from '../learn/vec-env.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { envSpecFor } from '../eval/closed-loop.js';
import { samplePricePaths } from '../eval/sample-paths.js';
import type { EvaluationConfig } from '../eval/config.js';
import type { ClosedLoopStrategyPlan, ExecutionPlan } from '../eval/plan.js';
import type { PolicyFile } from '../strategies/policy-file.js';
import {
  MAX_SAMPLE_EXECUTION_STEPS,
  SAMPLE_EXECUTION_PATHS,
  type SampleExecutions,
} from '../eval/sample-executions.js';

/** Shares each of the first `n` paths trades at each step under a closed-loop strategy, or undefined if unknown. */
function replay(engine: Engine, plan: ExecutionPlan, s: ClosedLoopStrategyPlan, n: number): number[][] | undefined {
  const kind = s.policy.kind;
  if (kind !== POLICY_ADAPTIVE_AC && kind !== POLICY_MLP) return undefined;
  const spec = envSpecFor(plan);
  const envs = Math.ceil(n / ENV_PATH_BLOCK) * ENV_PATH_BLOCK;
  const env = new VecEnv(engine, spec, envs);
  const steps = spec.steps,
    abm = spec.modelId === MODEL_ABM;
  const p = s.policy.params;
  const block = kind === POLICY_MLP ? new Float32Array(p.buffer, p.byteOffset, p.byteLength / 4) : undefined;
  if (block) env.loadPolicy(block);
  env.reset(plan.seed, 0);
  const out = Array.from({ length: n }, () => new Array<number>(steps).fill(0));
  for (let k = 0; k < steps; k++) {
    const before = env.state(S.Q);
    let fractions: ArrayLike<number>;
    if (block) {
      fractions = Float64Array.from(env.policyMeans(), (mu) => actionFraction(mu, block[4]!, block[5]!, steps - k));
    } else {
      const x = env.state(S.X),
        v = env.state(S.V);
      fractions = x.map((xi, i) => adaptiveAcFraction(p, k, steps, abm, xi, v[i]!));
    }
    env.stepWith(fractions);
    if (k < steps - 1) {
      const after = env.state(S.Q);
      for (let i = 0; i < n; i++) out[i]![k] = before[i]! - after[i]!;
    } else {
      // the env has started its next episode: the last trade is the env's rule (execution-env's tradeSize)
      const cap = spec.participationCap * spec.stepVolume[k]!;
      for (let i = 0; i < n; i++) {
        const f = Math.min(1, Math.max(0, fractions[i]! || 0));
        out[i]![k] = spec.forceLiquidation ? before[i]! : Math.min(cap, f * before[i]!);
      }
    }
  }
  return out;
}

/**
 * Sample executions of `config` on its first `paths` paths (the run's seed), or undefined when the horizon has more
 * than MAX_SAMPLE_EXECUTION_STEPS steps. Needs a few milliseconds for static strategies.
 */
export function sampleExecutions(
  engine: Engine,
  config: EvaluationConfig,
  o: { seed?: number; paths?: number; policies?: ReadonlyMap<string, PolicyFile> } = {},
): SampleExecutions | undefined {
  const n = o.paths ?? SAMPLE_EXECUTION_PATHS;
  const plan = buildExecutionPlan(config, { paths: Math.max(n, 1), seed: o.seed, policies: o.policies });
  if (plan.steps > MAX_SAMPLE_EXECUTION_STEPS) return undefined;
  const mark = engine.mark();
  try {
    const sampled = samplePricePaths(new WasmBackend(engine), plan, n);
    const prices = Array.from({ length: n }, (_, i) =>
      Array.from(sampled.prices.subarray(i * (plan.steps + 1), (i + 1) * (plan.steps + 1))),
    );
    const stepMinutes = plan.stepDays * 390;
    const childShares: SampleExecutions['childShares'] = {};
    for (const s of plan.strategies) {
      if (s.kind === 'static') {
        const qty = Array.from(s.costs.qty);
        childShares[s.name] = prices.map(() => qty);
      } else {
        const shares = replay(engine, plan, s, n);
        if (shares) childShares[s.name] = shares;
      }
    }
    return {
      paths: n,
      minutes: Array.from({ length: plan.steps + 1 }, (_, k) => k * stepMinutes),
      prices,
      childShares,
    };
  } finally {
    engine.release(mark);
  }
}
