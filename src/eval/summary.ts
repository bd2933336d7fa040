// From a merged statistics record to the numbers a run reports (estimates, errors, oracles, distribution).
import { columnSummary, covariance, histogram } from '../engine/moments.js';
import { recordShape } from './chunk.js';
import { expectedShortfallBps, type SimulationPlan, type ExecutionPlan } from './plan.js';

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Estimate {
  mean: number;
  stderr: number;
  std: number;
  ci95: [number, number];
  min: number;
  max: number;
}

function estimate(record: Float64Array, column: number): Estimate {
  const c = columnSummary(record, column);
  return { mean: c.mean, stderr: c.stderr, std: c.std, ci95: [c.mean - Z95 * c.stderr, c.mean + Z95 * c.stderr], min: c.min, max: c.max };
}

export interface PathsSummary extends Estimate {
  unit: 'currency';
  /** Control-variate estimate with the discounted terminal price as control (its mean is known exactly). */
  cvMean: number;
  cvStderr: number;
}

export interface StrategySummary extends Estimate {
  name: string;
  unit: 'bps';
  /** Exact E[IS] for a static schedule under a martingale price (mu = 0); null otherwise. */
  oracleMean: number | null;
  /** Mean shortfall by part, bps: the deterministic parts are exact, timing and permanent are estimates. */
  attribution: { timing: number; permanent: number; temporary: number; transient: number };
  /** Standard errors of the stochastic parts (the deterministic ones have none). */
  attributionStderr: { timing: number; permanent: number };
  /** 95% value at risk and conditional value at risk of IS (bps), from the histogram (+- one bin width). */
  var95: number;
  cvar95: number;
}

export function summarizePaths(plan: SimulationPlan & { kind: 'paths' }, record: Float64Array): PathsSummary {
  const payoff = estimate(record, 0);
  const control = columnSummary(record, 1);
  const shape = recordShape(plan);
  const cov = covariance(shape, record, 0, 1);
  const varControl = control.std * control.std;
  const b = varControl > 0 ? cov / varControl : 0;
  const cvMean = payoff.mean - b * (control.mean - plan.expectedDiscountedTerminal);
  const residualVariance = Math.max(payoff.std * payoff.std - (varControl > 0 ? (cov * cov) / varControl : 0), 0);
  return { ...payoff, unit: 'currency', cvMean, cvStderr: Math.sqrt(residualVariance / control.count) };
}

/** VaR and CVaR at level alpha from histogram counts (bins over [lo, lo + bins / binsPerUnit), under/overflow last). */
function tailRisk(counts: Float64Array, bins: number, lo: number, binsPerUnit: number, min: number, max: number,
  alpha: number): { var: number; cvar: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  const width = 1 / binsPerUnit;
  // walk down from the top (IS is a cost: the risk is the upper tail)
  const tail = (1 - alpha) * total;
  let above = counts[bins + 1]!;
  let sum = above * max; // overflow mass at its maximum: conservative
  for (let b = bins - 1; b >= 0; b--) {
    const c = counts[b]!;
    const binLo = lo + b * width;
    if (above + c >= tail) {
      const need = tail - above;
      const varValue = binLo + width * (1 - need / Math.max(c, 1));
      sum += need * (varValue + binLo + width) / 2;
      return { var: varValue, cvar: sum / tail };
    }
    above += c;
    sum += c * (binLo + width / 2);
  }
  return { var: min, cvar: sum / Math.max(tail, 1) };
}

export function summarizeExecution(plan: ExecutionPlan, record: Float64Array): StrategySummary[] {
  const shape = recordShape(plan);
  const count = plan.strategies.length;
  const toBps = 1e4 / (plan.orderShares * plan.dynamics.s0);
  return plan.strategies.map((s, j) => {
    const is = estimate(record, j);
    const risk = tailRisk(histogram(shape, record, j), plan.bins, plan.histogram[2 * j]!, plan.histogram[2 * j + 1]!, is.min, is.max, 0.95);
    return {
      name: s.name, unit: 'bps', ...is,
      oracleMean: plan.dynamics.mu === 0 ? expectedShortfallBps(plan, s) : null,
      attribution: {
        timing: columnSummary(record, count + j).mean,
        permanent: columnSummary(record, 2 * count + j).mean,
        temporary: s.temporaryCost * toBps,
        transient: s.transientCost * toBps,
      },
      attributionStderr: { timing: columnSummary(record, count + j).stderr, permanent: columnSummary(record, 2 * count + j).stderr },
      var95: risk.var, cvar95: risk.cvar,
    };
  });
}
