// Experiment map-elites: one generalist, PPO trained on all nine volatility x liquidity cells at once, then regime
// specialists evolved from it by MAP-Elites (one elite per cell, scored by rollouts in the batched WASM env), against
// the generalist and each cell's optimal static schedule; all judged on fresh common paths of each cell (paired CIs).
import type { Engine } from '../../engine/wasm/engine.js';
import { WasmBackend } from '../../engine/wasm/wasm-backend.js';
import { POLICY_MLP } from '../../engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64 } from '../../engine/mlp-layout.js';
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import type { StaticStrategyPlan } from '../../eval/plan.js';
import { policyFileOf, type PolicyFile } from '../../strategies/policy-file.js';
import { objectiveSamples, summarise, pairedSummary, type SampleSummary } from '../objective-eval.js';
import { trainPpo } from '../ppo.js';
import { ppoSchema } from '../train-config.js';
import { MultiVecEnv } from '../multi-vec-env.js';
import type { GradientRunnerFactory } from '../ppo-gradients.js';
import { judgeSchedule } from './common.js';
import { CELL_VOLS, CELL_VOLUMES, RISK_AVERSION, cellConfigWith } from '../map-elites/cells.js';
import {
  runMapElites,
  genomeWeights,
  genomePolicy,
  genomeOf,
  cellEnvs,
  HIDDEN,
  type MapElitesResult,
} from '../map-elites/map-elites.js';

export const JUDGE_SEED = 20240601;

export function mapElitesSettings(quick: boolean) {
  return quick
    ? { candidates: 20_000, pathsPerCandidate: 64, judgePaths: 4096, ppoEnvsPerCell: 32, ppoIterations: 30 }
    : { candidates: 100_000, pathsPerCandidate: 64, judgePaths: 40_000, ppoEnvsPerCell: 128, ppoIterations: 150 };
}

type Comparison = SampleSummary & { pValue: number };

export interface CellRow {
  cell: string;
  specialist: SampleSummary;
  generalist: SampleSummary;
  twap: SampleSummary;
  bestStatic: SampleSummary & { fractions: number[] };
  /** Specialist - generalist on common paths (negative: the specialist is better), bps of the objective. */
  specialistMinusGeneralist: Comparison;
  specialistMinusBestStatic: Comparison;
  specialistWins: boolean;
  beatsBestStatic: boolean;
  /** The elite's mean objective on the search paths (optimistic: the best of many noisy scores). */
  searchScore: number;
}

export interface MapElitesExperimentResult {
  experiment: 'map-elites';
  quick: boolean;
  riskAversion: number;
  candidates: number;
  pathsPerCandidate: number;
  searchEnvSteps: number;
  searchSeconds: number;
  candidatesPerSecond: number;
  improvements: number;
  judgePaths: number;
  generalistTraining: { envSteps: number; seconds: number; iterations: number };
  cells: CellRow[];
  /** Cells where the specialist's paired CI against the generalist lies below zero (0-9). */
  specialistWins: number;
  /** Equal-weight mean over the cells of the best static schedules' objective, and the specialists' paired margin. */
  bestStatic: SampleSummary;
  specialistsMinusBestStatic: Comparison;
  /** True only when the paired 95% CI of specialists - best static (averaged over cells, per path) lies below 0. */
  beatsBestStatic: boolean;
  cellsBeatingBestStatic: number;
  /** Specialists per cell (policy files) and the generalist, for --out and `recommend --specialists`. */
  specialists: Array<{ cell: string; policy: PolicyFile }>;
  generalist: PolicyFile;
}

export interface MapElitesExperimentOptions {
  quick: boolean;
  engine: Engine;
  gradients?: GradientRunnerFactory;
  onNote?: (line: string) => void;
  /** Overrides of the settings (tests use smaller runs). */
  settings?: Partial<ReturnType<typeof mapElitesSettings>>;
}

export async function mapElitesExperiment(o: MapElitesExperimentOptions): Promise<MapElitesExperimentResult> {
  const s = { ...mapElitesSettings(o.quick), ...o.settings };
  const note = o.onNote ?? (() => {});
  const envs = cellEnvs();
  const settings = ppoSchema.parse({
    iterations: s.ppoIterations,
    envs: s.ppoEnvsPerCell * envs.length,
    minibatch: 2048,
    learningRate: 1e-3,
    seed: 5,
  });
  const started = performance.now();
  const trained = await trainPpo({
    engine: o.engine,
    spec: envs[0]!.spec,
    settings,
    gradients: o.gradients,
    env: new MultiVecEnv(o.engine, envs, s.ppoEnvsPerCell),
    onIteration: (log) => {
      if (log.iteration % 10 === 0 || log.iteration === settings.iterations)
        note(`generalist PPO ${log.iteration}/${settings.iterations}: objective ${log.objective.toFixed(2)} bps`);
    },
  });
  const trainingSeconds = (performance.now() - started) / 1000;
  const search: MapElitesResult = runMapElites({
    engine: o.engine,
    candidates: s.candidates,
    pathsPerCandidate: s.pathsPerCandidate,
    // every cell starts from the generalist: the specialists are the generalist fine-tuned per cell
    start: {
      genome: genomeOf(trained.weights),
      scaling: { obsMean: Array.from(trained.weights.obsMean), obsStd: Array.from(trained.weights.obsStd) },
    },
  });
  note(
    `map-elites: ${search.evaluated.toLocaleString('en-US')} candidates in ${search.seconds.toFixed(1)} s (${Math.round(search.evaluated / search.seconds)} /s)`,
  );
  const generalistRef = { kind: POLICY_MLP, params: mlpBlockAsF64(mlpBlock(trained.weights)) };
  const backend = new WasmBackend(o.engine);
  const P = s.judgePaths;
  const rows: CellRow[] = [];
  const perPathVsStatic = new Float64Array(P),
    staticMeans: number[] = [],
    staticVars: number[] = [];
  envs.forEach((e, c) => {
    const judge = (ref: ReturnType<typeof genomePolicy>) =>
      objectiveSamples(backend, e.spec, ref, P, JUDGE_SEED, e.terminalCostBps);
    const specialist = judge(genomePolicy(search.elites[c]!.genome, search.scaling));
    const generalist = judge(generalistRef);
    const lambda = RISK_AVERSION / (e.plan.orderShares * e.plan.s0);
    const plan = buildExecutionPlan(
      cellConfigWith(CELL_VOLS[e.cell.vol]!, CELL_VOLUMES[e.cell.liquidity]!, [
        { type: 'twap' },
        { type: 'optimal-static', riskAversionPerCurrency: lambda },
      ]),
    );
    const [twap, best] = plan.strategies.map((st) =>
      judgeSchedule(o.engine, e.spec, st as StaticStrategyPlan, P, JUDGE_SEED),
    );
    const vsGeneralist = pairedSummary(specialist, generalist),
      vsStatic = pairedSummary(specialist, best!.samples);
    for (let p = 0; p < P; p++) perPathVsStatic[p]! += (specialist[p]! - best!.samples[p]!) / envs.length;
    staticMeans.push(best!.summary.mean);
    staticVars.push(best!.summary.stderr ** 2);
    rows.push({
      cell: e.cell.name,
      specialist: summarise(specialist),
      generalist: summarise(generalist),
      twap: twap!.summary,
      bestStatic: {
        ...best!.summary,
        fractions: Array.from((plan.strategies[1] as StaticStrategyPlan).costs.qty, (q) => q / e.plan.orderShares),
      },
      specialistMinusGeneralist: vsGeneralist,
      specialistMinusBestStatic: vsStatic,
      specialistWins: vsGeneralist.ci95[1] < 0,
      beatsBestStatic: vsStatic.ci95[1] < 0,
      searchScore: search.elites[c]!.searchScore,
    });
  });
  const meanStatic = staticMeans.reduce((a, b) => a + b, 0) / envs.length;
  const seStatic = Math.sqrt(staticVars.reduce((a, b) => a + b, 0)) / envs.length;
  const overall = summarise(perPathVsStatic);
  const trainedFor = (cell: string) => ({ experiment: 'map-elites', cell, riskAversion: RISK_AVERSION });
  return {
    experiment: 'map-elites',
    quick: o.quick,
    riskAversion: RISK_AVERSION,
    candidates: search.evaluated,
    pathsPerCandidate: search.pathsPerCandidate,
    searchEnvSteps: search.envSteps,
    searchSeconds: search.seconds,
    candidatesPerSecond: search.evaluated / search.seconds,
    improvements: search.improvements,
    judgePaths: P,
    generalistTraining: { envSteps: trained.envSteps, seconds: trainingSeconds, iterations: settings.iterations },
    cells: rows,
    specialistWins: rows.filter((r) => r.specialistWins).length,
    bestStatic: {
      mean: meanStatic,
      stderr: seStatic,
      ci95: [meanStatic - 1.96 * seStatic, meanStatic + 1.96 * seStatic],
    },
    specialistsMinusBestStatic: pairedSummary(perPathVsStatic, new Float64Array(P)),
    beatsBestStatic: overall.ci95[1] < 0,
    cellsBeatingBestStatic: rows.filter((r) => r.beatsBestStatic).length,
    specialists: search.elites.map((e) => ({
      cell: e.cell,
      policy: policyFileOf(
        `map-elites ${e.cell}`,
        genomeWeights(e.genome, search.scaling),
        -5,
        trainedFor(e.cell),
        { algorithm: 'map-elites', hidden: HIDDEN, candidates: search.evaluated, searchScore: e.searchScore },
        'experiment',
      ),
    })),
    generalist: policyFileOf(
      'map-elites generalist (PPO on all cells)',
      trained.weights,
      trained.logStd,
      trainedFor('all'),
      { algorithm: 'ppo', settings, envSteps: trained.envSteps },
      'experiment',
    ),
  };
}
