// Policy files in the public API: reading them (versioned, every problem named) and making one from network weights.
import {
  parsePolicyFile as parsePolicy,
  policyFileOf,
  POLICY_FORMAT,
  POLICY_VERSION,
  type PolicyFile,
} from '../strategies/policy-file.js';
import { OBSERVATION_FEATURES } from '../engine/env-layout.js';
import { InputError } from '../errors/input-error.js';

/**
 * A closed-loop policy in the policy-file format (`format: "flowexec-policy"`, `version: 1`): a 6 -> h1 -> h2 -> 1
 * ReLU network over the environment's observations, whose output u sets the fraction traded,
 * actionScale sigmoid(u + c) / (steps left) of the remaining inventory with c = -ln(actionScale - 1) (u = 0 is
 * TWAP's rate; actionScale 0 means sigmoid(u) directly); the last step trades what is left.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const policy: PolicyDocument = parsePolicyFile(JSON.parse(readFileSync('policy.json', 'utf8')));
 * ```
 */
export type PolicyDocument = PolicyFile;

/**
 * The `format` tag of policy files.
 *
 * @example
 * ```ts
 * const isPolicy = (doc: { format?: unknown }) => doc.format === POLICY_FILE_FORMAT;
 * ```
 */
export const POLICY_FILE_FORMAT = POLICY_FORMAT;
/**
 * The policy-file version this FlowExec writes and reads; other versions are refused with a message naming both.
 *
 * @example
 * ```ts
 * console.log(`reads policy files of version ${POLICY_FILE_VERSION}`);
 * ```
 */
export const POLICY_FILE_VERSION = POLICY_VERSION;

/**
 * Validates a parsed policy file (what `flowexec train ppo --out` writes): format, version, shapes and finiteness.
 * Throws an {@link InputError} naming the problem (`policy.json: network.w1 must have 96 values (16 x 6), got 95`);
 * a file of another version is refused (`version 2 is not supported (this flowexec reads version 1)`).
 *
 * @example
 * ```ts
 * const policy = parsePolicyFile(JSON.parse(text), 'policy.json');
 * await evaluate(config, { policies: { 'policy.json': policy } });
 * ```
 */
export function parsePolicyFile(input: unknown, where = 'policy'): PolicyDocument {
  return parsePolicy(input, where);
}

/**
 * The weights of a closed-loop MLP policy: row-major `[out][in]` matrices and biases of the three dense layers,
 * with the observation normalisation (defaults: mean 0, std 1) and the action scale (default 10).
 *
 * @example
 * ```ts
 * const zero: MlpPolicyWeights = { hidden: [4, 4], w1: new Array(24).fill(0), b1: [0, 0, 0, 0],
 *   w2: new Array(16).fill(0), b2: [0, 0, 0, 0], w3: [0, 0, 0, 0], b3: [0] }; // u = 0: TWAP's rate
 * ```
 */
export interface MlpPolicyWeights {
  /** [h1, h2], the widths of the two hidden ReLU layers. */
  hidden: [number, number];
  /** First layer, h1 x 6 row-major (one row per hidden unit, one column per observation feature). */
  w1: ArrayLike<number>;
  /** First layer's biases, h1. */
  b1: ArrayLike<number>;
  /** Second layer, h2 x h1 row-major. */
  w2: ArrayLike<number>;
  /** Second layer's biases, h2. */
  b2: ArrayLike<number>;
  /** Output layer, 1 x h2. */
  w3: ArrayLike<number>;
  /** Output bias, 1 value. */
  b3: ArrayLike<number>;
  /** Observation means subtracted before the first layer, 6 values (default 0). */
  obsMean?: ArrayLike<number>;
  /** Observation standard deviations divided by, 6 values > 0 (default 1). */
  obsStd?: ArrayLike<number>;
  /** Scale of the action map (default 10; 0: the fraction is sigmoid(u) directly). */
  actionScale?: number;
}

/**
 * A policy document from network weights (validated like a file), to evaluate beside the built-in strategies:
 * name it in the config as `{ "type": "policy", "file": "my-net" }` and pass `{ policies: { "my-net": policy } }`.
 *
 * @example
 * ```ts
 * const policy = mlpPolicy('front-loader', { hidden: [2, 2], w1: new Array(12).fill(0), b1: [0, 0],
 *   w2: [0, 0, 0, 0], b2: [0, 0], w3: [0, 0], b3: [1.5] }); // u = 1.5: faster than TWAP
 * const report = await evaluate({ ...config, strategies: [{ type: 'twap' }, { type: 'policy', file: 'front' }] },
 *   { policies: { front: policy } });
 * ```
 */
export function mlpPolicy(name: string, weights: MlpPolicyWeights): PolicyDocument {
  if (!weights || typeof weights !== 'object') throw new InputError('weights: must be an object', 'weights');
  const arr = (x: ArrayLike<number> | undefined, key: string): number[] => {
    if (x === undefined || typeof x.length !== 'number')
      throw new InputError(`weights.${key}: must be an array of numbers`, `weights.${key}`);
    return Array.from(x);
  };
  const hidden = weights.hidden;
  if (!Array.isArray(hidden) || hidden.length !== 2)
    throw new InputError('weights.hidden: must be [h1, h2]', 'weights.hidden');
  const doc = policyFileOf(
    String(name),
    {
      actionScale: weights.actionScale ?? 10,
      inputs: OBSERVATION_FEATURES,
      hidden,
      obsMean: weights.obsMean ? arr(weights.obsMean, 'obsMean') : new Array<number>(OBSERVATION_FEATURES).fill(0),
      obsStd: weights.obsStd ? arr(weights.obsStd, 'obsStd') : new Array<number>(OBSERVATION_FEATURES).fill(1),
      w1: arr(weights.w1, 'w1'),
      b1: arr(weights.b1, 'b1'),
      w2: arr(weights.w2, 'w2'),
      b2: arr(weights.b2, 'b2'),
      w3: arr(weights.w3, 'w3'),
      b3: arr(weights.b3, 'b3'),
    },
    0,
    { source: 'weights given in code' },
    {},
    new Date(0).toISOString(),
  );
  return parsePolicy(JSON.parse(JSON.stringify(doc)) as unknown, `policy ${name}`);
}
