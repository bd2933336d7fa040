// From a validated evaluation config to an ExecutionPlan: market resolved per step, every strategy planned.
import { modelId, modelParamBlock, initialVolatility, isLogModel, type PriceModel } from '../engine/model-params.js';
import { AC, POLICY_ADAPTIVE_AC, POLICY_POV } from '../engine/env-layout.js';
import { stepSeason } from '../market/path-market.js';
import { toPriceModel } from '../market/price-model.js';
import { stepVolumes } from '../market/volume-curve.js';
import { resolveImpact, type ResolvedImpact } from '../market/impact.js';
import { staticCosts } from '../market/static-costs.js';
import { minutesToYears, MINUTES_PER_DAY } from '../market/time.js';
import { applyParticipationCap } from '../strategies/participation.js';
import { twapSchedule, vwapSchedule, povSchedule } from '../strategies/classic.js';
import { almgrenChrissSchedule, almgrenChrissMoments } from '../strategies/almgren-chriss.js';
import { linearisedParameters, lambdaPerCurrency } from '../strategies/linearise.js';
import { quadraticModel } from '../strategies/linearise-general.js';
import { quadraticSchedule } from '../strategies/ac-general.js';
import { optimalStaticSchedule } from '../strategies/optimal-static.js';
import { defaultStrategyName, type StrategySpec } from '../strategies/spec.js';
import { InputError } from '../errors/input-error.js';
import { policyRef, type PolicyFile } from '../strategies/policy-file.js';
import { inlineMlpPolicy } from '../strategies/inline-mlp.js';
import { orderGrid, type EvaluationConfig } from './config.js';
import { completionPolicy, completeSchedule } from './completion.js';
import {
  IS_BINS,
  type CompletionPolicy,
  expectedShortfallBps,
  type ExecutionPlan,
  type StrategyPlan,
  type StaticStrategyPlan,
  type PathMarket,
} from './plan.js';

export interface PlanOverrides {
  paths?: number;
  seed?: number;
  /** Validated policy files by the `file` of their strategy (the runtime loads them; this layer reads no files). */
  policies?: ReadonlyMap<string, PolicyFile>;
}

interface Context {
  config: EvaluationConfig;
  model: PriceModel;
  policies?: ReadonlyMap<string, PolicyFile>;
  shares: number;
  steps: number;
  stepDays: number;
  s0: number;
  sigma0: number;
  side: 1 | -1;
  stepVolume: Float64Array;
  impact: ResolvedImpact;
  completion: CompletionPolicy;
  pathMarket: PathMarket | null;
}

function targetSchedule(spec: StrategySpec, ctx: Context, index: number): Float64Array {
  const { shares, steps, stepVolume } = ctx;
  switch (spec.type) {
    case 'twap':
      return twapSchedule(shares, steps);
    case 'vwap':
      return vwapSchedule(shares, stepVolume);
    case 'pov':
      return povSchedule(shares, stepVolume, spec.rate, spec.catchUpSteps ?? Math.max(1, Math.round(steps / 10)));
    case 'schedule': {
      if (spec.quantitiesShares) return Float64Array.from(spec.quantitiesShares);
      const fractions = spec.fractions!;
      const total = fractions.reduce((a, b) => a + b, 0);
      return Float64Array.from(fractions, (f) => (shares * f) / total);
    }
    case 'almgren-chriss': {
      const lambda = lambdaPerCurrency(spec, shares * ctx.s0);
      const model = quadraticModel({
        impact: ctx.impact,
        s0: ctx.s0,
        sigma0PerSqrtYear: ctx.sigma0,
        shares,
        stepVolume,
        tauDays: ctx.stepDays,
        lambdaPerCurrency: lambda,
        clock: spec.clock ?? 'volume',
        linearisation: spec.linearisation ?? 'curvature',
      });
      const uniform = model.a.every((a) => a === model.a[0]);
      try {
        // a uniform model is the paper's: its closed form (bit-identical to the calendar clock's schedule)
        if (uniform)
          return almgrenChrissSchedule(
            linearisedParameters(
              ctx.impact,
              ctx.s0,
              ctx.sigma0,
              shares,
              steps,
              ctx.stepDays,
              spec.linearisation ?? 'curvature',
            ),
            lambda,
          );
        if (!model.a.every((a) => a > 0))
          throw new RangeError(
            'Almgren-Chriss needs eta > gamma tau / 2 at every step (temporary impact too small for the permanent)',
          );
        return quadraticSchedule(shares, model.a, model.b);
      } catch (error) {
        throw new InputError(`strategies.${index}: ${(error as Error).message}`);
      }
    }
    case 'optimal-static': {
      const lambda =
        spec.riskAversion === undefined && spec.riskAversionPerCurrency === undefined
          ? ctx.config.evaluation.riskAversion / (shares * ctx.s0)
          : lambdaPerCurrency(spec, shares * ctx.s0);
      return optimalStaticSchedule({
        impact: ctx.impact,
        stepVolume,
        s0: ctx.s0,
        side: ctx.side,
        shares,
        stepDays: ctx.stepDays,
        sigma0PerSqrtYear: ctx.sigma0,
        participationCap: ctx.config.order.participationCap,
        lambdaPerCurrency: lambda,
      }).qty;
    }
    default:
      throw new Error(`not a static strategy: ${spec.type}`);
  }
}

function planStrategy(spec: StrategySpec, ctx: Context, index: number): StrategyPlan {
  const name = defaultStrategyName(spec);
  if (spec.type === 'adaptive-almgren-chriss') {
    const ac = linearisedParameters(
      ctx.impact,
      ctx.s0,
      ctx.sigma0,
      ctx.shares,
      ctx.steps,
      ctx.stepDays,
      spec.linearisation ?? 'curvature',
    );
    const etaTilde = ac.eta - (ac.gamma * ac.tauDays) / 2;
    if (!(etaTilde > 0))
      throw new InputError(
        `strategies.${index}: Almgren-Chriss needs eta > gamma tau / 2 (temporary impact too small for the permanent)`,
      );
    const params = new Float64Array(AC.LENGTH);
    params[AC.LAMBDA] = lambdaPerCurrency(spec, ctx.shares * ctx.s0);
    params[AC.ETA_TILDE] = etaTilde;
    params[AC.TAU_DAYS] = ctx.stepDays;
    params[AC.USE_STATE_VARIANCE] = ctx.model.kind === 'heston' ? 1 : 0;
    params[AC.VARIANCE_YEAR] = ctx.model.kind === 'heston' ? 0 : ctx.model.sigma * ctx.model.sigma;
    return { kind: 'closed-loop', name, type: spec.type, policy: { kind: POLICY_ADAPTIVE_AC, params } };
  }
  if (spec.type === 'mlp') {
    return {
      kind: 'closed-loop',
      name,
      type: spec.type,
      policy: inlineMlpPolicy(name, spec.network, `strategies.${index}`),
    };
  }
  if (spec.type === 'pov' && ctx.pathMarket?.volume) {
    // on noisy volume POV participates in what the market actually trades (no catch-up: the completion rule settles)
    return {
      kind: 'closed-loop',
      name,
      type: spec.type,
      policy: { kind: POLICY_POV, params: Float64Array.of(spec.rate) },
    };
  }
  if (spec.type === 'policy') {
    const policy = ctx.policies?.get(spec.file);
    if (!policy) throw new InputError(`strategies.${index}.file: policy "${spec.file}" was not loaded`);
    return { kind: 'closed-loop', name, type: spec.type, policy: policyRef(policy) };
  }
  const target = targetSchedule(spec, ctx, index);
  const capped = applyParticipationCap(target, ctx.stepVolume, ctx.config.order.participationCap);
  // a schedule of quantities may plan fewer shares than the order: the rest is left over like what a cap leaves
  const unplanned = ctx.shares - target.reduce((a, b) => a + b, 0);
  const left = capped.unfilledShares + (unplanned > 1e-9 * ctx.shares ? unplanned : 0);
  const done = completeSchedule({ ...capped, unfilledShares: left }, ctx.completion.rule);
  return {
    kind: 'static',
    name,
    type: spec.type,
    unfilledShares: done.unfilledShares,
    cleanupShares: done.cleanupShares,
    costs: staticCosts(ctx.impact, done.qty, ctx.stepVolume, ctx.s0, ctx.side),
  };
}

export function buildExecutionPlan(config: EvaluationConfig, overrides: PlanOverrides = {}): ExecutionPlan {
  const grid = orderGrid(config.order);
  const model = toPriceModel(config.market.model);
  const s0 = model.s0;
  const sigma0 = initialVolatility(model);
  const stepDays = grid.stepMinutes / MINUTES_PER_DAY;
  const stepVolume = stepVolumes(
    config.market.volumeCurve,
    config.market.dailyVolume,
    grid.steps,
    grid.stepMinutes,
    config.order.startMinute,
  );
  const impact = resolveImpact(config.market.impact, {
    s0,
    sigma0,
    dailyVolume: config.market.dailyVolume,
    stepVolume,
    stepDays,
    logModel: isLogModel(model),
  });
  const side = config.order.side === 'sell' ? 1 : -1;
  const completion = completionPolicy(config.evaluation, s0);
  const pathMarket = pathMarketOf(config, model, impact, grid.steps, grid.stepMinutes);
  const ctx: Context = {
    config,
    model,
    policies: overrides.policies,
    shares: config.order.shares,
    steps: grid.steps,
    stepDays,
    s0,
    sigma0,
    side,
    stepVolume,
    impact,
    completion,
    pathMarket,
  };
  const names = new Set<string>();
  const strategies = config.strategies.map((spec, i) => {
    const plan = planStrategy(spec, ctx, i);
    if (names.has(plan.name))
      throw new InputError(`strategies.${i}: duplicate strategy name "${plan.name}" (set "name")`);
    names.add(plan.name);
    return plan;
  });
  const dtYears = minutesToYears(grid.stepMinutes);
  const plan: ExecutionPlan = {
    kind: 'execution',
    label: config.name,
    model,
    modelId: modelId(model),
    params: modelParamBlock(model, dtYears, config.evaluation.precision),
    seed: overrides.seed ?? config.evaluation.seed,
    paths: overrides.paths ?? config.evaluation.paths,
    steps: grid.steps,
    horizonYears: minutesToYears(grid.horizonMinutes),
    side,
    orderShares: config.order.shares,
    s0,
    stepDays,
    stepVolume,
    impact,
    participationCap: config.order.participationCap,
    strategies,
    histogram: new Float64Array(2 * strategies.length),
    bins: IS_BINS,
    riskAversion: config.evaluation.riskAversion,
    completion,
    pathMarket,
  };
  setHistogramRanges(plan, ctx);
  return plan;
}

/** The market's path-dependent features (see PathMarket), or null when the static kernel prices schedules exactly. */
function pathMarketOf(
  config: EvaluationConfig,
  model: PriceModel,
  impact: ResolvedImpact,
  steps: number,
  stepMinutes: number,
): PathMarket | null {
  const season = stepSeason(config.market.volatilityCurve, steps, stepMinutes, config.order.startMinute);
  const volume = config.market.stochasticVolume ?? null;
  const heston = model.kind === 'heston';
  // under a Brownian model without seasonality the volatility a trade meets is the arrival one: nothing to scale
  const impactVolScale = !impact.pathVolatility
    ? 0
    : heston
      ? model.v0 > 0
        ? 1 / Math.sqrt(model.v0)
        : 0
      : season
        ? 1
        : 0;
  const features = [
    ...(impactVolScale !== 0 ? ["impact at the path's volatility"] : []),
    ...(season ? ['intraday volatility seasonality'] : []),
    ...(volume ? ['stochastic volume'] : []),
  ];
  return features.length > 0 ? { impactVolScale, season, volume, features } : null;
}

/**
 * Histogram of each strategy's IS (bps): centred on its expectation (static) or TWAP's (closed loop), +-10 standard
 * deviations of the Almgren-Chriss variance of TWAP. Deterministic: shards and threads all use the same bins.
 */
function setHistogramRanges(plan: ExecutionPlan, ctx: Context): void {
  const ac = linearisedParameters(ctx.impact, ctx.s0, ctx.sigma0, ctx.shares, ctx.steps, ctx.stepDays);
  const twap = twapSchedule(ctx.shares, ctx.steps);
  const toBps = 1e4 / (plan.orderShares * plan.s0);
  const stdBps = Math.sqrt(almgrenChrissMoments(ac, twap).variance) * toBps;
  const halfWidth = 10 * Math.max(stdBps, 1e-3);
  const reference = plan.strategies.find((s): s is StaticStrategyPlan => s.kind === 'static');
  plan.strategies.forEach((s, j) => {
    const centre =
      s.kind === 'static' ? expectedShortfallBps(plan, s) : reference ? expectedShortfallBps(plan, reference) : 0;
    plan.histogram[2 * j] = centre - halfWidth;
    plan.histogram[2 * j + 1] = plan.bins / (2 * halfWidth);
  });
}
