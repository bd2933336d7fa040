// What the experiments share: judging policies on common paths and reporting objectives with CIs.
import type { Engine } from '../../engine/wasm/engine.js';
import type { EnvSpec, PolicyRef } from '../../engine/env-spec.js';
import type { TerminalCost } from '../../eval/closed-loop.js';
import { WasmBackend } from '../../engine/wasm/wasm-backend.js';
import { POLICY_SCHEDULE } from '../../engine/env-layout.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import { policyRef, type PolicyFile } from '../../strategies/policy-file.js';
import { objectiveSamples, summarise, pairedSummary, type SampleSummary } from '../objective-eval.js';
import type { TrainConfig } from '../train-config.js';
import { trainFromConfig, trainingEnvironment } from '../train.js';
import type { GradientRunnerFactory } from '../ppo-gradients.js';

export interface ExperimentOptions {
  quick: boolean;
  engine: Engine;
  onIteration?: (log: import('../ppo.js').IterationLog) => void;
  onNote?: (note: string) => void;
  /** Where PPO's minibatch gradients are computed (default: this thread). */
  gradients?: GradientRunnerFactory;
}

export interface Judged {
  samples: Float64Array;
  summary: SampleSummary;
}

/** The objective of a policy on `paths` common paths of `seed`: per path, and summarised. */
function judge(
  engine: Engine,
  spec: EnvSpec,
  policy: PolicyRef,
  paths: number,
  seed: number,
  terminalCostBps?: TerminalCost,
): Judged {
  const samples = objectiveSamples(new WasmBackend(engine), spec, policy, paths, seed, terminalCostBps);
  return { samples, summary: summarise(samples) };
}

export function judgeSchedule(
  engine: Engine,
  spec: EnvSpec,
  s: StaticStrategyPlan,
  paths: number,
  seed: number,
): Judged {
  return judge(engine, spec, { kind: POLICY_SCHEDULE, params: s.costs.qty }, paths, seed);
}

export { pairedSummary };

/** What every experiment's result reports besides its comparisons. */
export interface ExperimentRun {
  /** Common paths every policy is judged on. */
  paths: number;
  envSteps: number;
  trainingSeconds: number;
  policy: PolicyFile;
}

export interface TrainedAndJudged {
  /** The environment policies are judged in (the training market, evaluation seed). */
  judging: EnvSpec;
  policy: PolicyFile;
  /** The trained policy on config.evaluation's paths and seed. */
  ppo: Judged;
  envSteps: number;
  trainingSeconds: number;
}

/** Trains config's policy (timed) and judges it: what every experiment starts with. */
export async function trainAndJudge(config: TrainConfig, o: ExperimentOptions): Promise<TrainedAndJudged> {
  const started = performance.now();
  const trained = await trainFromConfig(config, o.engine, {
    onIteration: o.onIteration,
    createdAt: 'experiment',
    gradients: o.gradients,
  });
  const trainingSeconds = (performance.now() - started) / 1000;
  const { judging, terminalCostBps } = trainingEnvironment(config);
  const ppo = judge(
    o.engine,
    judging,
    policyRef(trained.policy),
    config.evaluation.paths,
    config.evaluation.seed,
    terminalCostBps,
  );
  return { judging, policy: trained.policy, ppo, envSteps: trained.history.at(-1)?.envSteps ?? 0, trainingSeconds };
}
