// One chunk of a simulation: kernel, per-path values, statistics record. The same code for every backend.
import type { KernelBackend } from '../engine/backend.js';
import { seedWords } from '../engine/backend.js';
import { SCHEME_IDS } from '../engine/layout.js';
import type { RecordShape } from '../engine/moments.js';
import { recordLength } from '../engine/moments.js';
import { exp } from '../reference/math/exp.js';
import { CHUNK_PATHS, type SimulationPlan, type ExecutionPlan, type PathsPlan } from './plan.js';

/**
 * Columns of a paths plan: [discounted payoff, discounted S_T] (both paired: the co-moment gives the
 * control-variate estimate). Columns of an execution plan with S strategies: IS in bps of each strategy
 * (paired, with histograms), then timing and permanent parts in bps of each.
 */
export function recordShape(plan: SimulationPlan): RecordShape {
  if (plan.kind === 'paths') return { nCols: 2, nPaired: 2, bins: 0 };
  const s = plan.strategies.length;
  return { nCols: 3 * s, nPaired: s, bins: plan.bins };
}

export function chunkCount(plan: SimulationPlan): number {
  return Math.ceil(plan.paths / CHUNK_PATHS);
}

/** Reusable buffers for one backend (a worker keeps one). */
export class ChunkRunner {
  private raw = new Float64Array(0);
  private values = new Float64Array(0);

  constructor(private readonly backend: KernelBackend) {}

  private buffers(rawLength: number, valuesLength: number): void {
    if (this.raw.length < rawLength) this.raw = new Float64Array(rawLength);
    if (this.values.length < valuesLength) this.values = new Float64Array(valuesLength);
  }

  /** The statistics record of chunk index `chunk` of the plan. */
  run(plan: SimulationPlan, chunk: number): Float64Array {
    const firstPath = chunk * CHUNK_PATHS;
    const n = Math.min(CHUNK_PATHS, plan.paths - firstPath);
    const shape = recordShape(plan);
    this.buffers(2 * Math.max(1, plan.kind === 'execution' ? plan.strategies.length : 1) * CHUNK_PATHS, shape.nCols * CHUNK_PATHS);
    if (plan.kind === 'paths') this.pathsValues(plan, firstPath, n);
    else this.executionValues(plan, firstPath, n);
    const record = new Float64Array(recordLength(shape));
    const hist = plan.kind === 'execution' ? plan.histogram : null;
    this.backend.momentsReduce(this.values, n, CHUNK_PATHS, shape.nCols, shape.nPaired, hist, shape.bins, record);
    return record;
  }

  private pathsValues(plan: PathsPlan, firstPath: number, n: number): void {
    const x = this.raw.subarray(0, n);
    this.backend.hestonTerminal(SCHEME_IDS[plan.scheme], plan.params, seedWords(plan.seed), firstPath, n, plan.steps, x);
    const df = plan.discountFactor, strike = plan.strike;
    for (let i = 0; i < n; i++) {
      const terminal = exp(x[i]!);
      this.values[i] = df * Math.max(terminal - strike, 0);
      this.values[CHUNK_PATHS + i] = df * terminal;
    }
  }

  private executionValues(plan: ExecutionPlan, firstPath: number, n: number): void {
    const strategies = plan.strategies, count = strategies.length, steps = plan.steps;
    const qty = new Float64Array(count * steps), weight = new Float64Array(count * steps);
    strategies.forEach((s, i) => { qty.set(s.qty, i * steps); weight.set(s.weight, i * steps); });
    this.backend.hestonStaticExecution(SCHEME_IDS[plan.scheme], plan.params, seedWords(plan.seed), firstPath, n, steps,
      count, qty, weight, this.raw, CHUNK_PATHS);
    const s0 = plan.dynamics.s0;
    const toBps = 1e4 / (plan.orderShares * s0);
    strategies.forEach((s, j) => {
      const a = 2 * j * CHUNK_PATHS, b = (2 * j + 1) * CHUNK_PATHS;
      const arrival = s0 * s.executedShares;
      for (let i = 0; i < n; i++) {
        const sumPrice = this.raw[a + i]!, sumImpacted = this.raw[b + i]!;
        // cash = sumImpacted - deterministicCost; IS = arrival - cash = timing + permanent + deterministic
        const timing = arrival - sumPrice;
        const permanent = sumPrice - sumImpacted;
        this.values[j * CHUNK_PATHS + i] = (timing + permanent + s.deterministicCost) * toBps;
        this.values[(count + j) * CHUNK_PATHS + i] = timing * toBps;
        this.values[(2 * count + j) * CHUNK_PATHS + i] = permanent * toBps;
      }
    });
  }
}
