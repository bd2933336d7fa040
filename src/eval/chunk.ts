// One chunk of a simulation: kernels, per-path values, statistics record. The same code for every backend.
import type { KernelBackend } from '../engine/backend.js';
import { seedWords } from '../engine/seed.js';
import { MODEL_ABM } from '../engine/layout.js';
import type { RecordShape } from '../engine/moments.js';
import { recordLength } from '../engine/moments.js';
import { exp } from '../math/portable-math.js';
import {
  CHUNK_PATHS,
  PARTS,
  type Part,
  type SimulationPlan,
  type ExecutionPlan,
  type PathsPlan,
  type StaticStrategyPlan,
  type ClosedLoopStrategyPlan,
} from './plan.js';
import { ROLLOUT_COLUMNS, POLICY_SCHEDULE } from '../engine/env-layout.js';
import type { EnvSpec } from '../engine/env-spec.js';
import { envSpecFor, closedLoopParts } from './closed-loop.js';

/** The cost parts of a rollout, in closedLoopParts' order. */
const COST_PARTS: Part[] = ['timing', 'permanent', 'temporary', 'transient', 'spread', 'opportunity', 'penalty'];

/**
 * Columns of a paths plan: [discounted payoff, discounted S_T] (both paired: their co-moment gives the
 * control-variate estimate). Columns of an execution plan with S strategies: for each part of PARTS, one column
 * per strategy (part-major), so the first S columns are the strategies' IS in bps: paired, with histograms.
 */
export function recordShape(plan: SimulationPlan): RecordShape {
  if (plan.kind === 'paths') return { nCols: 2, nPaired: 2, bins: 0 };
  const s = plan.strategies.length;
  return { nCols: PARTS.length * s, nPaired: s, bins: plan.bins };
}

export function chunkCount(plan: SimulationPlan): number {
  return Math.ceil(plan.paths / CHUNK_PATHS);
}

/** Reusable buffers for one backend (a worker keeps one). */
export class ChunkRunner {
  private raw = new Float64Array(0);
  private values = new Float64Array(0);
  private envSpec?: { plan: ExecutionPlan; spec: EnvSpec };
  /** The static strategies' schedules side by side, built once per plan (not once per chunk). */
  private schedules?: { plan: ExecutionPlan; qty: Float64Array; weight: Float64Array };

  constructor(private readonly backend: KernelBackend) {}

  private buffers(rawColumns: number, valueColumns: number): void {
    if (this.raw.length < rawColumns * CHUNK_PATHS) this.raw = new Float64Array(rawColumns * CHUNK_PATHS);
    if (this.values.length < valueColumns * CHUNK_PATHS) this.values = new Float64Array(valueColumns * CHUNK_PATHS);
  }

  /** The statistics record of chunk index `chunk` of the plan, written into `record` (recordLength(recordShape(plan)) values). */
  runInto(plan: SimulationPlan, chunk: number, record: Float64Array): void {
    const n = this.compute(plan, chunk);
    const shape = recordShape(plan);
    const hist = plan.kind === 'execution' ? plan.histogram : null;
    this.backend.momentsReduce(this.values, n, CHUNK_PATHS, shape.nCols, shape.nPaired, hist, shape.bins, record);
  }

  /**
   * The per-path values of a chunk (column c of path i at [c CHUNK_PATHS + i], columns as recordShape), for
   * small explicit requests (inspection, plotting, tests); a copy.
   */
  pathValues(plan: SimulationPlan, chunk: number): Float64Array {
    this.compute(plan, chunk);
    return this.values.slice(0, recordShape(plan).nCols * CHUNK_PATHS);
  }

  private compute(plan: SimulationPlan, chunk: number): number {
    const firstPath = chunk * CHUNK_PATHS;
    const n = Math.min(CHUNK_PATHS, plan.paths - firstPath);
    if (plan.kind === 'paths') this.pathsValues(plan, firstPath, n);
    else this.executionValues(plan, firstPath, n);
    return n;
  }

  private pathsValues(plan: PathsPlan, firstPath: number, n: number): void {
    this.buffers(1, 2);
    const x = this.raw.subarray(0, n);
    this.backend.terminalValues(plan.modelId, plan.params, seedWords(plan.seed), firstPath, n, plan.steps, x);
    const df = plan.discountFactor,
      strike = plan.strike,
      abm = plan.modelId === MODEL_ABM;
    for (let i = 0; i < n; i++) {
      const terminal = abm ? x[i]! : exp(x[i]!);
      this.values[i] = df * Math.max(terminal - strike, 0);
      this.values[CHUNK_PATHS + i] = df * terminal;
    }
  }

  private executionValues(plan: ExecutionPlan, firstPath: number, n: number): void {
    const count = plan.strategies.length;
    // in a path-dependent market (plan.pathMarket) a static schedule runs in the environment as a schedule policy
    const viaKernel = plan.pathMarket === null;
    const statics = plan.strategies
      .map((s, j) => [s, j] as const)
      .filter((e): e is readonly [StaticStrategyPlan, number] => e[0].kind === 'static' && viaKernel);
    const loops = plan.strategies.flatMap((s, j): Array<readonly [ClosedLoopStrategyPlan['policy'], number]> =>
      s.kind === 'closed-loop'
        ? [[s.policy, j]]
        : viaKernel
          ? []
          : [[{ kind: POLICY_SCHEDULE, params: s.costs.qty }, j]],
    );
    // the static kernel also prices two benchmarks: a "schedule" of the step volumes gives sum V_k S_k (the market
    // VWAP), one of a share a step sum S_k (the window's average price)
    const rows = statics.length + 2;
    this.buffers(Math.max(2 * rows + 1, ROLLOUT_COLUMNS), PARTS.length * count);
    if (statics.length > 0) {
      const steps = plan.steps;
      if (this.schedules?.plan !== plan) {
        const qty = new Float64Array(rows * steps),
          weight = new Float64Array(rows * steps);
        statics.forEach(([s], i) => {
          qty.set(s.costs.qty, i * steps);
          weight.set(s.costs.weight, i * steps);
        });
        qty.set(plan.stepVolume, statics.length * steps);
        weight.set(plan.stepVolume, statics.length * steps);
        qty.fill(1, (statics.length + 1) * steps);
        weight.fill(1, (statics.length + 1) * steps);
        this.schedules = { plan, qty, weight };
      }
      this.backend.staticExecution(
        plan.modelId,
        plan.params,
        seedWords(plan.seed),
        firstPath,
        n,
        steps,
        rows,
        this.schedules.qty,
        this.schedules.weight,
        this.raw,
        CHUNK_PATHS,
      );
      const terminal = this.raw.subarray(2 * rows * CHUNK_PATHS);
      const volumeTimesPrice = this.raw.subarray(2 * statics.length * CHUNK_PATHS);
      const priceSum = this.raw.subarray(2 * (statics.length + 1) * CHUNK_PATHS);
      const totalVolume = plan.stepVolume.reduce((a, b) => a + b, 0);
      statics.forEach(([s, j], i) =>
        this.staticColumns(
          plan,
          s,
          j,
          this.raw.subarray(2 * i * CHUNK_PATHS),
          this.raw.subarray((2 * i + 1) * CHUNK_PATHS),
          terminal,
          (p) => volumeTimesPrice[p]! / totalVolume,
          (p) => priceSum[p]! * (1 / plan.steps),
          n,
        ),
      );
    }
    if (loops.length > 0) {
      if (this.envSpec?.plan !== plan) this.envSpec = { plan, spec: envSpecFor(plan) };
      for (const [policy, j] of loops) {
        this.backend.closedLoopRollout(this.envSpec.spec, firstPath, n, policy, this.raw, CHUNK_PATHS);
        this.closedLoopColumns(plan, j, n);
      }
    }
  }

  private closedLoopColumns(plan: ExecutionPlan, j: number, n: number): void {
    const count = plan.strategies.length;
    const toBps = 1e4 / (plan.orderShares * plan.s0);
    const column = (part: Part) => (PARTS.indexOf(part) * count + j) * CHUNK_PATHS;
    for (let i = 0; i < n; i++) {
      const p = closedLoopParts(plan, (c) => this.raw[c * CHUNK_PATHS + i]!);
      const parts = [p.timing, p.permanent, p.temporary, p.transient, p.spread, p.opportunity, p.penalty];
      this.values[column('is') + i] = parts.reduce((a, b) => a + b, 0) * toBps;
      COST_PARTS.forEach((part, k) => {
        this.values[column(part) + i] = parts[k]! * toBps;
      });
      this.values[column('completion') + i] = p.executedInCap / plan.orderShares;
      this.values[column('maxParticipation') + i] = p.maxParticipation;
      this.values[column('vwapSlippage') + i] = vwapSlippageBps(
        plan,
        this.values[column('is') + i]!,
        p.executed,
        p.vwap,
      );
      const executionCost = parts.slice(0, 5).reduce((a, b) => a + b, 0);
      this.priceAdvantage(plan, j, i, p.executed, executionCost, p.windowAverage);
    }
  }

  /**
   * Per-path shortfall of a static strategy, side sigma: with E executed and U unfilled shares,
   *   timing = sigma (s0 E - A), permanent = sigma (A - B) (log models), deterministic parts exact, and
   *   opportunity = sigma U (s0 - S_N f_N - shift) for unfilled shares marked at the impacted terminal price.
   */
  private staticColumns(
    plan: ExecutionPlan,
    s: StaticStrategyPlan,
    j: number,
    a: Float64Array,
    b: Float64Array,
    terminal: Float64Array,
    vwapOf: (path: number) => number,
    windowAverageOf: (path: number) => number,
    n: number,
  ): void {
    const c = s.costs,
      side = plan.side,
      s0 = plan.s0,
      count = plan.strategies.length;
    const toBps = 1e4 / (plan.orderShares * s0);
    const deterministic = c.temporaryCost + c.transientCost + c.spreadCost + c.additivePermanentCost;
    const column = (part: Part) => (PARTS.indexOf(part) * count + j) * CHUNK_PATHS;
    const completion = (c.executedShares - s.cleanupShares) / plan.orderShares;
    const penalty = s.unfilledShares * plan.completion.penaltyPerShare;
    for (let i = 0; i < n; i++) {
      const timing = side * (s0 * c.executedShares - a[i]!);
      const permanent = side * (a[i]! - b[i]!);
      const opportunity = side * s.unfilledShares * (s0 - (terminal[i]! * c.terminalFactor + c.terminalShift));
      this.values[column('is') + i] = (timing + permanent + deterministic + opportunity + penalty) * toBps;
      this.values[column('timing') + i] = timing * toBps;
      this.values[column('permanent') + i] = (permanent + c.additivePermanentCost) * toBps;
      this.values[column('temporary') + i] = c.temporaryCost * toBps;
      this.values[column('transient') + i] = c.transientCost * toBps;
      this.values[column('spread') + i] = c.spreadCost * toBps;
      this.values[column('opportunity') + i] = opportunity * toBps;
      this.values[column('penalty') + i] = penalty * toBps;
      this.values[column('completion') + i] = completion;
      this.values[column('maxParticipation') + i] = c.maxParticipation;
      this.values[column('vwapSlippage') + i] = vwapSlippageBps(
        plan,
        this.values[column('is') + i]!,
        c.executedShares,
        vwapOf(i),
      );
      this.priceAdvantage(plan, j, i, c.executedShares, timing + permanent + deterministic, windowAverageOf(i));
    }
  }

  /**
   * Price advantage over the window's average price (Fang et al. 2021, OPD, eq. for PA): with cash the proceeds of a
   * sell (cost of a buy) and P the average unimpacted price over the horizon,
   *   PA = 1e4 sigma (cash - E P) / (X P)  (bps; sigma the side, E the shares executed, X the order),
   * cash = E s0 - sigma C for an execution cost C. Its gain, loss and sign columns give the gain-loss ratio
   * E[PA | PA > 0] / E[-PA | PA < 0] and the positive rate.
   */
  private priceAdvantage(
    plan: ExecutionPlan,
    j: number,
    i: number,
    executed: number,
    executionCost: number,
    windowAverage: number,
  ): void {
    const count = plan.strategies.length;
    const column = (part: Part) => (PARTS.indexOf(part) * count + j) * CHUNK_PATHS;
    const cash = executed * plan.s0 - plan.side * executionCost;
    const pa = (1e4 * plan.side * (cash - executed * windowAverage)) / (plan.orderShares * windowAverage);
    this.values[column('pa') + i] = pa;
    this.values[column('paGain') + i] = pa > 0 ? pa : 0;
    this.values[column('paLoss') + i] = pa < 0 ? -pa : 0;
    this.values[column('paPositive') + i] = pa > 0 ? 1 : 0;
    this.values[column('paNegative') + i] = pa < 0 ? 1 : 0;
  }
}

/**
 * IS against the market VWAP instead of the arrival price (bps of the arrival notional): the shortfall minus what the
 * executed shares would have earned at the VWAP, IS - sigma E (s0 - VWAP). Its mean is the VWAP slippage, its standard
 * deviation the tracking error (0 for VWAP itself without impact and with the curve's volume).
 */
function vwapSlippageBps(plan: ExecutionPlan, isBps: number, executed: number, vwap: number): number {
  return isBps - (plan.side * executed * (plan.s0 - vwap) * 1e4) / (plan.orderShares * plan.s0);
}
