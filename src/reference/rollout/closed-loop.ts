// Plain-TS twin of assembly/rollout/closed-loop.ts: a whole episode of each path under a policy evaluated in the
// engine, one path at a time (the environment's step is rollout/execution-env.ts, the policies policy/*).
import { stepConstantFeatures, type EnvSpec, type PolicyRef } from '../../engine/env-spec.js';
import { MODEL_ABM } from '../../engine/layout.js';
import { POLICY_SCHEDULE, POLICY_ADAPTIVE_AC, POLICY_POV, OBSERVATION_FEATURES } from '../../engine/env-layout.js';
import { actionFraction } from '../../engine/mlp-layout.js';
import { exp } from '../../math/exp.js';
import { ReferenceEnvPath } from './execution-env.js';
import { scheduleFraction } from '../policy/schedule.js';
import { adaptiveAcFraction } from '../policy/adaptive-ac.js';
import { povFraction } from '../policy/pov.js';
import { mlpMu } from '../policy/mlp.js';

/** closedLoopRollout of the kernel contract (engine/backend.ts): ROLLOUT_COLUMNS columns per path into out[c stride + i]. */
export function closedLoopRollout(
  spec: EnvSpec,
  firstPath: number,
  n: number,
  policy: PolicyRef,
  out: Float64Array,
  stride: number,
): void {
  const env = new ReferenceEnvPath(spec);
  const abm = spec.modelId === MODEL_ABM;
  const constantMask = stepConstantFeatures(spec);
  const block =
    policy.kind !== POLICY_SCHEDULE && policy.kind !== POLICY_ADAPTIVE_AC && policy.kind !== POLICY_POV
      ? new Float32Array(policy.params.buffer)
      : undefined;
  for (let i = 0; i < n; i++) {
    env.reset(firstPath + i);
    for (let k = 0; k < spec.steps; k++) {
      let fraction: number;
      if (policy.kind === POLICY_SCHEDULE) fraction = scheduleFraction(policy.params, k, env.q);
      else if (policy.kind === POLICY_ADAPTIVE_AC)
        fraction = adaptiveAcFraction(policy.params, k, spec.steps, abm, env.path.state.x, env.path.state.v);
      else if (policy.kind === POLICY_POV)
        fraction = povFraction(policy.params[0]!, spec.stepVolume[k]!, env.volumeMult, env.q);
      else
        fraction = actionFraction(
          mlpMu(block!, env.observe().subarray(0, OBSERVATION_FEATURES), constantMask),
          block![4]!,
          block![5]!,
          spec.steps - k,
        );
      env.step(fraction);
    }
    const columns = [
      env.timing,
      env.permanent,
      env.temporary,
      env.transient,
      env.spread,
      env.q,
      env.cum,
      env.maxp,
      env.path.price(exp),
      env.ret,
      env.permLevel,
      env.vwapSum / env.volumeSum,
      env.volumeMult,
      env.priceSum * (1.0 / spec.steps),
    ];
    columns.forEach((value, c) => {
      out[c * stride + i] = value;
    });
  }
}
