// Historical replay: static and closed-loop strategies executed against real days (real prices and volumes, the participation cap on
// the real volume, the configured temporary/permanent impact and the quoted spread on top), IS attributed per day.
import { resolveImpact } from '../market/impact.js';
import { isLogModel } from '../engine/model-params.js';
import { applyParticipationCap } from '../strategies/participation.js';
import { povSchedule, twapSchedule, vwapSchedule } from '../strategies/classic.js';
import { InputError } from '../errors/input-error.js';
import type { EvaluationConfig } from './config.js';
import type { ExecutionPlan, StaticStrategyPlan } from './plan.js';
import { closedLoopQuantities, replayableClosedLoop } from './replay-closed-loop.js';

/** One real day cut into the order's steps (see data/day-steps.ts; plain arrays so this layer reads no data files). */
export interface ReplayDayInput {
  date: string;
  arrivalPrice: number;
  price: Float64Array;
  volume: Float64Array;
  halfSpreadBps: Float64Array;
  closePrice: number;
}

/** Implementation shortfall of one strategy on one day, bps of the arrival notional; the parts sum to isBps exactly. */
export interface ReplayOutcome {
  isBps: number;
  timing: number;
  permanent: number;
  temporary: number;
  spread: number;
  opportunity: number;
  filledFraction: number;
  maxParticipation: number;
}

export interface PairedDifference {
  strategy: string;
  versus: string;
  meanBps: number;
  ci95: [number, number];
  days: number;
}

export interface ReplayResult {
  strategies: string[];
  days: Array<{ date: string; arrivalPrice: number; outcomes: Record<string, ReplayOutcome> }>;
  /** Mean over days per strategy, with the standard error of the mean IS. */
  total: Record<string, ReplayOutcome & { stderrBps: number }>;
  best: string;
  paired: PairedDifference[];
  notes: string[];
}

/** Two-sided 97.5% Student-t quantiles for 1..30 degrees of freedom; the normal's 1.96 beyond. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t975 = (df: number) => (df >= 1 && df <= 30 ? T975[df - 1]! : 1.96);

/** Shares per step and what is left at the close: a static strategy's target through the real volume's cap. */
function staticQuantities(
  plan: ExecutionPlan,
  config: EvaluationConfig,
  index: number,
  day: ReplayDayInput,
): { qty: Float64Array; unfilledShares: number } {
  const s = plan.strategies[index] as StaticStrategyPlan,
    spec = config.strategies[index]!;
  const steps = plan.steps,
    shares = plan.orderShares;
  // the strategy's own target before any cap (VWAP follows the configured volume curve, not the day's volume; POV
  // trades its rate of the day's real volume); Almgren-Chriss: the planned schedule, its planned shortfall put last
  let target: Float64Array;
  if (spec.type === 'pov')
    target = povSchedule(shares, day.volume, spec.rate, spec.catchUpSteps ?? Math.max(1, Math.round(steps / 10)));
  else if (spec.type === 'twap') target = twapSchedule(shares, steps);
  else if (spec.type === 'vwap') target = vwapSchedule(shares, plan.stepVolume);
  else if (spec.type === 'schedule' && spec.fractions) {
    const t = spec.fractions.reduce((a, b) => a + b, 0);
    target = Float64Array.from(spec.fractions, (f) => (shares * f) / t);
  } else if (spec.type === 'schedule') target = Float64Array.from(spec.quantitiesShares!);
  else {
    target = s.costs.qty.slice();
    target[steps - 1] = target[steps - 1]! + s.unfilledShares;
  }
  return applyParticipationCap(target, day.volume, plan.participationCap);
}

function replayOne(plan: ExecutionPlan, config: EvaluationConfig, index: number, day: ReplayDayInput): ReplayOutcome {
  const steps = plan.steps,
    side = plan.side,
    shares = plan.orderShares;
  const s0 = day.arrivalPrice;
  const strategy = plan.strategies[index]!;
  let qty: Float64Array, unfilledShares: number;
  if (strategy.kind === 'closed-loop') {
    qty = closedLoopQuantities(plan, strategy, day);
    unfilledShares = Math.max(0, shares - qty.reduce((a, b) => a + b, 0));
  } else ({ qty, unfilledShares } = staticQuantities(plan, config, index, day));
  const sigma0 =
    plan.model.kind === 'heston'
      ? Math.sqrt(plan.model.v0)
      : plan.model.kind === 'gbm'
        ? plan.model.sigma
        : plan.model.sigma / plan.model.s0;
  const impact = resolveImpact(config.market.impact, {
    s0,
    sigma0,
    dailyVolume: config.market.dailyVolume,
    stepVolume: day.volume.map((v) => Math.max(v, 1)),
    stepDays: plan.stepDays,
    logModel: isLogModel(plan.model),
  });
  let cum = 0,
    timing = 0,
    permanent = 0,
    temporary = 0,
    spread = 0,
    maxPart = 0;
  for (let k = 0; k < steps; k++) {
    const n = qty[k]!;
    if (n <= 0) continue;
    const market = day.price[k]!;
    const shifted =
      impact.permanentLog > 0
        ? market * Math.exp(-side * impact.permanentLog * cum)
        : market - side * impact.permanentAdd * cum;
    const temp = impact.temporaryScale[k]! * Math.pow(n, impact.temporaryBeta);
    const half = Number.isFinite(day.halfSpreadBps[k]!) ? day.halfSpreadBps[k]! * 1e-4 * market : impact.spread[k]!;
    timing += side * n * (s0 - market);
    permanent += side * n * (market - shifted);
    temporary += n * temp;
    spread += n * half;
    cum += n;
    if (day.volume[k]! > 0) maxPart = Math.max(maxPart, n / day.volume[k]!);
  }
  const opportunity = side * unfilledShares * (s0 - day.closePrice);
  const toBps = 1e4 / (shares * s0);
  const parts = {
    timing: timing * toBps,
    permanent: permanent * toBps,
    temporary: temporary * toBps,
    spread: spread * toBps,
    opportunity: opportunity * toBps,
  };
  return {
    isBps: parts.timing + parts.permanent + parts.temporary + parts.spread + parts.opportunity,
    ...parts,
    filledFraction: cum / shares,
    maxParticipation: maxPart,
  };
}

export function runReplay(plan: ExecutionPlan, config: EvaluationConfig, days: ReplayDayInput[]): ReplayResult {
  plan.strategies.forEach((s, i) => {
    if (s.kind !== 'static' && !replayableClosedLoop(s))
      throw new InputError(
        `strategies.${i}: replay runs static strategies (twap, vwap, pov, almgren-chriss, schedule), adaptive-almgren-chriss and MLP policies, not ${s.type}`,
      );
  });
  if (days.length === 0) throw new InputError("replay: no day of the data has bars in the order's window");
  const statics = plan.strategies;
  const names = statics.map((s) => s.name);
  const perDay = days.map((d) => ({
    date: d.date,
    arrivalPrice: d.arrivalPrice,
    outcomes: Object.fromEntries(statics.map((s, i) => [s.name, replayOne(plan, config, i, d)])) as Record<
      string,
      ReplayOutcome
    >,
  }));
  const keys = [
    'isBps',
    'timing',
    'permanent',
    'temporary',
    'spread',
    'opportunity',
    'filledFraction',
    'maxParticipation',
  ] as const;
  const total: ReplayResult['total'] = {};
  for (const name of names) {
    const mean = Object.fromEntries(
      keys.map((k) => [k, perDay.reduce((a, d) => a + d.outcomes[name]![k], 0) / perDay.length]),
    ) as unknown as ReplayOutcome;
    const xs = perDay.map((d) => d.outcomes[name]!.isBps);
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean.isBps) ** 2, 0) / (xs.length - 1)) : NaN;
    total[name] = { ...mean, stderrBps: sd / Math.sqrt(xs.length) };
  }
  const best = names.reduce((b, n) => (total[n]!.isBps < total[b]!.isBps ? n : b), names[0]!);
  const paired = names
    .filter((n) => n !== best)
    .map((name) => {
      const diff = perDay.map((d) => d.outcomes[name]!.isBps - d.outcomes[best]!.isBps);
      const m = diff.reduce((a, b) => a + b, 0) / diff.length;
      const sd = diff.length > 1 ? Math.sqrt(diff.reduce((a, x) => a + (x - m) ** 2, 0) / (diff.length - 1)) : NaN;
      const half = (t975(diff.length - 1) * sd) / Math.sqrt(diff.length);
      return {
        strategy: name,
        versus: best,
        meanBps: m,
        ci95: [m - half, m + half] as [number, number],
        days: diff.length,
      };
    });
  const notes =
    config.market.impact.type !== 'almgren-chriss' && config.market.impact.transient
      ? ['transient impact is not replayed (temporary, permanent and spread are)']
      : [];
  return { strategies: names, days: perDay, total, best, paired, notes };
}
