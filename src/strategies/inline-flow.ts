// A FlowOE policy written inline in a config (`{ "type": "flow", "network": {...} }`, the network of a flow policy
// file): how the HTTP API, which reads no server files, takes a flow policy.
import type { PolicyRef } from '../engine/env-spec.js';
import { InputError } from '../errors/input-error.js';
import { checkFlowNetwork, flowRef, type FlowNetwork, type ObservationScales } from './policy-file.js';

/** The engine's policy for an inline flow network, checked like a policy file (`where` names it in errors). */
export function inlineFlowPolicy(network: FlowNetwork, where: string, env?: ObservationScales): PolicyRef {
  try {
    checkFlowNetwork(network, where);
  } catch (error) {
    // "strategies.3: network.layers.0.w must have ..." -> "strategies.3.network.layers.0.w: must have ..."
    const m = error instanceof InputError ? /^(.*?): (network\.[\w.]+) (.*)$/.exec(error.message) : null;
    if (!m) throw error;
    throw new InputError(`${m[1]}.${m[2]}: ${m[3]}`, `${m[1]}.${m[2]}`);
  }
  return flowRef(network, env);
}
