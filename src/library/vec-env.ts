// The batched execution environment, Gymnasium-shaped: reset/step over typed-array batches, spaces, same-step autoreset.
import { z } from 'zod';
import { VecEnv as KernelVecEnv, type EpisodeInfo as KernelEpisodeInfo } from '../learn/vec-env.js';
import { objectiveSchema } from '../learn/train-config.js';
import { marketSchema, orderSchema, parseEvaluationConfig } from '../eval/config.js';
import { buildExecutionPlan } from '../eval/execution-plan.js';
import { envSpecFor, type Objective } from '../eval/closed-loop.js';
import { lambdaPerCurrency } from '../strategies/linearise.js';
import {
  OBJECTIVE_COST,
  OBJECTIVE_MEAN_VARIANCE,
  OBJECTIVE_OPD,
  OBSERVATION_FEATURES,
  OBSERVATION_NAMES,
  ENV_PATH_BLOCK,
} from '../engine/env-layout.js';
import { parseWith } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';
import { kernelOf, type FlowExecEngine } from './engine.js';

/**
 * A box of real vectors, as Gymnasium's `Box`: element-wise bounds `low <= x <= high` (infinite where unbounded),
 * the batch `shape` (row-major) and the element type of the typed arrays.
 *
 * @example
 * ```ts
 * const { low, high, shape, dtype } = env.observationSpace; // Float32Array(6 B), ..., [B, 6], 'float32'
 * env.observationSpace.contains(obs); // true
 * ```
 */
export interface Box {
  /** Lower bound of each element, row-major over `shape` (-Infinity where unbounded). */
  readonly low: Float64Array;
  /** Upper bound of each element, row-major over `shape` (Infinity where unbounded). */
  readonly high: Float64Array;
  /** The batch's shape: `[numEnvs, 6]` for observations, `[numEnvs]` for actions. */
  readonly shape: readonly number[];
  /** Element type of the typed arrays that hold points of the box. */
  readonly dtype: 'float32' | 'float64';
  /**
   * True when x has the box's size and every element is within its bounds (NaN is not).
   *
   * @example
   * ```ts
   * const actions = new Float64Array(env.numEnvs).fill(0.5);
   * if (!env.actionSpace.contains(actions)) throw new Error('actions out of [0, 1]');
   * ```
   */
  contains(x: ArrayLike<number>): boolean;
}

function box(low: number[], high: number[], shape: number[], dtype: Box['dtype']): Box {
  const lo = Float64Array.from(low),
    hi = Float64Array.from(high);
  return {
    low: lo,
    high: hi,
    shape,
    dtype,
    contains: (x) =>
      x.length === lo.length && Array.prototype.every.call(x, (v: number, i: number) => v >= lo[i]! && v <= hi[i]!),
  };
}

const tile = (values: number[], times: number): number[] => Array.from({ length: times }, () => values).flat();

/** Bounds of one observation row, in feature order (see {@link OBSERVATION_FEATURE_NAMES}). */
const OBS_LOW = [0, 0, 0, -Infinity, 0, -Infinity];
const OBS_HIGH = [1, 1, Infinity, Infinity, Infinity, Infinity];

/**
 * The observation features of {@link VecEnv}, in column order: time left (steps left / steps), inventory left
 * (shares left / order), variance / theta (1 in the Brownian models), price move since arrival in units of sigma
 * over the horizon, this step's volume / the average step volume, and the transient impact state.
 *
 * @example
 * ```ts
 * const inventory = obs[row * OBSERVATION_FEATURE_NAMES.length + OBSERVATION_FEATURE_NAMES.indexOf('inventoryLeft')];
 * ```
 */
export const OBSERVATION_FEATURE_NAMES: readonly string[] = OBSERVATION_NAMES;

const envConfigSchema = z.strictObject({
  name: z.string().min(1).max(100).default('env'),
  description: z.string().optional(),
  market: marketSchema,
  order: orderSchema,
  objective: objectiveSchema.default({ type: 'cost' }),
  /** The last step sells what is left (the participation cap lifted), paying penaltyBps per share above the cap. */
  forceLiquidation: z.boolean().default(false),
  penaltyBps: z.number().min(0, 'must be >= 0').default(0),
});

/**
 * What a {@link VecEnv} simulates: the market and order of an evaluation config (see docs/configs.md), the reward's
 * objective (`cost`: minus each step's cost in bps of the arrival notional; `mean-variance`: minus cost and Almgren
 * and Chriss's risk term; `opd`: the price advantage over the window's average price), and whether the last step
 * liquidates what is left.
 *
 * @example
 * ```ts
 * const config: VecEnvConfig = {
 *   market: { model: { type: 'abm', s0: 50, sigmaPerSqrtDay: 0.95 }, dailyVolume: 5e6,
 *     impact: { type: 'almgren-chriss', gamma: 2.5e-7, eta: 2.5e-6, epsilon: 0.0625 } },
 *   order: { shares: 1e6, horizonDays: 5, steps: 5 },
 *   objective: { type: 'mean-variance', riskAversionPerCurrency: 1e-6 },
 * };
 * ```
 */
export type VecEnvConfig = z.input<typeof envConfigSchema>;

/**
 * Options of the {@link VecEnv} constructor.
 *
 * @example
 * ```ts
 * const options: VecEnvOptions = { numEnvs: 64 };
 * ```
 */
export interface VecEnvOptions {
  /** Parallel environments B, a multiple of 16 (the engine steps blocks of 16 paths). */
  numEnvs: number;
}

/**
 * Per-episode figures of every environment, reported on the step that ends the episode.
 *
 * @example
 * ```ts
 * const { info } = env.step(actions);
 * if (info.episode) console.log(info.episode.costBps[0], info.episode.completion[0]);
 * ```
 */
export interface EpisodeInfo extends KernelEpisodeInfo {}

/**
 * What {@link VecEnv.reset} returns: the first observations, row-major `[numEnvs][6]` float32, and info.
 *
 * @example
 * ```ts
 * const { obs, info } = env.reset({ seed: 42 });
 * console.log(obs.length === env.numEnvs * 6, info.firstPath);
 * ```
 */
export interface ResetResult {
  /** The first observations of the episode, `numEnvs x 6` row-major (see `OBSERVATION_FEATURE_NAMES`). */
  obs: Float32Array;
  /** Where the episode sits in the seed's stream of paths. */
  info: {
    /** Episode index within the seed's stream (0 after a seeded reset). */
    episode: number;
    /** Path index of environment 0: environment i runs path firstPath + i of the seed (the evaluation's path). */
    firstPath: number;
  };
}

/**
 * What {@link VecEnv.step} returns, every array with one entry per environment (`obs` with six per environment).
 *
 * @example
 * ```ts
 * const { obs, reward, terminated, truncated, info } = env.step(actions);
 * if (terminated[0]) console.log('episode over; final observation', info.finalObs?.subarray(0, 6));
 * ```
 */
export interface StepResult {
  /** Observations after the step; on an episode's last step, the next episode's first (same-step autoreset). */
  obs: Float32Array;
  /** Reward of the step (objective of the config), bps of the arrival notional. */
  reward: Float32Array;
  /** 1 where the episode ended at the horizon (every environment ends on the same step), else 0. */
  terminated: Uint8Array;
  /** Always 0: episodes end at the order's horizon, never by a time limit. */
  truncated: Uint8Array;
  /** Empty except on an episode's last step. */
  info: {
    /** On an episode's last step: the terminal observations (before the autoreset). */
    finalObs?: Float32Array;
    /** On an episode's last step: returns, cost and completion of each environment. */
    episode?: EpisodeInfo;
  };
}

function objectiveOf(config: z.output<typeof envConfigSchema>, notional: number): Objective {
  const o = config.objective;
  const base: Objective =
    o.type === 'cost'
      ? { objective: OBJECTIVE_COST }
      : o.type === 'mean-variance'
        ? { objective: OBJECTIVE_MEAN_VARIANCE, lambdaPerCurrency: lambdaPerCurrency(o, notional) }
        : { objective: OBJECTIVE_OPD, alpha: o.alpha };
  return { ...base, forceLiquidation: config.forceLiquidation, penaltyBps: config.penaltyBps };
}

/**
 * B parallel executions of one order, stepped in the wasm engine, with the interface of Gymnasium's `VectorEnv`.
 *
 * - `reset({ seed })` starts episode 0 of the seed; environment i then runs path i (episode e: path e B + i) with
 *   exactly the random numbers {@link evaluate} uses for that path (common random numbers). `reset()` without a seed
 *   abandons the current episode and starts the next one of the same stream. The same seed and actions give the
 *   same observations and rewards, bit for bit, on every runtime.
 * - `step(actions)`: `actions[i]` is the fraction of environment i's remaining inventory to trade this step
 *   (`actionSpace` is [0, 1]^B, float64; values outside are clipped, NaN throws), bounded by the participation cap.
 * - Autoreset (Gymnasium's `AutoresetMode.SAME_STEP`): all episodes have the order's number of steps and end on
 *   the same call; that call returns `terminated` = 1 everywhere, the next episode's first observations in `obs`,
 *   the terminal ones in `info.finalObs` and the episode's figures in `info.episode`. There is no call in between.
 *
 * @example
 * ```ts
 * import { createEngine, VecEnv } from 'flowexec';
 * const engine = await createEngine();
 * const env = new VecEnv(engine, config, { numEnvs: 16 });
 * let { obs } = env.reset({ seed: 1 });
 * for (let k = 0; k < env.maxEpisodeSteps; k++) {
 *   const actions = new Float64Array(env.numEnvs).fill(1 / (env.maxEpisodeSteps - k)); // TWAP
 *   const step = env.step(actions);
 *   obs = step.obs;
 *   if (step.info.episode) console.log('mean cost', step.info.episode.costBps.reduce((a, b) => a + b) / env.numEnvs);
 * }
 * ```
 */
export class VecEnv {
  /** Parallel environments B. */
  readonly numEnvs: number;
  /** Steps of every episode (the order's steps). */
  readonly maxEpisodeSteps: number;
  /** One observation row: 6 features, float32, bounds per feature. */
  readonly singleObservationSpace: Box;
  /** One action: the fraction in [0, 1] of the remaining inventory, float64. */
  readonly singleActionSpace: Box;
  /** The batch of observations: shape [numEnvs, 6], float32, row-major. */
  readonly observationSpace: Box;
  /** The batch of actions: shape [numEnvs], float64. */
  readonly actionSpace: Box;
  /** Gymnasium's metadata: the autoreset mode. */
  readonly metadata = { autoresetMode: 'same-step' as const };
  readonly #env: KernelVecEnv;
  #seed: number | undefined;
  #firstPath = 0;
  #episode = 0;

  /**
   * An environment over `config`'s market, order and objective (validated like an evaluation config; errors name
   * the field).
   *
   * @example
   * ```ts
   * const env = new VecEnv(await createEngine(), config, { numEnvs: 32 });
   * ```
   */
  constructor(engine: FlowExecEngine, config: VecEnvConfig, options: VecEnvOptions) {
    const numEnvs = options?.numEnvs;
    if (
      typeof numEnvs !== 'number' ||
      !Number.isInteger(numEnvs) ||
      numEnvs < ENV_PATH_BLOCK ||
      numEnvs % ENV_PATH_BLOCK !== 0 ||
      numEnvs > 65_536
    ) {
      throw new InputError(
        `options.numEnvs: must be a multiple of ${ENV_PATH_BLOCK} in [${ENV_PATH_BLOCK}, 65536] (got ${String(numEnvs)})`,
        'options.numEnvs',
      );
    }
    const c = parseWith(envConfigSchema, config);
    const evaluation = parseEvaluationConfig({
      name: c.name,
      market: c.market,
      order: c.order,
      strategies: [{ type: 'twap' }],
    });
    const plan = buildExecutionPlan(evaluation, { paths: 1000, seed: 0 });
    const spec = envSpecFor(plan, objectiveOf(c, plan.orderShares * plan.s0));
    this.#env = new KernelVecEnv(kernelOf(engine), spec, numEnvs);
    this.numEnvs = numEnvs;
    this.maxEpisodeSteps = spec.steps;
    this.singleObservationSpace = box(OBS_LOW, OBS_HIGH, [OBSERVATION_FEATURES], 'float32');
    this.singleActionSpace = box([0], [1], [1], 'float64');
    this.observationSpace = box(
      tile(OBS_LOW, numEnvs),
      tile(OBS_HIGH, numEnvs),
      [numEnvs, OBSERVATION_FEATURES],
      'float32',
    );
    this.actionSpace = box(tile([0], numEnvs), tile([1], numEnvs), [numEnvs], 'float64');
  }

  /**
   * Starts an episode: episode 0 of `seed` (environment i on path `firstPath + i`), or without a seed the next
   * episode of the current stream (seed 0 if none was ever given).
   *
   * @example
   * ```ts
   * const { obs } = env.reset({ seed: 7 });
   * const again = env.reset({ seed: 7 }).obs; // equal to obs, bit for bit
   * ```
   */
  reset(args: { seed?: number; options?: { firstPath?: number } } = {}): ResetResult {
    const { seed, options } = args ?? {};
    if (
      seed !== undefined &&
      (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER)
    ) {
      throw new InputError(`seed: must be an integer in [0, 2^53) (got ${String(seed)})`, 'seed');
    }
    const firstPath = options?.firstPath;
    if (
      firstPath !== undefined &&
      (!Number.isInteger(firstPath) || firstPath < 0 || firstPath > 2 ** 32 - this.numEnvs)
    ) {
      throw new InputError(
        `options.firstPath: must be an integer in [0, 2^32 - numEnvs] (got ${String(firstPath)})`,
        'options.firstPath',
      );
    }
    if (seed !== undefined || this.#seed === undefined) {
      this.#seed = seed ?? 0;
      this.#firstPath = firstPath ?? 0;
      this.#episode = 0;
    } else {
      this.#episode++;
    }
    const obs = this.#env.reset(this.#seed, this.#firstPath + this.#episode * this.numEnvs);
    return { obs, info: { episode: this.#episode, firstPath: this.#firstPath + this.#episode * this.numEnvs } };
  }

  /**
   * Trades `actions[i]` of environment i's remaining inventory (clipped to [0, 1]) and advances every environment
   * one step; see the class description for the autoreset rule.
   *
   * @example
   * ```ts
   * const { reward, terminated } = env.step(new Float64Array(env.numEnvs).fill(0.2));
   * ```
   */
  step(actions: ArrayLike<number>): StepResult {
    if (this.#seed === undefined) throw new Error('step: call reset() before the first step');
    if (!actions || typeof actions.length !== 'number' || actions.length !== this.numEnvs) {
      throw new InputError(
        `actions: must have one value per environment (${this.numEnvs}), got ${actions?.length}`,
        'actions',
      );
    }
    const clipped = new Float64Array(this.numEnvs);
    for (let i = 0; i < this.numEnvs; i++) {
      const a = actions[i]!;
      if (typeof a !== 'number' || Number.isNaN(a))
        throw new InputError(`actions.${i}: must be a number (got ${String(a)})`, `actions.${i}`);
      clipped[i] = a < 0 ? 0 : a > 1 ? 1 : a;
    }
    const r = this.#env.stepWith(clipped);
    if (r.info.episode) this.#episode++;
    const info: StepResult['info'] = {};
    if (r.info.episode) {
      info.finalObs = r.info.finalObs;
      info.episode = r.info.episode;
    }
    return { obs: r.obs, reward: r.reward, terminated: r.done, truncated: new Uint8Array(this.numEnvs), info };
  }
}
