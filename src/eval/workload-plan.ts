// Plans for the canonical workloads: heston-paths directly, heston-execution through the evaluation config builder.
import { modelId, modelParamBlock, type NormalPrecision, type PriceModel } from '../engine/model-params.js';
import { exp } from '../math/portable-math.js';
import type { Workload, ExecutionWorkload } from '../market/workload.js';
import { MINUTES_PER_YEAR } from '../market/time.js';
import { DEFAULT_COMPLETION_THRESHOLD, type EvaluationConfig } from './config.js';
import { buildExecutionPlan } from './execution-plan.js';
import type { SimulationPlan } from './plan.js';

/**
 * The Heston discretisation: full-truncation Euler on the log price, or Andersen's (2008) QE scheme.
 *
 * @example
 * ```ts
 * const scheme: SchemeName = 'qe';
 * await simulate('heston-paths', { scheme, steps: 50 });
 * ```
 */
export type SchemeName = 'euler' | 'qe';

export interface WorkloadOverrides {
  paths?: number;
  steps?: number;
  seed: number;
  scheme: SchemeName;
  precision?: NormalPrecision;
}

/** The evaluation config that is exactly the heston-execution workload (TWAP, flat volume, canonical impact). */
export function executionWorkloadConfig(w: ExecutionWorkload, o: WorkloadOverrides): EvaluationConfig {
  const steps = o.steps ?? w.steps;
  return {
    name: w.name,
    market: {
      model: { type: 'heston', ...w.heston, mu: w.heston.mu ?? 0, scheme: o.scheme },
      dailyVolume: w.market.dailyVolume,
      volumeCurve: { type: 'flat' },
      volatilityCurve: { type: 'flat' },
      impact: {
        type: 'canonical',
        temporary: w.impact.temporary,
        permanent: w.impact.permanent,
        transient: {
          kernel: 'exponential',
          amplitude: w.impact.transient.amplitude,
          halfLifeSteps: w.impact.transient.halfLifeSteps,
          beta: 1,
        },
        spread: { halfSpreadBps: 0 },
      },
    },
    order: {
      side: 'sell',
      shares: w.order.shares,
      horizonMinutes: w.horizonYears * MINUTES_PER_YEAR,
      steps,
      startMinute: 0,
      participationCap: 1,
    },
    strategies: [{ type: 'twap' }],
    evaluation: {
      paths: o.paths ?? w.paths,
      seed: o.seed,
      riskAversion: 1,
      precision: o.precision,
      completion: 'opportunity',
      completionThreshold: DEFAULT_COMPLETION_THRESHOLD,
    },
  };
}

export function planFromWorkload(w: Workload, o: WorkloadOverrides): SimulationPlan {
  if (w.kind === 'execution') return buildExecutionPlan(executionWorkloadConfig(w, o));
  const steps = o.steps ?? w.steps;
  const model: PriceModel = { kind: 'heston', scheme: o.scheme, ...w.heston, mu: w.heston.mu ?? 0 };
  return {
    kind: 'paths',
    label: w.name,
    model,
    modelId: modelId(model),
    params: modelParamBlock(model, w.horizonYears / steps, o.precision),
    seed: o.seed,
    paths: o.paths ?? w.paths,
    steps,
    horizonYears: w.horizonYears,
    strike: w.payoff.strike,
    discountFactor: exp(-w.payoff.discountRate * w.horizonYears),
    expectedDiscountedTerminal: w.heston.s0 * exp(((w.heston.mu ?? 0) - w.payoff.discountRate) * w.horizonYears),
  };
}
