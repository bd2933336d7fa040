// Trained policy files, one reader for every kind: "type": "mlp" (PPO's network; files without a type are MLPs) or
// "flow" (a FlowOE velocity network and its Euler sampler). The schema (validated on load, every problem named), and
// the engine block each becomes.
import { z } from 'zod';
import { OBSERVATION_FEATURES, OBSERVATION_NAMES, POLICY_FLOW, POLICY_MLP } from '../engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64, type MlpWeights } from '../engine/mlp-layout.js';
import { flowBlock, FLOW_INPUTS } from '../engine/flow-layout.js';
import type { PolicyRef } from '../engine/env-spec.js';
import { formatZodError } from '../errors/zod-errors.js';
import { InputError } from '../errors/input-error.js';

export const POLICY_FORMAT = 'flowexec-policy';
export const POLICY_VERSION = 1;
export const POLICY_TYPES = ['mlp', 'flow'] as const;

const finiteArray = z.array(z.number({ error: 'must be a finite number' }));
const hidden = z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]);
const format = z.literal(POLICY_FORMAT, { error: `must be "${POLICY_FORMAT}" (is this a flowexec policy file?)` });
const bookkeeping = {
  format,
  version: z.number(),
  name: z.string(),
  createdAt: z.string(),
  /** The market, order and objective it was trained for (documentation; evaluate runs it anywhere). */
  trainedFor: z.record(z.string(), z.unknown()),
  training: z.record(z.string(), z.unknown()),
};

const mlpPolicySchema = z.strictObject({
  ...bookkeeping,
  type: z.literal('mlp').optional(),
  network: z.strictObject({
    inputs: z.number().int(),
    hidden,
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
});

const layer = z.strictObject({ w: finiteArray, b: finiteArray });
const positive = z.number().gt(0, 'must be > 0');

/** The flow network as a file holds it (and as an inline `{ "type": "flow", "network": ... }` strategy gives it). */
export const flowNetworkSchema = z.strictObject({
  /** Normalised observation, a_t, t. */
  inputs: z.number().int(),
  hidden,
  activation: z.literal('relu', { error: 'must be "relu"' }),
  observation: z.array(z.string()),
  obsMean: finiteArray,
  obsStd: finiteArray,
  actionMean: z.number(),
  actionStd: positive,
  /** Row-major [out][in] weights of the three dense layers. */
  layers: z.tuple([layer, layer, layer]),
  actionScale: z.number().gt(1, 'must be > 1').max(100),
  /** Euler steps K of the sampler. */
  eulerSteps: z.number().int().min(1, 'must be >= 1').max(64),
  /** a_0: 0 (a deterministic policy, the default) or normal k of (seed; path; Philox stream 12) at step k. */
  noise: z.enum(['zero', 'sampled'], { error: 'must be "zero" or "sampled"' }).optional(),
  /**
   * The env's observation scales in training (price move, variance, transient): a market with other scales gets its
   * observations mapped back to these, so the network sees what it was trained on.
   */
  observationScales: z
    .strictObject({ priceMove: positive, variance: z.number().min(0), transient: positive })
    .optional(),
});

const flowPolicySchema = z.strictObject({ ...bookkeeping, type: z.literal('flow'), network: flowNetworkSchema });

export type MlpPolicyFile = z.infer<typeof mlpPolicySchema>;
export type FlowPolicyFile = z.infer<typeof flowPolicySchema>;
export type FlowNetwork = FlowPolicyFile['network'];
/** A validated policy file of either type. */
export type PolicyFile = MlpPolicyFile | FlowPolicyFile;

export const isFlowPolicy = (p: PolicyFile): p is FlowPolicyFile => p.type === 'flow';

/** Validates a parsed policy file: version, type, shapes, finiteness; `where` names the file in messages. */
export function parsePolicyFile(input: unknown, where = 'policy'): PolicyFile {
  if (
    input &&
    typeof input === 'object' &&
    'version' in input &&
    (input as { version: unknown }).version !== POLICY_VERSION
  ) {
    throw new InputError(
      `${where}: version ${JSON.stringify((input as { version: unknown }).version)} is not supported (this flowexec reads version ${POLICY_VERSION})`,
      'version',
    );
  }
  const type = input && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
  if (type !== undefined && !POLICY_TYPES.includes(type as never))
    throw new InputError(`${where}: type must be "mlp" or "flow" (got ${JSON.stringify(type)})`, 'type');
  if (type === 'flow') return parseFlowPolicy(input, where);
  const p = parseWithSchema(mlpPolicySchema, input, where),
    net = p.network,
    [h1, h2] = net.hidden;
  if (net.inputs !== OBSERVATION_FEATURES)
    throw new InputError(
      `${where}: network.inputs must be ${OBSERVATION_FEATURES} (the environment's observation features), got ${net.inputs}`,
      'network.inputs',
    );
  checkObservation(net.observation, where);
  checkShapes(
    [
      ['obsMean', net.obsMean, net.inputs, `${net.inputs}`],
      ['obsStd', net.obsStd, net.inputs, `${net.inputs}`],
      ['w1', net.w1, h1 * net.inputs, `${h1} x ${net.inputs}`],
      ['b1', net.b1, h1, `${h1}`],
      ['w2', net.w2, h2 * h1, `${h2} x ${h1}`],
      ['b2', net.b2, h2, `${h2}`],
      ['w3', net.w3, h2, `1 x ${h2}`],
      ['b3', net.b3, 1, '1'],
    ],
    where,
  );
  if (net.obsStd.some((s) => !(s > 0)))
    throw new InputError(`${where}: network.obsStd must be all > 0`, 'network.obsStd');
  if (net.actionScale !== 0 && net.actionScale <= 1)
    throw new InputError(
      `${where}: network.actionScale must be 0 or > 1, got ${net.actionScale}`,
      'network.actionScale',
    );
  return p;
}

function parseWithSchema<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const e = formatZodError(result.error, input);
    throw new InputError(`${where}: ${e.message}`, e.field);
  }
  return result.data;
}

function checkObservation(observation: string[], where: string): void {
  if (observation.join(',') !== OBSERVATION_NAMES.join(','))
    throw new InputError(
      `${where}: network.observation must be [${OBSERVATION_NAMES.join(', ')}]`,
      'network.observation',
    );
}

function checkShapes(shapes: Array<[string, number[], number, string]>, where: string): void {
  for (const [key, values, length, shape] of shapes) {
    if (values.length !== length)
      throw new InputError(
        `${where}: network.${key} must have ${length} values (${shape}), got ${values.length}`,
        `network.${key}`,
      );
  }
}

/** The checks a flow network needs beyond its schema (shapes, positive scales); `where` names it in messages. */
export function checkFlowNetwork(net: FlowNetwork, where: string): void {
  const [h1, h2] = net.hidden;
  if (net.inputs !== FLOW_INPUTS)
    throw new InputError(
      `${where}: network.inputs must be ${FLOW_INPUTS} (${OBSERVATION_FEATURES} observation features, a_t, t), got ${net.inputs}`,
      'network.inputs',
    );
  checkObservation(net.observation, where);
  checkShapes(
    [
      ['obsMean', net.obsMean, OBSERVATION_FEATURES, `${OBSERVATION_FEATURES}`],
      ['obsStd', net.obsStd, OBSERVATION_FEATURES, `${OBSERVATION_FEATURES}`],
      ['layers.0.w', net.layers[0].w, h1 * net.inputs, `${h1} x ${net.inputs}`],
      ['layers.0.b', net.layers[0].b, h1, `${h1}`],
      ['layers.1.w', net.layers[1].w, h2 * h1, `${h2} x ${h1}`],
      ['layers.1.b', net.layers[1].b, h2, `${h2}`],
      ['layers.2.w', net.layers[2].w, h2, `1 x ${h2}`],
      ['layers.2.b', net.layers[2].b, 1, '1'],
    ],
    where,
  );
  if (net.obsStd.some((s) => !(s > 0)))
    throw new InputError(`${where}: network.obsStd must be all > 0`, 'network.obsStd');
}

function parseFlowPolicy(input: unknown, where: string): FlowPolicyFile {
  const p = parseWithSchema(flowPolicySchema, input, where);
  checkFlowNetwork(p.network, where);
  return p;
}

/** The observation scales of an environment (EnvSpec's obsPriceScale, obsVarianceScale, obsTransientScale). */
export interface ObservationScales {
  priceMove: number;
  variance: number;
  transient: number;
}

/**
 * The flow network's observation normalisation for an env whose scales are `env`: a feature the env scales by s_env
 * and training by s_train is s_train / s_env times the env's, so (x r - mean) / std = (x - mean / r) / (std / r).
 * Features the env does not scale (variance under the Brownian models) keep the file's normalisation.
 */
export function flowObservationNormalisation(
  net: FlowNetwork,
  env?: ObservationScales,
): { obsMean: number[]; obsStd: number[] } {
  const obsMean = [...net.obsMean],
    obsStd = [...net.obsStd];
  const trained = net.observationScales;
  if (!trained || !env) return { obsMean, obsStd };
  // features 2 (variance), 3 (price move), 5 (transient): see OBSERVATION_NAMES
  for (const [i, key] of [
    [2, 'variance'],
    [3, 'priceMove'],
    [5, 'transient'],
  ] as const) {
    if (!(env[key] > 0) || !(trained[key] > 0)) continue;
    const r = trained[key] / env[key];
    obsMean[i] = obsMean[i]! / r;
    obsStd[i] = obsStd[i]! / r;
  }
  return { obsMean, obsStd };
}

/** The engine block of a flow network, its observations mapped from the env's scales when both are known. */
export function flowRef(net: FlowNetwork, env?: ObservationScales): PolicyRef {
  return {
    kind: POLICY_FLOW,
    params: mlpBlockAsF64(
      flowBlock({
        ...flowObservationNormalisation(net, env),
        actionScale: net.actionScale,
        hidden: net.hidden,
        actionMean: net.actionMean,
        actionStd: net.actionStd,
        layers: net.layers,
        eulerSteps: net.eulerSteps,
        sampledNoise: net.noise === 'sampled',
      }),
    ),
  };
}

export function policyWeights(p: MlpPolicyFile): MlpWeights {
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

/**
 * The engine's policy reference for a validated policy file; `env`: the observation scales of the env it will run in
 * (a flow network trained under other scales sees its own).
 */
export function policyRef(p: PolicyFile, env?: ObservationScales): PolicyRef {
  if (isFlowPolicy(p)) return flowRef(p.network, env);
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
): MlpPolicyFile {
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
