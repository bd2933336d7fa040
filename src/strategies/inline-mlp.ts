// A closed-loop MLP policy written inline in a config (`{ "type": "mlp", "network": {...} }`): weights, no file.
import { z } from 'zod';
import { OBSERVATION_FEATURES } from '../engine/env-layout.js';
import type { PolicyRef } from '../engine/env-spec.js';
import { parsePolicyFile, policyFileOf, policyRef } from './policy-file.js';
import { InputError } from '../errors/input-error.js';

const numbers = z.array(z.number({ error: 'must be a finite number' }).finite('must be a finite number'));

/** The network of a policy file without its bookkeeping: weights row-major [out][in], normalisation and action scale. */
export const inlineNetworkSchema = z.strictObject({
  hidden: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]),
  w1: numbers,
  b1: numbers,
  w2: numbers,
  b2: numbers,
  w3: numbers,
  b3: numbers,
  /** Observation normalisation (default: mean 0, std 1 for each of the six features). */
  obsMean: numbers.optional(),
  obsStd: numbers.optional(),
  /** fraction = actionScale sigmoid(u + c) / (steps left), c = -ln(actionScale - 1); 0: sigmoid(u). Default 10. */
  actionScale: z.number().min(0).max(100).default(10),
});

export type InlineNetwork = z.infer<typeof inlineNetworkSchema>;

/** The engine's policy for an inline network, checked like a policy file (`where` names it in errors). */
export function inlineMlpPolicy(name: string, n: InlineNetwork, where: string): PolicyRef {
  const doc = policyFileOf(
    name,
    {
      actionScale: n.actionScale,
      inputs: OBSERVATION_FEATURES,
      hidden: n.hidden,
      obsMean: n.obsMean ?? new Array<number>(OBSERVATION_FEATURES).fill(0),
      obsStd: n.obsStd ?? new Array<number>(OBSERVATION_FEATURES).fill(1),
      w1: n.w1,
      b1: n.b1,
      w2: n.w2,
      b2: n.b2,
      w3: n.w3,
      b3: n.b3,
    },
    0,
    {},
    {},
    new Date(0).toISOString(),
  );
  try {
    return policyRef(parsePolicyFile(doc, where));
  } catch (error) {
    // "strategies.3: network.w1 must have ..." -> "strategies.3.network.w1: must have ...", the field named
    const m = error instanceof InputError ? /^(.*?): network\.(\w+) (.*)$/.exec(error.message) : null;
    if (!m) throw error;
    throw new InputError(`${m[1]}.network.${m[2]}: ${m[3]}`, `${m[1]}.network.${m[2]}`);
  }
}
