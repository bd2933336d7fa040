// MAP-Elites over the volatility x liquidity grid (Mouret and Clune 2015, arXiv:1504.04909), in its multi-task form
// (Mouret and Maguire 2020, GECCO: each cell is a task and a child is evaluated in one task): small MLP policies
// (6 -> 16 relu -> 16 relu -> 1, the engine's policy network, PPO's default size) scored by closed-loop rollouts in the batched WASM env on
// fresh common paths of the cell against the cell's elite (paired), each cell keeping its elite. Variation: iso+line-dd
// (Vassiliades and Mouret 2018, GECCO), child = p1 + sigma_iso N(0, I) + sigma_line N(0, 1) (p2 - p1), p1 the cell's elite and p2 another cell's.
import type { Engine } from '../../engine/wasm/engine.js';
import type { EnvSpec } from '../../engine/env-spec.js';
import { WasmBackend } from '../../engine/wasm/wasm-backend.js';
import { OBJECTIVE_MEAN_VARIANCE, OBSERVATION_FEATURES, POLICY_MLP } from '../../engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64, type MlpWeights } from '../../engine/mlp-layout.js';
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import { envSpecFor, terminalCostOf, type TerminalCost } from '../../eval/closed-loop.js';
import type { ExecutionPlan } from '../../eval/plan.js';
import { objectiveSamples } from '../objective-eval.js';
import { VecEnv } from '../vec-env.js';
import { cells, RISK_AVERSION, type Cell } from './cells.js';

export const HIDDEN: [number, number] = [16, 16];
/** mu = 0 trades TWAP's rate; the policy may trade up to 10 times it (as PPO's default). */
export const ACTION_SCALE = 10;
const F = OBSERVATION_FEATURES,
  [H1, H2] = HIDDEN;
/** Genome length: w1, b1, w2, b2, w3, b3 of the network. */
export const GENOME_LENGTH = H1 * F + H1 + H2 * H1 + H2 + H2 + 1;

export interface CellEnv {
  cell: Cell;
  plan: ExecutionPlan;
  /** The cell's env with the mean-variance objective of evaluation.riskAversion (the score evaluate ranks by). */
  spec: EnvSpec;
  terminalCostBps: TerminalCost;
}

export function cellEnvs(): CellEnv[] {
  return cells().map((cell) => {
    const plan = buildExecutionPlan(cell.config);
    const lambdaPerCurrency = RISK_AVERSION / (plan.orderShares * plan.s0);
    return {
      cell,
      plan,
      spec: envSpecFor(plan, { objective: OBJECTIVE_MEAN_VARIANCE, lambdaPerCurrency }),
      terminalCostBps: terminalCostOf(plan),
    };
  });
}

export interface ObservationScaling {
  obsMean: number[];
  obsStd: number[];
}

/** Mean and std of the observations under TWAP, pooled over the cells: one input scaling for every genome. */
export function observationScaling(engine: Engine, envs: CellEnv[], seed = 1): ObservationScaling {
  const sum = new Float64Array(F),
    sq = new Float64Array(F);
  let n = 0;
  for (const e of envs) {
    const env = new VecEnv(engine, e.spec, 64);
    let obs = env.reset(seed);
    for (let t = 0; t < env.steps; t++) {
      for (let i = 0; i < obs.length; i++) {
        sum[i % F]! += obs[i]!;
        sq[i % F]! += obs[i]! * obs[i]!;
      }
      n += obs.length / F;
      obs = env.stepWith(new Float64Array(env.envs).fill(1 / (env.steps - t))).obs;
    }
  }
  const obsMean = Array.from(sum, (s) => s / n);
  const obsStd = Array.from(sq, (s, i) => Math.sqrt(Math.max(s / n - obsMean[i]! ** 2, 0)) || 1);
  return { obsMean, obsStd };
}

/** The network of a genome under the shared input scaling. */
export function genomeWeights(g: Float64Array, scaling: ObservationScaling): MlpWeights {
  let at = 0;
  const take = (n: number) => Array.from(g.subarray(at, (at += n)));
  return {
    actionScale: ACTION_SCALE,
    inputs: F,
    hidden: HIDDEN,
    obsMean: scaling.obsMean,
    obsStd: scaling.obsStd,
    w1: take(H1 * F),
    b1: take(H1),
    w2: take(H2 * H1),
    b2: take(H2),
    w3: take(H2),
    b3: take(1),
  };
}

/** A network of HIDDEN's shape (a trained PPO actor) as a genome: its weights in genome order. */
export function genomeOf(w: MlpWeights): Float64Array {
  if (w.hidden[0] !== H1 || w.hidden[1] !== H2 || w.inputs !== F || w.actionScale !== ACTION_SCALE)
    throw new RangeError(`a genome network is ${F} -> ${H1} -> ${H2} -> 1 with action scale ${ACTION_SCALE}`);
  return Float64Array.from([...w.w1, ...w.b1, ...w.w2, ...w.b2, ...w.w3, ...w.b3]);
}

export function genomePolicy(g: Float64Array, scaling: ObservationScaling) {
  return { kind: POLICY_MLP, params: mlpBlockAsF64(mlpBlock(genomeWeights(g, scaling))) };
}

/** Seeded uniform and normal draws for the evolution (mulberry32 and Box-Muller). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return { u, n: () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) };
}

export interface MapElitesOptions {
  engine: Engine;
  /** Candidate policies to evaluate (each one by rollouts in one cell). */
  candidates: number;
  /** Common paths per candidate evaluation (a multiple of 16): candidate i and its cell's elite run seed searchSeed + i. */
  pathsPerCandidate?: number;
  seed?: number;
  searchSeed?: number;
  now?: () => number;
  /**
   * A network every cell starts from instead of random ones (the generalist: specialists are then the generalist
   * fine-tuned per cell); its input scaling becomes every genome's.
   */
  start?: { genome: Float64Array; scaling: ObservationScaling };
}

export interface Elite {
  cell: string;
  genome: Float64Array;
  /** Mean objective (bps) on the last block of search paths it was compared on (P paths: noisy); judge on fresh paths. */
  searchScore: number;
}

export interface MapElitesResult {
  evaluated: number;
  envSteps: number;
  seconds: number;
  pathsPerCandidate: number;
  /** How often a child replaced its cell's elite. */
  improvements: number;
  elites: Elite[];
  envs: CellEnv[];
  scaling: ObservationScaling;
}

const SIGMA_ISO = 0.02,
  SIGMA_LINE = 0.3,
  INIT_STD = 0.5,
  /** Random genomes per cell before variation starts (plus the all-zero TWAP genome). */
  INIT_PER_CELL = 16;

export function runMapElites(o: MapElitesOptions): MapElitesResult {
  const now = o.now ?? (() => performance.now());
  const started = now();
  const P = o.pathsPerCandidate ?? 64,
    searchSeed = o.searchSeed ?? 7;
  if (P % 16 !== 0) throw new RangeError(`pathsPerCandidate must be a multiple of 16, got ${P}`);
  const envs = cellEnvs();
  const scaling = o.start?.scaling ?? observationScaling(o.engine, envs);
  const backend = new WasmBackend(o.engine);
  const r = rng(o.seed ?? 11);
  let evaluated = 0,
    improvements = 0;
  // Noisy scores on one fixed set of paths let elites overfit those paths (a policy that sees the price learns the
  // draws): each candidate instead meets its cell's elite on a fresh block of common paths (seed searchSeed + its
  // index) and replaces it when the paired mean objective is lower, so no path set is reused and no bias accumulates.
  const samples = (g: Float64Array, c: number, seed: number) =>
    objectiveSamples(backend, envs[c]!.spec, genomePolicy(g, scaling), P, seed, envs[c]!.terminalCostBps);
  const elites: Array<{ genome: Float64Array; score: number }> = [];
  const offer = (g: Float64Array, c: number) => {
    const seed = searchSeed + evaluated++;
    const child = samples(g, c, seed);
    let childMean = 0;
    for (const v of child) childMean += v;
    childMean /= P;
    if (!elites[c]) {
      elites[c] = { genome: g, score: childMean };
      return;
    }
    const elite = samples(elites[c]!.genome, c, seed);
    let eliteMean = 0;
    for (const v of elite) eliteMean += v;
    eliteMean /= P;
    if (childMean < eliteMean) {
      improvements++;
      elites[c] = { genome: g, score: childMean };
    } else elites[c]!.score = eliteMean;
  };
  const C = envs.length;
  for (let c = 0; c < C && evaluated < o.candidates; c++) offer(new Float64Array(GENOME_LENGTH), c);
  if (o.start) for (let c = 0; c < C && evaluated < o.candidates; c++) offer(o.start.genome.slice(), c);
  for (let i = 0; !o.start && i < INIT_PER_CELL * C && evaluated < o.candidates; i++)
    offer(
      Float64Array.from({ length: GENOME_LENGTH }, () => INIT_STD * r.n()),
      i % C,
    );
  while (evaluated < o.candidates) {
    const c = Math.floor(r.u() * C);
    const p1 = elites[c]!.genome,
      p2 = elites[Math.floor(r.u() * C)]!.genome;
    const line = SIGMA_LINE * r.n();
    offer(
      p1.map((x, k) => x + SIGMA_ISO * r.n() + line * (p2[k]! - x)),
      c,
    );
  }
  return {
    evaluated,
    // a child and its cell's elite each run P paths (the first candidate of a cell alone)
    envSteps: (2 * evaluated - C) * P * envs[0]!.spec.steps,
    seconds: (now() - started) / 1000,
    pathsPerCandidate: P,
    improvements,
    elites: elites.map((e, c) => ({ cell: envs[c]!.cell.name, genome: e.genome, searchScore: e.score })),
    envs,
    scaling,
  };
}
