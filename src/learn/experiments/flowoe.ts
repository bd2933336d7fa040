// Experiment flowoe: one flow-matching policy imitating the expert ensemble of the four regimes, judged
// against every expert of each regime on common paths (paired 95% CIs), then refined on its own rollouts (refine.ts),
// with the ablation (refined vs pure imitation, same seeds, paired CIs).
import type { Engine } from '../../engine/wasm/engine.js';
import { REGIME_NAMES, regimeConfigInput } from '../flow/regimes.js';
import { parseFlowOeConfig, type FlowOeConfig } from '../flow/flowoe-config.js';
import { trainFlowOe, judgeFlowOe, type RegimeTable } from '../flow/flowoe.js';
import type { ExpertScore } from '../flow/demonstrations.js';
import type { RefineRound } from '../flow/refine.js';
import type { FlowPolicyFile } from '../../strategies/policy-file.js';

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

export async function flowOeExperiment(o: {
  quick: boolean;
  engine: Engine;
  onProgress?: (line: string) => void;
}): Promise<FlowOeResult> {
  const config = flowOeExperimentConfig(o.quick);
  const trained = await trainFlowOe(config, o.engine, { onProgress: o.onProgress, createdAt: 'experiment' });
  try {
    const tables = judgeFlowOe(config, o.engine, trained, { onProgress: o.onProgress });
    return {
      experiment: 'flowoe',
      quick: o.quick,
      tables,
      regimesBeatingEveryExpert: tables.filter((t) => t.beatsEveryExpert).length,
      refiningLossGainPct: refiningGainPct(tables),
      refineRounds: trained.refineRounds,
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
