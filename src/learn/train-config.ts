// The config of `flowexec train ppo`: the market and order of an evaluation, the objective, PPO's settings.
import { z } from 'zod';
import { marketSchema, orderSchema, DEFAULT_SEED, type EvaluationConfig } from '../eval/config.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';

export const objectiveSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cost') }),
  z.strictObject({
    type: z.literal('mean-variance'),
    /** On IS as a fraction of the notional (as evaluate's riskAversion); or per currency as in Almgren-Chriss. */
    riskAversion: z.number().min(0, 'must be >= 0').optional(),
    riskAversionPerCurrency: z.number().min(0, 'must be >= 0').optional(),
  }),
  z.strictObject({ type: z.literal('opd'), alpha: z.number().min(0, 'must be >= 0').default(1) }),
], { error: 'objective.type must be "cost", "mean-variance" or "opd"' });

export const ppoSchema = z.strictObject({
  iterations: z.number().int().min(1).max(100_000).default(200),
  /** Parallel environments (a multiple of 16); each iteration runs one episode in every one of them. */
  envs: z.number().int().min(16).max(65_536).refine((n) => n % 16 === 0, 'must be a multiple of 16').default(2048),
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
  /** The last step sells what is left (cap lifted) and pays penaltyBps per share above the cap. */
  forceLiquidation: z.boolean().default(true),
  penaltyBps: z.number().min(0).default(50),
});

export const trainConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('policy'),
  description: z.string().optional(),
  market: marketSchema,
  order: orderSchema,
  objective: objectiveSchema,
  ppo: ppoSchema.default(ppoSchema.parse({})),
  /** Monte Carlo of the trained policy after training (and of `flowexec evaluate`). */
  evaluation: z.strictObject({
    paths: z.number().int().positive().max(4_000_000_000).default(100_000),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_SEED),
  }).default({ paths: 100_000, seed: DEFAULT_SEED }),
});

export type TrainConfig = z.infer<typeof trainConfigSchema>;
export type PpoSettings = z.infer<typeof ppoSchema>;
export type ObjectiveConfig = z.infer<typeof objectiveSchema>;

export function parseTrainConfig(input: unknown): TrainConfig {
  const config = parseWith(trainConfigSchema, input);
  const o = config.objective;
  if (o.type === 'mean-variance' && o.riskAversion !== undefined && o.riskAversionPerCurrency !== undefined) {
    throw new InputError('objective: give riskAversion or riskAversionPerCurrency, not both', 'objective');
  }
  if (config.ppo.seed === config.evaluation.seed) {
    throw new InputError('ppo.seed: must differ from evaluation.seed (train and test on different paths)', 'ppo.seed');
  }
  return config;
}

/** The evaluation config of the same market and order (with TWAP as a placeholder strategy). */
export function evaluationConfigOf(c: TrainConfig, strategies: EvaluationConfig['strategies'] = [{ type: 'twap' }]): EvaluationConfig {
  return { name: c.name, market: c.market, order: c.order, strategies,
    evaluation: { paths: c.evaluation.paths, seed: c.evaluation.seed, riskAversion: 1 } };
}
