// Trained policy files: the schema (validated on load, every problem named), and the engine block they become.
import { z } from 'zod';
import { OBSERVATION_FEATURES, OBSERVATION_NAMES, POLICY_MLP } from '../engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64, type MlpWeights } from '../engine/mlp-layout.js';
import type { PolicyRef } from '../engine/env-spec.js';
import { formatZodError } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';

export const POLICY_FORMAT = 'flowexec-policy';
export const POLICY_VERSION = 1;

const finiteArray = z.array(z.number({ error: 'must be a finite number' }));

const policySchema = z.strictObject({
  format: z.literal(POLICY_FORMAT, { error: `must be "${POLICY_FORMAT}" (is this a flowexec policy file?)` }),
  version: z.number(),
  name: z.string(),
  createdAt: z.string(),
  network: z.strictObject({
    inputs: z.number().int(),
    hidden: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]),
    activation: z.literal('relu', { error: 'must be "relu"' }),
    observation: z.array(z.string()),
    obsMean: finiteArray,
    obsStd: finiteArray,
    w1: finiteArray,
    b1: finiteArray,
    w2: finiteArray,
    b2: finiteArray,
    w3: finiteArray,
    b3: finiteArray,
    actionScale: z.number().min(0).max(100),
    logStd: z.number(),
  }),
  /** The market, order and objective it was trained for (documentation; evaluate runs it anywhere). */
  trainedFor: z.record(z.string(), z.unknown()),
  training: z.record(z.string(), z.unknown()),
});

export type PolicyFile = z.infer<typeof policySchema>;

/** Validates a parsed policy file: version, shapes, finiteness; `where` names the file in messages. */
export function parsePolicyFile(input: unknown, where = 'policy'): PolicyFile {
  if (
    input &&
    typeof input === 'object' &&
    'version' in input &&
    (input as { version: unknown }).version !== POLICY_VERSION
  ) {
    throw new InputError(
      `${where}: version ${JSON.stringify((input as { version: unknown }).version)} is not supported (this flowexec reads version ${POLICY_VERSION})`,
    );
  }
  const result = policySchema.safeParse(input);
  if (!result.success) {
    const e = formatZodError(result.error, input);
    throw new InputError(`${where}: ${e.message}`, e.field);
  }
  const p = result.data,
    net = p.network,
    [h1, h2] = net.hidden;
  if (net.inputs !== OBSERVATION_FEATURES)
    throw new InputError(
      `${where}: network.inputs must be ${OBSERVATION_FEATURES} (the environment's observation features), got ${net.inputs}`,
    );
  if (net.observation.join(',') !== OBSERVATION_NAMES.join(','))
    throw new InputError(`${where}: network.observation must be [${OBSERVATION_NAMES.join(', ')}]`);
  const shapes: Array<[keyof typeof net, number, string]> = [
    ['obsMean', net.inputs, `${net.inputs}`],
    ['obsStd', net.inputs, `${net.inputs}`],
    ['w1', h1 * net.inputs, `${h1} x ${net.inputs}`],
    ['b1', h1, `${h1}`],
    ['w2', h2 * h1, `${h2} x ${h1}`],
    ['b2', h2, `${h2}`],
    ['w3', h2, `1 x ${h2}`],
    ['b3', 1, '1'],
  ];
  for (const [key, length, shape] of shapes) {
    const got = (net[key] as number[]).length;
    if (got !== length)
      throw new InputError(`${where}: network.${key} must have ${length} values (${shape}), got ${got}`);
  }
  if (net.obsStd.some((s) => !(s > 0))) throw new InputError(`${where}: network.obsStd must be all > 0`);
  if (net.actionScale !== 0 && net.actionScale <= 1)
    throw new InputError(`${where}: network.actionScale must be 0 or > 1, got ${net.actionScale}`);
  return p;
}

export function policyWeights(p: PolicyFile): MlpWeights {
  const n = p.network;
  return {
    actionScale: n.actionScale,
    inputs: n.inputs,
    hidden: n.hidden,
    obsMean: n.obsMean,
    obsStd: n.obsStd,
    w1: n.w1,
    b1: n.b1,
    w2: n.w2,
    b2: n.b2,
    w3: n.w3,
    b3: n.b3,
  };
}

/** The engine's policy reference for a validated policy file. */
export function policyRef(p: PolicyFile): PolicyRef {
  return { kind: POLICY_MLP, params: mlpBlockAsF64(mlpBlock(policyWeights(p))) };
}

/** A policy file's content from trained weights. */
export function policyFileOf(
  name: string,
  weights: MlpWeights,
  logStd: number,
  trainedFor: Record<string, unknown>,
  training: Record<string, unknown>,
  createdAt: string,
): PolicyFile {
  return {
    format: POLICY_FORMAT,
    version: POLICY_VERSION,
    name,
    createdAt,
    network: {
      inputs: weights.inputs,
      hidden: weights.hidden,
      activation: 'relu',
      observation: [...OBSERVATION_NAMES],
      obsMean: Array.from(weights.obsMean),
      obsStd: Array.from(weights.obsStd),
      w1: Array.from(weights.w1),
      b1: Array.from(weights.b1),
      w2: Array.from(weights.w2),
      b2: Array.from(weights.b2),
      w3: Array.from(weights.w3),
      b3: Array.from(weights.b3),
      actionScale: weights.actionScale,
      logStd,
    },
    trainedFor,
    training,
  };
}
