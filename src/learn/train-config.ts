// The config of `flowexec train ppo`: an evaluation config plus PPO's settings (and optionally the objective).
import { z } from 'zod';
import { evaluationConfigSchema, parseEvaluationConfig, type EvaluationConfig } from '../eval/config.js';
import { toPriceModel } from '../market/price-model.js';
import { InputError } from '../errors/input-error.js';

export const objectiveSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('cost') }),
    z.strictObject({
      type: z.literal('mean-variance'),
      /** On IS as a fraction of the notional (as evaluate's riskAversion); or per currency as in Almgren-Chriss. */
      riskAversion: z.number().min(0, 'must be >= 0').optional(),
      riskAversionPerCurrency: z.number().min(0, 'must be >= 0').optional(),
    }),
    z.strictObject({ type: z.literal('opd'), alpha: z.number().min(0, 'must be >= 0').default(1) }),
  ],
  { error: 'objective.type must be "cost", "mean-variance" or "opd"' },
);

export const ppoSchema = z.strictObject({
  iterations: z.number().int().min(1).max(100_000).default(200),
  /** Parallel environments (a multiple of 16); each iteration runs one episode in every one of them. */
  envs: z
    .number()
    .int()
    .min(16)
    .max(65_536)
    .refine((n) => n % 16 === 0, 'must be a multiple of 16')
    .default(2048),
  epochs: z.number().int().min(1).max(100).default(4),
  minibatch: z.number().int().min(16).max(1_000_000).default(4096),
  /**
   * Each minibatch's gradient is the sum, in order, of the gradients of this many contiguous slices: threads share
   * the slices, so the trained policy is the same bits on any thread count (src/learn/ppo-gradients.ts).
   */
  gradientSlices: z.number().int().min(1).max(64).default(2),
  learningRate: z.number().gt(0).max(1).default(3e-4),
  schedule: z.enum(['linear', 'constant']).default('linear'),
  gamma: z.number().min(0).max(1).default(1),
  lambda: z.number().min(0).max(1).default(0.95),
  clip: z.number().gt(0).max(1).default(0.2),
  entropyCoef: z.number().min(0).default(0),
  valueCoef: z.number().min(0).default(0.5),
  maxGradNorm: z.number().gt(0).default(0.5),
  hidden: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]).default([16, 16]),
  initLogStd: z.number().min(-5).max(2).default(-0.7),
  /** The policy may trade up to actionScale times TWAP's rate (mu = 0 is TWAP). */
  actionScale: z.number().gt(1).max(100).default(10),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
});

/**
 * An evaluation config plus a `ppo` section: the same market, order, completion rule and risk aversion train the
 * policy and judge it. `strategies` (default TWAP) are the baselines of the held-out comparison; `objective` defaults
 * to mean-variance with evaluation.riskAversion (the score evaluate ranks by).
 */
export const trainConfigSchema = evaluationConfigSchema.extend({
  name: z.string().min(1).max(100).default('policy'),
  strategies: evaluationConfigSchema.shape.strategies.default([{ type: 'twap' }]),
  objective: objectiveSchema.optional(),
  ppo: ppoSchema.default(ppoSchema.parse({})),
});

export type TrainConfig = z.infer<typeof trainConfigSchema>;
export type PpoSettings = z.infer<typeof ppoSchema>;
export type ObjectiveConfig = z.infer<typeof objectiveSchema>;

/** Keys of the old training format that now live elsewhere, with where. */
const MOVED_PPO_KEYS: Record<string, string> = {
  forceLiquidation: 'evaluation.completion ("cleanup" executes what is left at the last step, as evaluate does)',
  penaltyBps: 'evaluation.completion "penalty" with evaluation.penaltyBpsPerShare',
};

export function parseTrainConfig(input: unknown): TrainConfig {
  const raw = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const rawPpo = raw.ppo && typeof raw.ppo === 'object' ? (raw.ppo as Record<string, unknown>) : {};
  for (const [key, where] of Object.entries(MOVED_PPO_KEYS)) {
    if (key in rawPpo)
      throw new InputError(
        `ppo.${key}: no longer a training setting; training uses the evaluation's completion rule: set ${where}`,
        `ppo.${key}`,
      );
  }
  const config = parseEvaluationConfig(input, trainConfigSchema);
  const o = config.objective;
  if (o?.type === 'mean-variance') {
    if (o.riskAversion !== undefined && o.riskAversionPerCurrency !== undefined) {
      throw new InputError('objective: give riskAversion or riskAversionPerCurrency, not both', 'objective');
    }
    // one lambda for training and evaluation: the objective's when given, else evaluation.riskAversion
    const notional = config.order.shares * toPriceModel(config.market.model).s0;
    const lambda =
      o.riskAversion ?? (o.riskAversionPerCurrency !== undefined ? o.riskAversionPerCurrency * notional : undefined);
    const rawEvaluation =
      raw.evaluation && typeof raw.evaluation === 'object' ? (raw.evaluation as Record<string, unknown>) : {};
    if (
      lambda !== undefined &&
      rawEvaluation.riskAversion !== undefined &&
      Math.abs(lambda - config.evaluation.riskAversion) > 1e-9 * Math.max(1, lambda)
    ) {
      throw new InputError(
        `objective: risk aversion ${lambda} differs from evaluation.riskAversion ${config.evaluation.riskAversion}; training and evaluation optimise the same objective (give one)`,
        'objective',
      );
    }
    if (lambda !== undefined) config.evaluation.riskAversion = lambda;
  }
  if (config.ppo.seed === config.evaluation.seed) {
    throw new InputError('ppo.seed: must differ from evaluation.seed (train and test on different paths)', 'ppo.seed');
  }
  return config;
}

/** The objective training optimises: the config's, or mean-variance with evaluation.riskAversion. */
export function trainingObjective(c: TrainConfig): ObjectiveConfig {
  return c.objective ?? { type: 'mean-variance', riskAversion: c.evaluation.riskAversion };
}

/** The evaluation config of the same market, order and evaluation settings (strategies: the config's, or these). */
export function evaluationConfigOf(
  c: TrainConfig,
  strategies: EvaluationConfig['strategies'] = c.strategies,
): EvaluationConfig {
  return { name: c.name, market: c.market, order: c.order, strategies, evaluation: { ...c.evaluation } };
}
