// FlowOE policy files ("type": "flow"): the velocity network, its scalings and the Euler step count, validated on
// load with every problem named.
import { z } from 'zod';
import { OBSERVATION_FEATURES, OBSERVATION_NAMES } from '../../engine/env-layout.js';
import { formatZodError } from '../../errors/zod-errors.js';
import { InputError } from '../../errors/input-error.js';
import { FLOW_INPUTS } from './flow-net.js';

export const FLOW_POLICY_FORMAT = 'flowexec-policy';
export const FLOW_POLICY_VERSION = 1;

const finiteArray = z.array(z.number({ error: 'must be a finite number' }));
const layer = z.strictObject({ w: finiteArray, b: finiteArray });

const flowPolicySchema = z.strictObject({
  format: z.literal(FLOW_POLICY_FORMAT, { error: `must be "${FLOW_POLICY_FORMAT}" (is this a flowexec policy file?)` }),
  version: z.number(),
  type: z.literal('flow', { error: 'must be "flow"' }),
  name: z.string(),
  createdAt: z.string(),
  network: z.strictObject({
    /** Normalised observation, a_t, t. */
    inputs: z.number().int(),
    hidden: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]),
    activation: z.literal('relu', { error: 'must be "relu"' }),
    observation: z.array(z.string()),
    obsMean: finiteArray,
    obsStd: finiteArray,
    actionMean: z.number(),
    actionStd: z.number().gt(0, 'must be > 0'),
    /** Row-major [out][in] weights of the three dense layers. */
    layers: z.tuple([layer, layer, layer]),
    actionScale: z.number().gt(1, 'must be > 1').max(100),
    /** Euler steps K of the sampler. */
    eulerSteps: z.number().int().min(1, 'must be >= 1').max(64),
  }),
  trainedFor: z.record(z.string(), z.unknown()),
  training: z.record(z.string(), z.unknown()),
});

export type FlowPolicyFile = z.infer<typeof flowPolicySchema>;

export function parseFlowPolicyFile(input: unknown, where = 'policy'): FlowPolicyFile {
  if (
    input &&
    typeof input === 'object' &&
    'version' in input &&
    (input as { version: unknown }).version !== FLOW_POLICY_VERSION
  ) {
    throw new InputError(
      `${where}: version ${JSON.stringify((input as { version: unknown }).version)} is not supported (this flowexec reads version ${FLOW_POLICY_VERSION})`,
      'version',
    );
  }
  const result = flowPolicySchema.safeParse(input);
  if (!result.success) {
    const e = formatZodError(result.error, input);
    throw new InputError(`${where}: ${e.message}`, e.field);
  }
  const p = result.data,
    net = p.network,
    [h1, h2] = net.hidden;
  if (net.inputs !== FLOW_INPUTS)
    throw new InputError(
      `${where}: network.inputs must be ${FLOW_INPUTS} (${OBSERVATION_FEATURES} observation features, a_t, t), got ${net.inputs}`,
      'network.inputs',
    );
  if (net.observation.join(',') !== OBSERVATION_NAMES.join(','))
    throw new InputError(
      `${where}: network.observation must be [${OBSERVATION_NAMES.join(', ')}]`,
      'network.observation',
    );
  const shapes: Array<[string, number[], number, string]> = [
    ['obsMean', net.obsMean, OBSERVATION_FEATURES, `${OBSERVATION_FEATURES}`],
    ['obsStd', net.obsStd, OBSERVATION_FEATURES, `${OBSERVATION_FEATURES}`],
    ['layers.0.w', net.layers[0].w, h1 * net.inputs, `${h1} x ${net.inputs}`],
    ['layers.0.b', net.layers[0].b, h1, `${h1}`],
    ['layers.1.w', net.layers[1].w, h2 * h1, `${h2} x ${h1}`],
    ['layers.1.b', net.layers[1].b, h2, `${h2}`],
    ['layers.2.w', net.layers[2].w, h2, `1 x ${h2}`],
    ['layers.2.b', net.layers[2].b, 1, '1'],
  ];
  for (const [key, values, length, shape] of shapes) {
    if (values.length !== length)
      throw new InputError(
        `${where}: network.${key} must have ${length} values (${shape}), got ${values.length}`,
        `network.${key}`,
      );
  }
  if (net.obsStd.some((s) => !(s > 0)))
    throw new InputError(`${where}: network.obsStd must be all > 0`, 'network.obsStd');
  return p;
}
