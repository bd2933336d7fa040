// Plain-TS twin of assembly/rollout/execution-env.ts: one path of the execution environment, the same operations
// in the same order as each lane of stepPaths (tradePairs, then the price model) and observePaths.
import { type EnvSpec } from '../../engine/env-spec.js';
import { MODEL_ABM, MODEL_HESTON_EULER, MODEL_HESTON_QE, P_X0 } from '../../engine/layout.js';
import { OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD } from '../../engine/env-layout.js';
import { exp } from '../../math/exp.js';
import { temporaryPerShare } from '../impact/temporary.js';
import { permanentFactor, permanentShift, permanentCost } from '../impact/permanent.js';
import { transientSum, transientImpulse, transientDecay } from '../impact/transient.js';
import { PathStepper } from './model-block.js';

/** f64x2.pmin / pmax semantics (b < a ? b : a and a < b ? b : a), which the clamps rely on for NaN. */
const pmin = (a: number, b: number) => (b < a ? b : a);
const pmax = (a: number, b: number) => (a < b ? b : a);

/** Shares traded: fraction f of inventory q, f clamped to [0, 1] (NaN as 0), capped; a forced trade takes all of q. */
export function tradeSize(fraction: number, q: number, capVolume: number, forced: boolean): number {
  return forced ? q : pmin(capVolume, pmin(1.0, pmax(0.0, fraction)) * q);
}

/** A forced liquidation above the cap pays a penalty per excess share (booked with the temporary cost). */
export function excessCost(n: number, capVolume: number, penalty: number, forced: boolean): number {
  return forced ? penalty * pmax(0.0, n - capVolume) : 0.0;
}

/** The step's cost: sigma n (s0 - S f) + n (temporary + D + spread + shift) + excess. */
export function stepCost(
  sideN: number,
  s0: number,
  price: number,
  factor: number,
  n: number,
  temporary: number,
  d: number,
  spread: number,
  shift: number,
  excess: number,
): number {
  return sideN * (s0 - price * factor) + n * (temporary + d + spread + shift) + excess;
}

/** Mean-variance's risk term riskCoef pv x^2, x the shares left after the trade. */
export function riskCost(riskCoef: number, price: number, variance: number, qAfter: number, abm: boolean): number {
  const priceVariance = abm ? variance : price * price * variance;
  return riskCoef * priceVariance * (qAfter * qAfter);
}

/** The environment state of one path, stepped exactly as the wasm kernel steps each lane. */
export class ReferenceEnvPath {
  readonly path: PathStepper;
  readonly components: Float64Array;
  q = 0;
  cum = 0;
  timing = 0;
  permanent = 0;
  temporary = 0;
  transient = 0;
  spread = 0;
  maxp = 0;
  priceSum = 0;
  reward = 0;
  ret = 0;
  k = 0;

  constructor(readonly spec: EnvSpec) {
    this.path = new PathStepper(spec.modelId, spec.params, spec.seed);
    this.components = new Float64Array(spec.kernelWeights.length);
  }

  /** envReset for this path. */
  reset(pathIndex: number): void {
    this.path.reset(pathIndex);
    this.components.fill(0);
    this.q = this.spec.shares;
    this.cum = this.timing = this.permanent = this.temporary = this.transient = this.spread = this.maxp = 0;
    this.priceSum = this.reward = this.ret = this.k = 0;
  }

  /** envObserve for this path: OBSERVATION_FEATURES f32 values. */
  observe(): Float32Array {
    const s = this.spec,
      k = this.k;
    const d = transientSum(this.components);
    const volume = s.stepVolume[Math.min(k, s.steps - 1)]!;
    return Float32Array.of(
      (s.steps - k) / s.steps,
      this.q * (1.0 / s.shares),
      s.obsVarianceScale > 0 ? this.path.state.v * s.obsVarianceScale : 1.0,
      (this.path.state.x - s.params[P_X0]!) * s.obsPriceScale,
      volume / s.meanVolume,
      d * s.obsTransientScale,
    );
  }

  /** envStep for this path with the given fraction of the remaining inventory. */
  step(fraction: number): void {
    const s = this.spec,
      k = this.k,
      abm = s.modelId === MODEL_ABM;
    const lastStep = k === s.steps - 1;
    const forced = lastStep && s.forceLiquidation;
    const volume = s.stepVolume[k]!;
    const capVolume = s.participationCap * volume;
    const x = this.path.state.x;
    const n = tradeSize(fraction, this.q, capVolume, forced);
    const excess = excessCost(n, capVolume, s.penaltyPerShare, forced);
    const price = abm ? x : exp(x);
    const factor = s.permanentLog === 0.0 ? 1.0 : permanentFactor(-s.side * s.permanentLog, this.cum);
    const temporary = temporaryPerShare(n, s.temporaryScale[k]!, s.temporaryBeta);
    const d = transientSum(this.components);
    const impulse = transientImpulse(n, s.transientScale[k]!, s.transientBeta);
    const self = s.transientSelf ?? 0;
    const paid = self !== 0 && this.components.length > 0 ? d + self * impulse : d;
    const shift = permanentShift(s.permanentAdd, this.cum);
    const sideN = s.side * n;
    const cost = stepCost(sideN, s.s0, price, factor, n, temporary, paid, s.spread[k]!, shift, excess);
    this.timing += sideN * (s.s0 - price);
    this.permanent += permanentCost(sideN, price, factor, n, shift);
    this.temporary = this.temporary + n * temporary + excess;
    this.spread += n * s.spread[k]!;
    this.maxp = pmax(this.maxp, n * (1.0 / volume));
    this.transient += n * paid;
    transientDecay(this.components, s.kernelWeights, s.kernelDecays, impulse);
    this.cum += n;
    this.q -= n;
    const toBps = 1e4 / (s.shares * s.s0);
    let reward = cost;
    if (s.objective === OBJECTIVE_MEAN_VARIANCE) {
      const heston = s.modelId === MODEL_HESTON_EULER || s.modelId === MODEL_HESTON_QE;
      reward = reward + riskCost(s.riskCoef, price, heston ? pmax(this.path.state.v, 0) : s.modelVariance, this.q, abm);
    }
    reward = -(reward * toBps);
    if (s.objective === OBJECTIVE_OPD) {
      this.priceSum += price;
      reward = reward - (s.alpha / (s.shares * s.shares)) * (n * n);
      if (lastStep) reward = reward + s.side * (s.s0 - this.priceSum * (1.0 / s.steps)) * this.cum * toBps;
    }
    this.reward = reward;
    this.ret += reward;
    this.path.step(k);
    this.k = k + 1;
  }
}
