// Experiment flowoe: one flow-matching policy imitating the expert ensemble of the four regimes, judged
// against every expert of each regime on common paths (paired 95% CIs), then refined on its own rollouts (refine.ts),
// with the ablation (refined vs pure imitation, same seeds, paired CIs).
import type { Engine } from '../../engine/wasm/engine.js';
import { REGIME_NAMES, regimeConfigInput } from '../flow/regimes.js';
import { parseFlowOeConfig, type FlowOeConfig } from '../flow/flowoe-config.js';
import { trainFlowOe, judgeFlowOe, type FlowOeTrained, type RegimeTable } from '../flow/flowoe.js';
import { engineRollout } from '../flow/experts.js';
import type { ExpertScore } from '../flow/demonstrations.js';
import type { RefineRound } from '../flow/refine.js';
import { policyRef, type FlowPolicyFile } from '../../strategies/policy-file.js';

export function flowOeExperimentConfig(quick: boolean): FlowOeConfig {
  return parseFlowOeConfig({
    name: 'flowoe',
    description:
      'FlowOE first slice: conditional flow matching of softmax-labelled expert demonstrations across the HH, HL, LH, LL Heston regimes.',
    regimes: REGIME_NAMES.map((name) => ({ name, config: regimeConfigInput(name) })),
    demonstrations: { paths: quick ? 512 : 4096, seed: 11, labels: 'softmax', temperatureBps: 1 },
    flow: quick
      ? { iterations: 600, batch: 512, learningRate: 2e-3, seed: 3, eulerSteps: 8 }
      : { iterations: 6000, batch: 2048, learningRate: 1e-3, seed: 3, eulerSteps: 8 },
    refine: quick
      ? { rounds: 3, samples: 8, paths: 256, seed: 17, explorationStd: 0.3, iterations: 300, learningRate: 2e-3 }
      : { rounds: 10, samples: 16, paths: 1024, seed: 17, explorationStd: 0.3, iterations: 1000, learningRate: 1e-3 },
    evaluation: { paths: quick ? 4096 : 100_000 - (100_000 % 4096) + 4096, seed: 20240601, noise: 'zero' },
  });
}

export interface FlowOeResult {
  experiment: 'flowoe';
  quick: boolean;
  tables: RegimeTable[];
  /** Regimes where the flow's paired CI against every judged expert lies below zero (0-4). */
  regimesBeatingEveryExpert: number;
  /**
   * Objective gain of refining over pure imitation, % (mean over regimes of (J_imitation - J_refined) / J_imitation;
   * positive: the refining loss helps). Per regime with its paired CI in tables[i].refinedMinusImitation.
   */
  refiningLossGainPct: number;
  refineRounds: RefineRound[];
  /** The final flow at K = 1, 2, 4, 8 Euler steps (no shortcut distillation yet). */
  eulerSweep: EulerSweepRow[];
  /** Env-steps/s of the flow at K = 1 inside wasm (one thread; its network as trained, 64 x 64 by default). */
  flowEnvStepsPerSec: number;
  /** (J_1 - J_K) / J_K in % of the undistilled flow, K the config's Euler steps (what shortcut distillation would close). */
  flowOneStepGapPct: number;
  scores: ExpertScore[];
  losses: number[];
  demonstrationPairs: number;
  evaluationPaths: number;
  trainingSeconds: number;
  policy: FlowPolicyFile;
}

/** Mean over regimes of 100 (J_imitation - J_refined) / J_imitation (0 without refining). */
export function refiningGainPct(tables: RegimeTable[]): number {
  const gains = tables.flatMap((t) => {
    const imitation = t.rows.find((r) => r.policy === 'flowoe-imitation');
    const refined = t.rows.find((r) => r.policy === 'flowoe');
    return imitation && refined
      ? [(100 * (imitation.objective.mean - refined.objective.mean)) / imitation.objective.mean]
      : [];
  });
  return gains.length ? gains.reduce((a, b) => a + b, 0) / gains.length : 0;
}

export interface EulerSweepRow {
  eulerSteps: number;
  /** Mean objective per regime on the evaluation paths (bps). */
  objective: Record<string, number>;
  /** (J_K - J_8) / J_8 in %, mean over regimes. */
  gapToEightPct: number;
  /** Env-steps per second of the policy inside wasm, one thread (the first regime's env). */
  envStepsPerSec: number;
}

/**
 * The final flow sampled with K = 1, 2, 4, 8 Euler steps (no distillation: the network trained for the config's K), on
 * the evaluation paths: objective, gap to K = 8, and the env's speed with the policy inside wasm.
 */
export function eulerSweep(config: FlowOeConfig, engine: Engine, t: FlowOeTrained): EulerSweepRow[] {
  const { paths, seed } = config.evaluation;
  const rows = [1, 2, 4, 8].map((K) => {
    const policy = { ...t.policy, network: { ...t.policy.network, eulerSteps: K } };
    const objective: Record<string, number> = {};
    let envStepsPerSec = 0;
    t.regimes.forEach((r, i) => {
      const ref = policyRef(policy, {
        priceMove: r.spec.obsPriceScale,
        variance: r.spec.obsVarianceScale,
        transient: r.spec.obsTransientScale,
      });
      const started = performance.now();
      const run = engineRollout(engine, r.spec, ref, paths, seed);
      if (i === 0) envStepsPerSec = (paths * r.spec.steps) / ((performance.now() - started) / 1000);
      objective[r.name] = run.objective.reduce((a, b) => a + b, 0) / paths;
    });
    return { eulerSteps: K, objective, gapToEightPct: 0, envStepsPerSec };
  });
  const eight = rows[3]!.objective;
  for (const row of rows) {
    const gaps = Object.keys(eight).map((k) => (100 * (row.objective[k]! - eight[k]!)) / eight[k]!);
    row.gapToEightPct = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  }
  return rows;
}

export async function flowOeExperiment(o: {
  quick: boolean;
  engine: Engine;
  onProgress?: (line: string) => void;
}): Promise<FlowOeResult> {
  const config = flowOeExperimentConfig(o.quick);
  const trained = await trainFlowOe(config, o.engine, { onProgress: o.onProgress, createdAt: 'experiment' });
  try {
    const tables = judgeFlowOe(config, o.engine, trained, { onProgress: o.onProgress });
    const sweep = eulerSweep(config, o.engine, trained);
    const atK = sweep.find((r) => r.eulerSteps === config.flow.eulerSteps) ?? sweep[3]!;
    const oneStepGaps = Object.keys(atK.objective).map(
      (k) => (100 * (sweep[0]!.objective[k]! - atK.objective[k]!)) / atK.objective[k]!,
    );
    o.onProgress?.(
      `euler sweep: ${sweep.map((r) => `K=${r.eulerSteps} gap ${r.gapToEightPct.toFixed(3)}% ${(r.envStepsPerSec / 1e6).toFixed(2)} M env-steps/s`).join('; ')}`,
    );
    return {
      experiment: 'flowoe',
      quick: o.quick,
      tables,
      regimesBeatingEveryExpert: tables.filter((t) => t.beatsEveryExpert).length,
      refiningLossGainPct: refiningGainPct(tables),
      refineRounds: trained.refineRounds,
      eulerSweep: sweep,
      flowEnvStepsPerSec: sweep[0]!.envStepsPerSec,
      flowOneStepGapPct: oneStepGaps.reduce((a, b) => a + b, 0) / oneStepGaps.length,
      scores: trained.scores,
      losses: trained.losses,
      demonstrationPairs: trained.demonstrationPairs,
      evaluationPaths: config.evaluation.paths,
      trainingSeconds: trained.trainingSeconds,
      policy: trained.policy,
    };
  } finally {
    trained.net.dispose();
  }
}
