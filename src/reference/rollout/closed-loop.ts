// Plain-TS twin of assembly/rollout/execution-env.ts and closed-loop.ts: one path at a time, the same operations.
import { stepConstantFeatures, type EnvSpec, type PolicyRef } from '../../engine/env-spec.js';
import { MODEL_ABM, MODEL_HESTON_EULER, MODEL_HESTON_QE, P_X0 } from '../../engine/layout.js';
import { POLICY_SCHEDULE, POLICY_ADAPTIVE_AC, OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD, OBSERVATION_FEATURES } from '../../engine/env-layout.js';
import { exp } from '../../math/exp.js';
import { log } from '../../math/log.js';
import { PathStepper } from './path-stepper.js';
import { adaptiveAcFraction } from '../policy/adaptive-ac.js';
import { mlpMu } from '../policy/mlp.js';
import { actionFraction } from '../../engine/mlp-layout.js';

/** f64x2.pmin / pmax semantics (b < a ? b : a and a < b ? b : a), which the clamps rely on for NaN. */
const pmin = (a: number, b: number) => (b < a ? b : a);
const pmax = (a: number, b: number) => (a < b ? b : a);
const pow = (x: number, beta: number) => (beta === 1.0 ? x : exp(beta * log(x)));

/** The environment state of one path, stepped exactly as the wasm kernel steps each lane. */
export class ReferenceEnvPath {
  readonly path: PathStepper;
  readonly components: Float64Array;
  q = 0; cum = 0; timing = 0; permanent = 0; temporary = 0; transient = 0; spread = 0; maxp = 0;
  priceSum = 0; reward = 0; ret = 0; k = 0;

  constructor(readonly spec: EnvSpec) {
    this.path = new PathStepper(spec.modelId, spec.params, spec.seed);
    this.components = new Float64Array(spec.kernelWeights.length);
  }

  reset(pathIndex: number): void {
    this.path.reset(pathIndex);
    this.components.fill(0);
    this.q = this.spec.shares;
    this.cum = this.timing = this.permanent = this.temporary = this.transient = this.spread = this.maxp = 0;
    this.priceSum = this.reward = this.ret = this.k = 0;
  }

  /** D, the sum of the transient components. */
  private transientSum(): number {
    let d = 0.0;
    for (let j = 0; j < this.components.length; j++) d += this.components[j]!;
    return d;
  }

  /** envObserve for this path: OBSERVATION_FEATURES f32 values. */
  observe(): Float32Array {
    const s = this.spec, k = this.k;
    const d = this.transientSum();
    const volume = s.stepVolume[Math.min(k, s.steps - 1)]!;
    return Float32Array.of((s.steps - k) / s.steps, this.q * (1.0 / s.shares),
      s.obsVarianceScale > 0 ? this.path.state.v * s.obsVarianceScale : 1.0,
      (this.path.state.x - s.params[P_X0]!) * s.obsPriceScale, volume / s.meanVolume, d * s.obsTransientScale);
  }

  /** envStep for this path with the given fraction of the remaining inventory. */
  step(fraction: number): void {
    const s = this.spec, k = this.k, abm = s.modelId === MODEL_ABM;
    const x = this.path.state.x;
    const forced = k === s.steps - 1 && s.forceLiquidation;
    const f = forced ? 1.0 : pmin(1.0, pmax(0.0, fraction));
    const volume = s.stepVolume[k]!;
    const capVolume = s.participationCap * volume;
    const shares = forced ? this.q : pmin(capVolume, f * this.q);
    const excessCost = forced ? s.penaltyPerShare * pmax(0.0, shares - capVolume) : 0.0;
    const price = abm ? x : exp(x);
    const factor = s.permanentLog === 0.0 ? 1.0 : exp((-s.side * s.permanentLog) * this.cum);
    const temporary = s.temporaryScale[k]! * pow(shares, s.temporaryBeta);
    const d = this.transientSum();
    const additive = s.permanentAdd * this.cum;
    const sideN = s.side * shares;
    const stepCost = (sideN * (s.s0 - price * factor) + shares * (((temporary + d) + s.spread[k]!) + additive)) + excessCost;
    this.timing += sideN * (s.s0 - price);
    this.permanent += (sideN * price) * (1.0 - factor) + shares * additive;
    this.temporary = (this.temporary + shares * temporary) + excessCost;
    this.transient += shares * d;
    this.spread += shares * s.spread[k]!;
    this.maxp = pmax(this.maxp, shares * (1.0 / volume));
    this.priceSum += price;
    const impulse = s.transientScale[k]! * pow(shares, s.transientBeta);
    for (let j = 0; j < this.components.length; j++) {
      this.components[j] = (this.components[j]! + s.kernelWeights[j]! * impulse) * s.kernelDecays[j]!;
    }
    this.cum += shares;
    this.q -= shares;
    const toBps = 1e4 / (s.shares * s.s0);
    let cost = stepCost;
    if (s.objective === OBJECTIVE_MEAN_VARIANCE) {
      const heston = s.modelId === MODEL_HESTON_EULER || s.modelId === MODEL_HESTON_QE;
      const variance = heston ? (this.path.state.v < 0 ? 0 : this.path.state.v) : s.modelVariance;
      const priceVariance = abm ? variance : (price * price) * variance;
      cost = cost + (s.riskCoef * priceVariance) * (this.q * this.q);
    }
    let reward = -(cost * toBps);
    if (s.objective === OBJECTIVE_OPD) {
      reward = reward - (s.alpha / (s.shares * s.shares)) * (shares * shares);
      if (k === s.steps - 1) reward = reward + ((s.side * (s.s0 - this.priceSum * (1.0 / s.steps))) * this.cum) * toBps;
    }
    this.reward = reward;
    this.ret += reward;
    this.path.step(k);
    this.k = k + 1;
  }
}

export function closedLoopRollout(spec: EnvSpec, firstPath: number, n: number, policy: PolicyRef, out: Float64Array,
  stride: number): void {
  const env = new ReferenceEnvPath(spec);
  const abm = spec.modelId === MODEL_ABM;
  const constantMask = stepConstantFeatures(spec);
  const block = policy.kind !== POLICY_SCHEDULE && policy.kind !== POLICY_ADAPTIVE_AC ? new Float32Array(policy.params.buffer) : undefined;
  for (let i = 0; i < n; i++) {
    env.reset(firstPath + i);
    for (let k = 0; k < spec.steps; k++) {
      let fraction: number;
      if (policy.kind === POLICY_SCHEDULE) fraction = policy.params[k]! / env.q;
      else if (policy.kind === POLICY_ADAPTIVE_AC) fraction = adaptiveAcFraction(policy.params, k, spec.steps, abm, env.path.state.x, env.path.state.v);
      else fraction = actionFraction(mlpMu(block!, env.observe().subarray(0, OBSERVATION_FEATURES), constantMask), block![4]!, block![5]!, spec.steps - k);
      env.step(fraction);
    }
    const columns = [env.timing, env.permanent, env.temporary, env.transient, env.spread, env.q, env.cum, env.maxp,
      env.path.price(exp), env.ret];
    columns.forEach((value, c) => { out[c * stride + i] = value; });
  }
}
