// From a merged statistics record to the figures a run reports: estimates with errors, tail risk, attribution,
// scores and paired differences (common random numbers make the paired errors small).
import { columnSummary, covariance, histogram } from '../engine/moments.js';
import { recordShape } from './chunk.js';
import { PARTS, expectedShortfallBps, type ExecutionPlan, type PathsPlan } from './plan.js';
import { twoSidedPValue } from '../math/normal-cdf.js';
import { rankIndices } from './completion.js';
import type { CompletionRule } from './plan.js';

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
  return {
    mean: c.mean,
    stderr: c.stderr,
    std: c.std,
    ci95: [c.mean - Z95 * c.stderr, c.mean + Z95 * c.stderr],
    min: c.min,
    max: c.max,
  };
}

export interface PathsSummary extends Estimate {
  unit: 'currency';
  /** Control-variate estimate with the discounted terminal price as control (its mean is known exactly). */
  cvMean: number;
  cvStderr: number;
}

export function summarizePaths(plan: PathsPlan, record: Float64Array): PathsSummary {
  const payoff = estimate(record, 0);
  const control = columnSummary(record, 1);
  const cov = covariance(recordShape(plan), record, 0, 1);
  const varControl = control.std * control.std;
  const b = varControl > 0 ? cov / varControl : 0;
  const residualVariance = Math.max(payoff.std * payoff.std - (varControl > 0 ? (cov * cov) / varControl : 0), 0);
  return {
    ...payoff,
    unit: 'currency',
    cvMean: payoff.mean - b * (control.mean - plan.expectedDiscountedTerminal),
    cvStderr: Math.sqrt(residualVariance / control.count),
  };
}

/**
 * A part of the implementation shortfall: price moves (timing), permanent, temporary and transient impact, the spread,
 * the opportunity cost of shares left unexecuted, and the penalty of the "penalty" completion rule.
 *
 * @example
 * ```ts
 * const part: AttributionPart = 'temporary';
 * console.log(report.strategies[0]?.attribution[part].mean, 'bps');
 * ```
 */
export type AttributionPart = 'timing' | 'permanent' | 'temporary' | 'transient' | 'spread' | 'opportunity' | 'penalty';
const ATTRIBUTION: AttributionPart[] = [
  'timing',
  'permanent',
  'temporary',
  'transient',
  'spread',
  'opportunity',
  'penalty',
];

/**
 * One strategy's figures in an evaluation, implementation shortfall in bps of the arrival notional.
 *
 * @example
 * ```ts
 * const best: StrategySummary = report.strategies.reduce((a, b) => (a.score < b.score ? a : b));
 * console.log(best.name, best.mean, best.ci95, best.var95, best.completion);
 * ```
 */
export interface StrategySummary extends Estimate {
  name: string;
  type: string;
  kind: 'static' | 'closed-loop';
  unit: 'bps';
  /** Exact E[IS] for a static schedule under a zero-drift price; null otherwise. */
  oracleMean: number | null;
  /** Mean of each part of the shortfall (bps) and its standard error (0 for deterministic parts). */
  attribution: Record<AttributionPart, { mean: number; stderr: number }>;
  /** 95% VaR and CVaR of IS (bps), from the fixed-bin histogram: exact to one bin width. */
  var95: number;
  cvar95: number;
  histogramBinWidthBps: number;
  /** The engine's IS histogram (bps): `counts` of equal bins from loBps, and the paths below and above its range. */
  distribution: { loBps: number; binWidthBps: number; counts: number[]; below: number; above: number };
  /** mean + riskAversion var 1e-4 (bps): E[IS/N] + lambda Var[IS/N] expressed in bps. */
  score: number;
  /** Cost per unit of risk, mean / std (lower is better). */
  sharpeLike: number;
  /**
   * Mean fraction of the order the strategy executed itself within the participation cap (before any cleanup), and
   * the largest participation rate of any path in any step (a cleanup block included).
   */
  completion: number;
  /** Below the completion threshold: ranked after every complete strategy. */
  incomplete: boolean;
  maxParticipation: number;
  /**
   * IS against the market VWAP of the horizon (unimpacted price weighted by the market's volume) instead of the
   * arrival price, bps: mean (the VWAP slippage, with its standard error) and standard deviation (the tracking error).
   */
  vwapSlippageBps: number;
  vwapSlippageStderr: number;
  trackingErrorBps: number;
  /**
   * Price advantage over the window's average unimpacted price (Fang et al. 2021), bps of the order (positive:
   * better than the average price), its standard error, the gain-loss ratio E[PA | PA > 0] / E[-PA | PA < 0]
   * (null without losses) and the share of paths with PA > 0.
   */
  priceAdvantageBps: number;
  priceAdvantageStderr: number;
  gainLossRatio: number | null;
  positiveRate: number;
}

/**
 * The difference of two strategies' shortfalls on common paths (paired), with what pairing saves in standard error.
 *
 * @example
 * ```ts
 * for (const d of report.pairedToBest) console.log(`${d.strategy} - ${d.versus}: ${d.mean} [${d.ci95}] p=${d.pValue}`);
 * ```
 */
export interface PairedDifference {
  strategy: string;
  versus: string;
  /** mean(IS_strategy - IS_versus), bps, on common paths. */
  mean: number;
  stderr: number;
  ci95: [number, number];
  /** From the paired t-statistic when the paired variance is positive; 1 for identical strategies. */
  pValue: number;
  /** The two strategies give the same IS on every path up to rounding (zero paired variance, mean below rounding). */
  identical: boolean;
  /** The standard error the same difference would have from independent samples: what pairing saves. */
  unpairedStderr: number;
}

export interface ExecutionSummary {
  strategies: StrategySummary[];
  /** The completion rule of the evaluation (see src/eval/completion.ts) and its threshold. */
  completionRule: CompletionRule;
  completionThreshold: number;
  /** Strategies ordered by score (best first), every complete strategy before every incomplete one. */
  ranking: string[];
  /** Strategies below the completion threshold, with their completion, in ranking order. */
  incomplete: Array<{ name: string; completion: number }>;
  /** Each strategy against the best by score. */
  pairedToBest: PairedDifference[];
}

/** VaR and CVaR at level alpha of the upper tail, from histogram counts (under/overflow in the last two slots). */
function tailRisk(
  counts: Float64Array,
  bins: number,
  lo: number,
  width: number,
  max: number,
  alpha: number,
): { var: number; cvar: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  const tail = (1 - alpha) * total;
  let above = counts[bins + 1]!;
  let sum = above * max; // overflow mass at the sample maximum: conservative
  for (let b = bins - 1; b >= 0; b--) {
    const c = counts[b]!;
    const binLo = lo + b * width;
    if (above + c >= tail && c > 0) {
      const need = tail - above;
      const varValue = binLo + width * (1 - need / c);
      sum += (need * (varValue + binLo + width)) / 2;
      return { var: varValue, cvar: sum / tail };
    }
    above += c;
    sum += c * (binLo + width / 2);
  }
  return { var: lo, cvar: tail > 0 ? sum / tail : lo };
}

export function pairedDifference(plan: ExecutionPlan, record: Float64Array, i: number, j: number): PairedDifference {
  const shape = recordShape(plan);
  const a = columnSummary(record, i),
    b = columnSummary(record, j);
  const n = a.count;
  const variance = Math.max(a.std * a.std + b.std * b.std - 2 * covariance(shape, record, i, j), 0);
  const stderr = Math.sqrt(variance / n);
  const mean = a.mean - b.mean;
  // differences below rounding: 1e-9 of the larger of the two strategies' means and spreads
  const rounding = 1e-9 * Math.max(Math.abs(a.mean), Math.abs(b.mean), a.std, b.std, 1e-12);
  const identical = stderr <= rounding && Math.abs(mean) <= rounding;
  return {
    strategy: plan.strategies[i]!.name,
    versus: plan.strategies[j]!.name,
    mean,
    stderr,
    ci95: [mean - Z95 * stderr, mean + Z95 * stderr],
    // a zero paired variance with a real difference is a certain difference (p = 0); identical ones have p = 1
    pValue: identical ? 1 : stderr > 0 ? twoSidedPValue(mean, stderr) : 0,
    identical,
    unpairedStderr: Math.sqrt((a.std * a.std + b.std * b.std) / n),
  };
}

function priceAdvantageFigures(meanOf: (part: string) => number, pa: { mean: number; stderr: number }) {
  const positive = meanOf('paPositive'),
    negative = meanOf('paNegative');
  const gain = positive > 0 ? meanOf('paGain') / positive : 0,
    loss = negative > 0 ? meanOf('paLoss') / negative : 0;
  return {
    priceAdvantageBps: pa.mean,
    priceAdvantageStderr: pa.stderr,
    gainLossRatio: loss > 0 ? gain / loss : null,
    positiveRate: positive,
  };
}

function vwapFigures(c: { mean: number; stderr: number; std: number }) {
  return { vwapSlippageBps: c.mean, vwapSlippageStderr: c.stderr, trackingErrorBps: c.std };
}

export function summarizeExecution(plan: ExecutionPlan, record: Float64Array): ExecutionSummary {
  const shape = recordShape(plan);
  const count = plan.strategies.length;
  const column = (part: string, j: number) => PARTS.indexOf(part as never) * count + j;
  const strategies = plan.strategies.map((s, j): StrategySummary => {
    const is = estimate(record, j);
    const lo = plan.histogram[2 * j]!,
      width = 1 / plan.histogram[2 * j + 1]!;
    const counts = histogram(shape, record, j);
    const risk = tailRisk(counts, plan.bins, lo, width, is.max, 0.95);
    const attribution = Object.fromEntries(
      ATTRIBUTION.map((part) => {
        const c = columnSummary(record, column(part, j));
        return [part, { mean: c.mean, stderr: c.stderr }];
      }),
    ) as StrategySummary['attribution'];
    return {
      name: s.name,
      type: s.type,
      kind: s.kind,
      unit: 'bps',
      ...is,
      oracleMean:
        s.kind === 'static' && plan.model.mu === 0 && plan.pathMarket === null ? expectedShortfallBps(plan, s) : null,
      attribution,
      var95: risk.var,
      cvar95: risk.cvar,
      histogramBinWidthBps: width,
      distribution: {
        loBps: lo,
        binWidthBps: width,
        counts: Array.from(counts.subarray(0, plan.bins)),
        below: counts[plan.bins]!,
        above: counts[plan.bins + 1]!,
      },
      score: is.mean + plan.riskAversion * is.std * is.std * 1e-4,
      sharpeLike: is.std > 0 ? is.mean / is.std : 0,
      completion: Math.min(1, columnSummary(record, column('completion', j)).mean),
      incomplete: false,
      maxParticipation: columnSummary(record, column('maxParticipation', j)).max,
      ...vwapFigures(columnSummary(record, column('vwapSlippage', j))),
      ...priceAdvantageFigures(
        (part) => columnSummary(record, column(part, j)).mean,
        columnSummary(record, column('pa', j)),
      ),
    };
  });
  const threshold = plan.completion.threshold;
  for (const s of strategies) s.incomplete = s.completion < threshold - 1e-12;
  const order = rankIndices(strategies, threshold);
  const best = order[0]!;
  return {
    strategies,
    completionRule: plan.completion.rule,
    completionThreshold: threshold,
    ranking: order.map((j) => strategies[j]!.name),
    incomplete: order
      .filter((j) => strategies[j]!.incomplete)
      .map((j) => ({ name: strategies[j]!.name, completion: strategies[j]!.completion })),
    pairedToBest: order.slice(1).map((j) => pairedDifference(plan, record, j, best)),
  };
}
