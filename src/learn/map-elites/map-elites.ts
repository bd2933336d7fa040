// MAP-Elites over the volatility x liquidity grid (Mouret and Clune 2015, arXiv:1504.04909; the multi-task form of
// Mouret and Maguire 2020, GECCO, where each cell is a task): parametric schedule policies, every child scored in
// every cell, each cell keeping its elite. Scores are exact, not sampled: a static schedule's E[IS] is the closed form
// of eval/plan.ts (expectedShortfallBps) and its variance the Almgren-Chriss moment of the linearised market.
import { completeSchedule } from '../../eval/completion.js';
import { buildExecutionPlan } from '../../eval/execution-plan.js';
import { expectedShortfallBps, type ExecutionPlan, type StaticStrategyPlan } from '../../eval/plan.js';
import { staticCosts } from '../../market/static-costs.js';
import { applyParticipationCap } from '../../strategies/participation.js';
import { linearisedParameters } from '../../strategies/linearise.js';
import { almgrenChrissMoments, type AlmgrenChrissParameters } from '../../strategies/almgren-chriss.js';
import { initialVolatility } from '../../engine/model-params.js';
import { cells, STEPS, RISK_AVERSION, type Cell } from './cells.js';

/** Policy genome: urgency u (exponential decay rate over the day), VWAP weight w, end load c. */
export interface Genome {
  urgency: number;
  vwapWeight: number;
  endLoad: number;
}
const RANGES: Record<keyof Genome, [number, number]> = { urgency: [-4, 12], vwapWeight: [0, 1], endLoad: [0, 0.4] };

/** Fractions of the order per step: (1 - w) e^(-u t) (normalised) + w x volume share, plus c at the last step. */
export function schedule(g: Genome, volumeShare: Float64Array): number[] {
  const n = volumeShare.length;
  const decay = Array.from({ length: n }, (_, k) => Math.exp((-g.urgency * (k + 0.5)) / n));
  const total = decay.reduce((a, b) => a + b, 0);
  const f = decay.map((d, k) => ((1 - g.vwapWeight) * d) / total + g.vwapWeight * volumeShare[k]!);
  f[n - 1] = f[n - 1]! + g.endLoad;
  return f;
}

interface CellModel {
  cell: Cell;
  plan: ExecutionPlan;
  ac: AlmgrenChrissParameters;
  volumeShare: Float64Array;
}

function cellModel(cell: Cell): CellModel {
  const plan = buildExecutionPlan(cell.config);
  const ac = linearisedParameters(
    plan.impact,
    plan.s0,
    initialVolatility(plan.model),
    plan.orderShares,
    plan.steps,
    plan.stepDays,
  );
  const total = plan.stepVolume.reduce((a, b) => a + b, 0);
  return { cell, plan, ac, volumeShare: plan.stepVolume.map((v) => v / total) };
}

/** Score in bps: exact E[IS] + riskAversion Var[IS] 1e-4 (the evaluator's score), Var from the AC moment. */
export function scoreIn(m: CellModel, g: Genome): number {
  const f = schedule(g, m.volumeShare);
  const sum = f.reduce((a, b) => a + b, 0);
  const target = Float64Array.from(f, (x) => (m.plan.orderShares * x) / sum);
  // what the cap leaves is completed by the cell's rule (default cleanup), as the evaluator completes every schedule
  const done = completeSchedule(
    applyParticipationCap(target, m.plan.stepVolume, m.plan.participationCap),
    m.cell.config.evaluation.completion ?? 'cleanup',
  );
  const s: StaticStrategyPlan = {
    kind: 'static',
    name: 'g',
    type: 'schedule',
    unfilledShares: done.unfilledShares,
    cleanupShares: done.cleanupShares,
    costs: staticCosts(m.plan.impact, done.qty, m.plan.stepVolume, m.plan.s0, m.plan.side),
  };
  const toBps = 1e4 / (m.plan.orderShares * m.plan.s0);
  const variance = almgrenChrissMoments(m.ac, done.qty).variance * toBps * toBps;
  return expectedShortfallBps(m.plan, s) + RISK_AVERSION * variance * 1e-4;
}

export interface MapElitesResult {
  evaluated: number;
  seconds: number;
  elites: Array<{ cell: string; genome: Genome; score: number }>;
  generalist: { genome: Genome; meanScore: number };
  cells: Cell[];
  models: CellModel[];
}

/** Seeded uniform and normal draws for the evolution (mulberry32 and Box-Muller). */
function rng(seed: number) {
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

export function runMapElites(
  candidates: number,
  seed = 11,
  now: () => number = () => performance.now(),
): MapElitesResult {
  const started = now();
  const grid = cells();
  const models = grid.map(cellModel);
  const r = rng(seed);
  const keys = Object.keys(RANGES) as Array<keyof Genome>;
  const clampGenome = (g: Genome): Genome =>
    Object.fromEntries(keys.map((k) => [k, Math.min(RANGES[k][1], Math.max(RANGES[k][0], g[k]))])) as unknown as Genome;
  const randomGenome = (): Genome =>
    Object.fromEntries(keys.map((k) => [k, RANGES[k][0] + r.u() * (RANGES[k][1] - RANGES[k][0])])) as unknown as Genome;
  const elites: Array<{ genome: Genome; score: number } | undefined> = models.map(() => undefined);
  let generalist = { genome: randomGenome(), meanScore: Infinity };
  const consider = (g: Genome) => {
    let sum = 0;
    models.forEach((m, c) => {
      const s = scoreIn(m, g);
      sum += s;
      if (!elites[c] || s < elites[c]!.score) elites[c] = { genome: g, score: s };
    });
    if (sum / models.length < generalist.meanScore) generalist = { genome: g, meanScore: sum / models.length };
  };
  const initial = Math.min(candidates, 200);
  for (let i = 0; i < initial; i++) consider(randomGenome());
  for (let i = initial; i < candidates; i++) {
    const parent = elites[Math.floor(r.u() * elites.length)]!.genome;
    consider(
      clampGenome(
        Object.fromEntries(
          keys.map((k) => [k, parent[k] + 0.08 * (RANGES[k][1] - RANGES[k][0]) * r.n()]),
        ) as unknown as Genome,
      ),
    );
  }
  return {
    evaluated: candidates,
    seconds: (now() - started) / 1000,
    cells: grid,
    models,
    elites: elites.map((e, c) => ({ cell: grid[c]!.name, genome: e!.genome, score: e!.score })),
    generalist,
  };
}

export { STEPS };
