// Plain-TS twin of assembly/rollout/execution-env.ts and closed-loop.ts: one path at a time, the same operations.
import type { EnvSpec, PolicyRef } from '../../engine/env-spec.js';
import { MODEL_ABM } from '../../engine/layout.js';
import { POLICY_SCHEDULE } from '../../engine/env-layout.js';
import { exp } from '../math/exp.js';
import { log } from '../math/log.js';
import { PathStepper } from './path-stepper.js';
import { adaptiveAcFraction } from '../policy/adaptive-ac.js';

/** f64x2.pmin / pmax semantics (b < a ? b : a and a < b ? b : a), which the clamps rely on for NaN. */
const pmin = (a: number, b: number) => (b < a ? b : a);
const pmax = (a: number, b: number) => (a < b ? b : a);
const pow = (x: number, beta: number) => (beta === 1.0 ? x : exp(beta * log(x)));

export function closedLoopRollout(spec: EnvSpec, firstPath: number, n: number, policy: PolicyRef, out: Float64Array,
  stride: number): void {
  const path = new PathStepper(spec.modelId, spec.params, spec.seed);
  const abm = spec.modelId === MODEL_ABM;
  const J = spec.kernelWeights.length;
  const components = new Float64Array(J);
  for (let i = 0; i < n; i++) {
    path.reset(firstPath + i);
    components.fill(0);
    let q = spec.shares, cum = 0, timing = 0, permanent = 0, temporaryCost = 0, transientCost = 0, spreadCost = 0, maxp = 0;
    for (let k = 0; k < spec.steps; k++) {
      const x = path.state.x;
      const fraction = policy.kind === POLICY_SCHEDULE ? policy.params[k]! / q
        : adaptiveAcFraction(policy.params, k, spec.steps, abm, x, path.state.v);
      const f = pmin(1.0, pmax(0.0, fraction));
      const volume = spec.stepVolume[k]!;
      const shares = pmin(spec.participationCap * volume, f * q);
      const price = abm ? x : exp(x);
      const factor = spec.permanentLog === 0.0 ? 1.0 : exp((-spec.side * spec.permanentLog) * cum);
      const temporary = spec.temporaryScale[k]! * pow(shares, spec.temporaryBeta);
      let d = 0.0;
      for (let j = 0; j < J; j++) d += components[j]!;
      const additive = spec.permanentAdd * cum;
      const sideN = spec.side * shares;
      timing += sideN * (spec.s0 - price);
      permanent += (sideN * price) * (1.0 - factor) + shares * additive;
      temporaryCost += shares * temporary;
      transientCost += shares * d;
      spreadCost += shares * spec.spread[k]!;
      maxp = pmax(maxp, shares * (1.0 / volume));
      const impulse = spec.transientScale[k]! * pow(shares, spec.transientBeta);
      for (let j = 0; j < J; j++) components[j] = (components[j]! + spec.kernelWeights[j]! * impulse) * spec.kernelDecays[j]!;
      cum += shares;
      q -= shares;
      path.step(k);
    }
    const columns = [timing, permanent, temporaryCost, transientCost, spreadCost, q, cum, maxp, path.price(exp)];
    columns.forEach((value, c) => { out[c * stride + i] = value; });
  }
}
