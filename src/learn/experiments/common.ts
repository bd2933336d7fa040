// What the experiments share: judging policies on common paths and reporting objectives with CIs.
import type { Engine } from '../../engine/engine.js';
import type { EnvSpec } from '../../engine/env-spec.js';
import { WasmBackend } from '../../engine/wasm-backend.js';
import { POLICY_SCHEDULE } from '../../engine/env-layout.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import { policyRef, type PolicyFile } from '../../strategies/policy-file.js';
import { objectiveSamples, summarise, pairedSummary, type SampleSummary } from '../objective-eval.js';

export interface ExperimentOptions {
  quick: boolean;
  engine: Engine;
  onIteration?: (log: import('../ppo.js').IterationLog) => void;
  onNote?: (note: string) => void;
}

export interface Judged {
  samples: Float64Array;
  summary: SampleSummary;
}

export function judgeSchedule(engine: Engine, spec: EnvSpec, s: StaticStrategyPlan, paths: number, seed: number): Judged {
  const samples = objectiveSamples(new WasmBackend(engine), spec, { kind: POLICY_SCHEDULE, params: s.costs.qty }, paths, seed);
  return { samples, summary: summarise(samples) };
}

export function judgePolicy(engine: Engine, spec: EnvSpec, p: PolicyFile, paths: number, seed: number): Judged {
  const samples = objectiveSamples(new WasmBackend(engine), spec, policyRef(p), paths, seed);
  return { samples, summary: summarise(samples) };
}

export { pairedSummary };
