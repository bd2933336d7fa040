// The config of `flowexec train flowoe`: the regimes, the expert ensemble, the demonstrations, the flow and its judging.
import { z } from 'zod';
import { parseWith } from '../../errors/zod-errors.js';
import { InputError } from '../../errors/input-error.js';
import { checkCompatible, parseRegime, type Regime } from './regimes.js';
import { isFlowPolicy, parsePolicyFile, type MlpPolicyFile } from '../../strategies/policy-file.js';

/** Risk aversions of the Almgren-Chriss experts (on IS as a fraction of the notional), as ppo-heston's grid. */
export const AC_GRID = [0, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800];

const multipleOf16 = (what: string) =>
  z
    .number()
    .int()
    .min(16)
    .max(10_000_000)
    .refine((n) => n % 16 === 0, `${what} must be a multiple of 16`);
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const flowOeConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('flowoe'),
  description: z.string().optional(),
  /** Train configs of the markets (market, order, objective; ppo.actionScale sets the action range). */
  regimes: z
    .array(z.strictObject({ name: z.string().min(1).max(40), config: z.unknown() }))
    .min(1, 'must name at least one regime')
    .max(8),
  experts: z
    .strictObject({
      acGrid: z.array(z.number().min(0, 'must be >= 0')).min(1).max(64).default(AC_GRID),
      /** Adaptive AC at the best static AC's risk aversion of each regime. */
      adaptiveAc: z.boolean().default(true),
      /** Trained policies (e.g. each regime's PPO expert): policy files, by path in a config file, parsed here. */
      policies: z
        .array(z.strictObject({ regime: z.string(), name: z.string().min(1).max(40), policy: z.unknown() }))
        .max(32)
        .default([]),
    })
    .default({ acGrid: AC_GRID, adaptiveAc: true, policies: [] }),
  demonstrations: z
    .strictObject({
      paths: multipleOf16('paths').default(2048),
      seed: seed.default(11),
      labels: z.enum(['best', 'softmax'], { error: 'must be "best" or "softmax"' }).default('softmax'),
      /** Softmax temperature on the experts' mean objectives, bps. */
      temperatureBps: z.number().gt(0, 'must be > 0').default(1),
    })
    .default({ paths: 2048, seed: 11, labels: 'softmax', temperatureBps: 1 }),
  flow: z
    .strictObject({
      hidden: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]).default([64, 64]),
      iterations: z.number().int().min(1).max(1_000_000).default(3000),
      batch: z.number().int().min(16).max(65_536).default(1024),
      learningRate: z.number().gt(0).max(1).default(1e-3),
      seed: seed.default(3),
      eulerSteps: z.number().int().min(1).max(64).default(8),
    })
    .default({ hidden: [64, 64], iterations: 3000, batch: 1024, learningRate: 1e-3, seed: 3, eulerSteps: 8 }),
  /** The refining loss (src/learn/flow/refine.ts): rounds of advantage-weighted flow matching on the flow's own rollouts. */
  refine: z
    .strictObject({
      rounds: z.number().int().min(0).max(100).default(0),
      samples: z.number().int().min(2, 'must be >= 2 (advantages compare episodes on one path)').max(64).default(8),
      paths: multipleOf16('paths').default(256),
      seed: seed.default(17),
      explorationStd: z.number().gt(0, 'must be > 0').max(5).default(0.3),
      /** Softmax temperature beta on the advantages, bps (default: their standard deviation in each round). */
      temperatureBps: z.number().gt(0, 'must be > 0').optional(),
      iterations: z.number().int().min(1).max(1_000_000).default(300),
      /** Adam's learning rate in each round (decayed linearly to 0 within the round). */
      learningRate: z.number().gt(0).max(1).default(1e-3),
      mix: z.number().min(0).max(1).default(0.5),
    })
    .default({
      rounds: 0,
      samples: 8,
      paths: 256,
      seed: 17,
      explorationStd: 0.3,
      iterations: 300,
      learningRate: 1e-3,
      mix: 0.5,
    }),
  evaluation: z
    .strictObject({
      paths: multipleOf16('paths').default(65_536),
      seed: seed.default(20240601),
      /** The sampler's a_0: 0 (a deterministic policy) or N(0, 1) from Philox (evaluation seed; path; stream 12). */
      noise: z.enum(['zero', 'sampled'], { error: 'must be "zero" or "sampled"' }).default('zero'),
    })
    .default({ paths: 65_536, seed: 20240601, noise: 'zero' }),
});

type RawConfig = z.infer<typeof flowOeConfigSchema>;
export type FlowOeConfig = Omit<RawConfig, 'regimes' | 'experts'> & {
  regimes: Regime[];
  experts: Omit<RawConfig['experts'], 'policies'> & {
    policies: Array<{ regime: string; name: string; policy: MlpPolicyFile }>;
  };
};

export function parseFlowOeConfig(input: unknown): FlowOeConfig {
  const raw = parseWith(flowOeConfigSchema, input);
  const regimes = raw.regimes.map((r, i) => parseRegime(r.name, r.config, `regimes.${i}.config`));
  const names = new Set(regimes.map((r) => r.name));
  if (names.size !== regimes.length) throw new InputError('regimes: names must be unique', 'regimes');
  checkCompatible(regimes);
  if (
    raw.refine.rounds > 0 &&
    raw.refine.seed * 1000 + 1 <= raw.evaluation.seed &&
    raw.evaluation.seed <= raw.refine.seed * 1000 + raw.refine.rounds
  ) {
    throw new InputError(
      'refine.seed: its rounds use path seeds refine.seed x 1000 + 1 ... + rounds, which must not include evaluation.seed',
      'refine.seed',
    );
  }
  if (raw.demonstrations.seed === raw.evaluation.seed) {
    throw new InputError(
      'demonstrations.seed: must differ from evaluation.seed (train and test on different paths)',
      'demonstrations.seed',
    );
  }
  const policies = raw.experts.policies.map((e, i) => {
    if (!names.has(e.regime))
      throw new InputError(
        `experts.policies.${i}.regime: "${e.regime}" is not a regime (${[...names].join(', ')})`,
        `experts.policies.${i}.regime`,
      );
    const policy = parsePolicyFile(e.policy, `experts.policies.${i}.policy`);
    if (isFlowPolicy(policy))
      throw new InputError(
        `experts.policies.${i}.policy.type: an expert must be an MLP policy (e.g. PPO), not a flow`,
        `experts.policies.${i}.policy.type`,
      );
    return { ...e, policy };
  });
  return { ...raw, experts: { ...raw.experts, policies }, regimes };
}

/** Envs per batch: the largest multiple of 16 up to 4096 dividing `paths` (paths is a multiple of 16). */
export function envsFor(paths: number): number {
  for (let e = Math.min(4096, paths); e >= 16; e -= 16) if (paths % e === 0) return e;
  return 16;
}
