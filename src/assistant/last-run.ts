// The last evaluation a user ran, as the assistant reads it (the runtimes store and load it; this file reads nothing):
// its config, its result and a sample execution (the child orders of its best static strategy on the first path).
import type { EvaluationConfig } from '../eval/config.js';
import type { EvaluationResult } from '../eval/evaluate.js';

export interface ChildOrder {
  step: number;
  /** Minutes after the order's start. */
  minute: number;
  shares: number;
  /** Unimpacted mid price at the start of the step on the sampled path (absent when no path was sampled). */
  midPrice?: number;
}

export interface SampleExecution {
  strategy: string;
  /** Index of the simulated path (0: the first path of the run's seed). */
  path: number;
  childOrders: ChildOrder[];
}

export interface LastRun {
  savedAt: string;
  /** Where it ran: "flowexec evaluate", or "api job <id>". */
  source: string;
  config: EvaluationConfig;
  result: EvaluationResult;
  sample?: SampleExecution;
}

/** Best static strategy by the run's ranking (closed-loop strategies have no fixed child orders). */
export function sampleStrategy(result: EvaluationResult): string | undefined {
  return result.ranking.find((name) => result.inventory?.childShares?.[name]);
}

/**
 * Child orders of the best static strategy: one per step with shares > 0, at the step's minute, with the path's mid
 * price at the step start when `prices` (S_0 .. S_steps of one path) is given.
 */
export function sampleExecution(result: EvaluationResult, prices?: Float64Array): SampleExecution | undefined {
  const strategy = sampleStrategy(result);
  if (!strategy) return undefined;
  const shares = result.inventory.childShares[strategy]!;
  const stepMinutes =
    result.inventory.minutes.length === result.steps + 1
      ? result.inventory.minutes[1]!
      : result.inventory.minutes[result.inventory.minutes.length - 1]! / result.steps;
  const childOrders: ChildOrder[] = [];
  shares.forEach((n, k) => {
    if (n > 0)
      childOrders.push({ step: k, minute: k * stepMinutes, shares: n, ...(prices ? { midPrice: prices[k]! } : {}) });
  });
  return { strategy, path: 0, childOrders };
}
