// The config of `flowexec evaluate` (and POST /v1/evaluations): market, order, strategies, evaluation options.
// Unknown keys are errors; every optional field has the default written here.
import { z } from 'zod';
import { priceModelSchema } from '../market/price-model.js';
import { volumeCurveSchema } from '../market/volume-curve.js';
import { volatilityCurveSchema, stochasticVolumeSchema } from '../market/path-market.js';
import { impactInputSchema } from '../market/impact.js';
import { strategySchema, expandPolicyShorthand } from '../strategies/spec.js';
import { checkSession } from '../market/session.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';
import { inlineMlpPolicy } from '../strategies/inline-mlp.js';
import { defaultStrategyName } from '../strategies/spec.js';
import { validateResolvedMarket } from './validate.js';
import { MINUTES_PER_DAY } from '../market/time.js';

export const DEFAULT_SEED = 20240601;
export const COMPLETION_RULES = ['cleanup', 'opportunity', 'penalty'] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];
export const DEFAULT_COMPLETION_THRESHOLD = 0.999;

export const marketSchema = z.strictObject({
  model: priceModelSchema,
  /** Shares the whole market trades in a day. */
  dailyVolume: z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(1e12, 'must be <= 1e12'),
  volumeCurve: volumeCurveSchema.default({ type: 'flat' }),
  /** The intraday profile of return variance (default flat); see src/market/path-market.ts. */
  volatilityCurve: volatilityCurveSchema.default({ type: 'flat' }),
  /** Noise around the volume curve (default none: the curve is what the market trades). */
  stochasticVolume: stochasticVolumeSchema.optional(),
  impact: impactInputSchema.default({
    type: 'daily-volatility',
    volatility: 'path',
    temporary: { eta: 0, beta: 1 },
    permanent: { gamma: 0 },
    spread: { halfSpreadBps: 0 },
  }),
});

export const orderSchema = z.strictObject({
  side: z.enum(['sell', 'buy'], { error: 'must be "sell" or "buy"' }).default('sell'),
  shares: z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(1e10, 'must be <= 1e10'),
  /** Exactly one of horizonMinutes (trading minutes) and horizonDays (trading days of 390 minutes). */
  horizonMinutes: z
    .number({ error: 'must be a number' })
    .gt(0, 'must be > 0')
    .max(390 * 260, 'must be at most a year')
    .optional(),
  horizonDays: z
    .number({ error: 'must be a number' })
    .gt(0, 'must be > 0')
    .max(260, 'must be at most a year')
    .optional(),
  /** Length of one trading step, minutes (default 1); or give `steps`. */
  stepMinutes: z.number().gt(0, 'must be > 0').optional(),
  steps: z.number().int('must be an integer').positive('must be > 0').max(100_000, 'must be <= 100000').optional(),
  /** Minutes after the open at which the order starts (the volume curve is read from there). */
  startMinute: z.number().min(0, 'must be >= 0').max(389, 'must be < 390').default(0),
  /** At most this fraction of each step's market volume. */
  participationCap: z.number().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]').default(1),
});

export const evaluationSchema = z.strictObject({
  paths: z
    .number()
    .int('must be an integer')
    .positive('must be > 0')
    .max(4_000_000_000, 'must be <= 4e9')
    .default(100_000),
  seed: z.number().int('must be an integer').min(0, 'must be >= 0').max(Number.MAX_SAFE_INTEGER).default(DEFAULT_SEED),
  /** Score = E[IS/N] + riskAversion Var[IS/N] (N the arrival notional), reported in bps. */
  riskAversion: z.number().min(0, 'must be >= 0').max(1e6).default(1),
  /** Almgren-Chriss efficient frontier over these risk aversions (same units as riskAversion). */
  frontier: z.array(z.number().min(0, 'must be >= 0')).max(32).optional(),
  /** The normals' precision: "f64" (default) or "f32" (faster, ~1e-7 relative, |z| <= 5.768; engine/model-params.ts). */
  precision: z.enum(['f64', 'f32'], { error: 'must be "f64" or "f32"' }).optional(),
  /**
   * What the shares a strategy leaves at the horizon cost: "cleanup" (default) executes them at the last step as a
   * block at the market's impact, cap lifted; "opportunity" marks them to the final price (Perold); "penalty" marks
   * them to the final price and adds penaltyBpsPerShare (bps of the arrival price) per unfilled share.
   */
  completion: z.enum(COMPLETION_RULES, { error: 'must be "cleanup", "opportunity" or "penalty"' }).default('cleanup'),
  penaltyBpsPerShare: z.number().min(0, 'must be >= 0').max(1e5, 'must be <= 1e5').optional(),
  /** Strategies completing less than this fraction (within the cap) rank below every complete one. */
  completionThreshold: z.number().gt(0, 'must be in (0, 1]').max(1, 'must be in (0, 1]').default(0.999),
});

export const evaluationConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('evaluation'),
  description: z.string().optional(),
  market: marketSchema,
  order: orderSchema,
  strategies: z
    .array(z.preprocess(expandPolicyShorthand, strategySchema))
    .min(1, 'must list at least one strategy')
    .max(32, 'at most 32 strategies'),
  evaluation: evaluationSchema.default({
    paths: 100_000,
    seed: DEFAULT_SEED,
    riskAversion: 1,
    completion: 'cleanup',
    completionThreshold: DEFAULT_COMPLETION_THRESHOLD,
  }),
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

export interface OrderGrid {
  steps: number;
  stepMinutes: number;
  horizonMinutes: number;
}

/** Steps and step length of the order, with the checks a schema cannot express. */
export function orderGrid(order: EvaluationConfig['order']): OrderGrid {
  if ((order.horizonMinutes === undefined) === (order.horizonDays === undefined)) {
    throw new InputError('order: give exactly one of horizonMinutes and horizonDays', 'order.horizonMinutes');
  }
  const horizonMinutes = order.horizonMinutes ?? order.horizonDays! * 390;
  const field = order.horizonMinutes !== undefined ? 'order.horizonMinutes' : 'order.horizonDays';
  if (order.steps !== undefined && order.stepMinutes !== undefined)
    throw new InputError('order: give steps or stepMinutes, not both', 'order.steps');
  const stepMinutes = order.stepMinutes ?? (order.steps ? horizonMinutes / order.steps : 1);
  if (horizonMinutes < stepMinutes)
    throw new InputError(
      `${field}: the horizon (${horizonMinutes} min) is shorter than one step (${stepMinutes} min)`,
      field,
    );
  const steps = order.steps ?? Math.round(horizonMinutes / stepMinutes);
  if (order.steps === undefined && Math.abs(steps * stepMinutes - horizonMinutes) > 1e-9 * horizonMinutes) {
    const name = order.stepMinutes !== undefined ? 'order.stepMinutes' : field;
    throw new InputError(
      `${name}: steps of ${stepMinutes} min do not divide the horizon (${horizonMinutes} min); give a stepMinutes that divides it, or "steps"`,
      name,
    );
  }
  if (order.startMinute > 0 && order.startMinute + horizonMinutes > MINUTES_PER_DAY + 1e-9) {
    throw new InputError(
      `order.startMinute: the order runs past the close (startMinute ${order.startMinute} + horizon ${horizonMinutes} min > ${MINUTES_PER_DAY}); start earlier, shorten the horizon, or start a multi-day order at the open (startMinute 0)`,
      'order.startMinute',
    );
  }
  if (steps > 100_000)
    throw new InputError(`${field}: ${steps} steps is more than 100000 (use a longer stepMinutes)`, field);
  return { steps, stepMinutes: horizonMinutes / steps, horizonMinutes };
}

/** A schedule strategy: exactly one of fractions and quantitiesShares, one value per step, something to trade. */
function checkSchedule(
  s: { fractions?: number[]; quantitiesShares?: number[] },
  i: number,
  steps: number,
  shares: number,
): void {
  if ((s.fractions === undefined) === (s.quantitiesShares === undefined))
    throw new InputError(
      `strategies.${i}: give fractions or quantitiesShares (exactly one)`,
      `strategies.${i}.fractions`,
    );
  const [key, values] = s.fractions ? ['fractions', s.fractions] : ['quantitiesShares', s.quantitiesShares!];
  if (values.length !== steps)
    throw new InputError(
      `strategies.${i}.${key}: must have one value per step (${steps}), got ${values.length}`,
      `strategies.${i}.${key}`,
    );
  if (!values.some((f) => f > 0))
    throw new InputError(`strategies.${i}.${key}: must not be all zero`, `strategies.${i}.${key}`);
  const total = values.reduce((a, b) => a + b, 0);
  if (key === 'quantitiesShares' && total > shares * (1 + 1e-12)) {
    throw new InputError(
      `strategies.${i}.quantitiesShares: sum to ${total}, more than the order's ${shares} shares`,
      `strategies.${i}.quantitiesShares`,
    );
  }
}

/** Validates an evaluation config (or a config of a schema extending it, e.g. training's): schema, then cross-field checks. */
export function parseEvaluationConfig<T extends EvaluationConfig = EvaluationConfig>(
  input: unknown,
  schema: z.ZodType<T> = evaluationConfigSchema as unknown as z.ZodType<T>,
): T {
  const config = parseWith(schema, input);
  const grid = orderGrid(config.order);
  const { steps } = grid;
  const { model } = config.market;
  if (model.type === 'heston' && model.scheme === 'qe' && model.xi === 0)
    throw new InputError('market.model.xi: must be > 0 for the QE scheme', 'market.model.xi');
  if (model.type === 'heston' && model.scheme === 'qe' && config.market.volatilityCurve.type !== 'flat')
    throw new InputError(
      'market.volatilityCurve: the QE scheme has no intraday seasonality; use market.model.scheme "euler" or a flat curve',
      'market.volatilityCurve',
    );
  checkSession(config.order);
  if (config.market.volumeCurve.type === 'array' && config.market.volumeCurve.fractions.length !== steps) {
    throw new InputError(
      `market.volumeCurve.fractions: must have one value per step (${steps}), got ${config.market.volumeCurve.fractions.length}`,
    );
  }
  const e = config.evaluation;
  if (e.completion === 'penalty' && e.penaltyBpsPerShare === undefined) {
    throw new InputError(
      'evaluation.penaltyBpsPerShare: required with completion "penalty" (bps of the arrival price per unfilled share)',
      'evaluation.penaltyBpsPerShare',
    );
  }
  if (e.completion !== 'penalty' && e.penaltyBpsPerShare !== undefined) {
    throw new InputError(
      `evaluation.penaltyBpsPerShare: only used with completion "penalty" (completion is "${e.completion}")`,
      'evaluation.penaltyBpsPerShare',
    );
  }
  config.strategies.forEach((s, i) => {
    // the AC strategies' default risk aversion, written out so the resolved config shows it
    if (
      (s.type === 'almgren-chriss' || s.type === 'adaptive-almgren-chriss') &&
      s.riskAversion === undefined &&
      s.riskAversionPerCurrency === undefined
    )
      s.riskAversion = 1;
    if (s.type === 'schedule') checkSchedule(s, i, steps, config.order.shares);
    if (s.type === 'mlp') inlineMlpPolicy(s.name ?? 'mlp', s.network, `strategies.${i}`); // shapes checked here, not at run time
    if (
      (s.type === 'almgren-chriss' || s.type === 'adaptive-almgren-chriss' || s.type === 'optimal-static') &&
      s.riskAversion !== undefined &&
      s.riskAversionPerCurrency !== undefined
    ) {
      throw new InputError(`strategies.${i}: give riskAversion or riskAversionPerCurrency, not both`);
    }
  });
  const names = new Map<string, number>();
  config.strategies.forEach((s, i) => {
    const name = defaultStrategyName(s);
    if (names.has(name))
      throw new InputError(
        `strategies.${i}: duplicate strategy name "${name}" (same as strategies.${names.get(name)}; set "name")`,
        `strategies.${i}`,
      );
    names.set(name, i);
  });
  validateResolvedMarket(config, grid);
  return config;
}
