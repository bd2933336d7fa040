// Plain-TS twin of assembly/rollout/execution-env.ts: one path of the execution environment, the same operations
// in the same order as each lane of stepPaths (tradePairs, then the price model) and observePaths.
import { type EnvSpec } from '../../engine/env-spec.js';
import * as L from '../../engine/layout.js';
import { MODEL_ABM, MODEL_HESTON_EULER, MODEL_HESTON_QE, P_X0 } from '../../engine/layout.js';
import { OBJECTIVE_MEAN_VARIANCE, OBJECTIVE_OPD } from '../../engine/env-layout.js';
import { exp } from '../../math/exp.js';
import { log } from '../../math/log.js';
import { normalQuad } from '../rng/normal.js';
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
  /** sum m n, the market's volume multiplier u of the coming step, its log-noise psi, and the market VWAP's sums. */
  permLevel = 0;
  volumeMult = 1;
  volumeLog = 0;
  vwapSum = 0;
  volumeSum = 0;
  private pathIndex = 0;
  private readonly volumeNormals = new Float64Array(4);

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
    this.permLevel = this.volumeLog = this.vwapSum = this.volumeSum = 0;
    this.volumeMult = 1;
    this.pathIndex = pathIndex;
    if (this.spec.volumeNoise) this.nextVolume(0);
  }

  /** nextVolume of the kernel for this path: psi's AR(1) step from normal k of stream 2, then u. */
  private nextVolume(k: number): void {
    const s = this.spec;
    if ((k & 3) === 0)
      normalQuad(this.pathIndex, k >> 2, 2, s.seed.lo, s.seed.hi, this.volumeNormals, s.params[L.P_NORMALS_F32] !== 0);
    const sigma = s.volumeNoise!,
      phi = s.volumePersistence ?? 0,
      elasticity = s.volumeElasticity ?? 0;
    const keep = k === 0 ? 0.0 : phi,
      shock = k === 0 ? sigma : sigma * Math.sqrt(1.0 - phi * phi);
    const psi = keep * this.volumeLog + shock * this.volumeNormals[k & 3]!;
    this.volumeLog = psi;
    let logU = psi + -0.5 * sigma * sigma;
    if (elasticity !== 0 && s.obsVarianceScale > 0)
      logU = logU + 0.5 * elasticity * log(pmax(1e-4, this.path.state.v * s.obsVarianceScale));
    this.volumeMult = exp(logU);
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
      s.volumeNoise ? (volume / s.meanVolume) * this.volumeMult : volume / s.meanVolume,
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
    const heston = s.modelId === MODEL_HESTON_EULER || s.modelId === MODEL_HESTON_QE;
    const volume = s.stepVolume[k]!;
    const season = s.season?.[k] ?? 1;
    const pathVol = (s.impactVolScale ?? 0) !== 0;
    const stochastic = !!s.volumeNoise;
    const u = stochastic ? this.volumeMult : 1.0;
    const capVolume = stochastic ? s.participationCap * volume * u : s.participationCap * volume;
    const x = this.path.state.x;
    const n = tradeSize(fraction, this.q, capVolume, forced);
    const excess = excessCost(n, capVolume, s.penaltyPerShare, forced);
    const price = abm ? x : exp(x);
    const m = !pathVol ? 1.0 : heston ? s.impactVolScale! * season * Math.sqrt(pmax(this.path.state.v, 0)) : season;
    const nOverU = stochastic ? n / u : n;
    const factor = s.permanentLog === 0.0 ? 1.0 : permanentFactor(-s.side * s.permanentLog, this.permLevel);
    const temporaryBase = temporaryPerShare(nOverU, s.temporaryScale[k]!, s.temporaryBeta);
    const temporary = pathVol ? m * temporaryBase : temporaryBase;
    const d = transientSum(this.components);
    const impulseBase = transientImpulse(s.transientByVolume ? nOverU : n, s.transientScale[k]!, s.transientBeta);
    const impulse = pathVol ? m * impulseBase : impulseBase;
    const self = s.transientSelf ?? 0;
    const paid = self !== 0 && this.components.length > 0 ? d + self * impulse : d;
    const shift = permanentShift(s.permanentAdd, this.permLevel);
    const sideN = s.side * n;
    const cost = stepCost(sideN, s.s0, price, factor, n, temporary, paid, s.spread[k]!, shift, excess);
    this.timing += sideN * (s.s0 - price);
    this.permanent += permanentCost(sideN, price, factor, n, shift);
    this.temporary = this.temporary + n * temporary + excess;
    this.spread += n * s.spread[k]!;
    this.maxp = pmax(this.maxp, nOverU * (1.0 / volume));
    this.transient += n * paid;
    transientDecay(this.components, s.kernelWeights, s.kernelDecays, impulse);
    const marketVolume = volume * u;
    this.vwapSum += price * marketVolume;
    this.volumeSum += marketVolume;
    this.cum += n;
    this.permLevel = pathVol ? this.permLevel + m * n : this.permLevel + n;
    this.q -= n;
    const toBps = 1e4 / (s.shares * s.s0);
    let reward = cost;
    if (s.objective === OBJECTIVE_MEAN_VARIANCE) {
      const variance = heston ? pmax(this.path.state.v, 0) : s.modelVariance;
      reward = reward + riskCost(s.riskCoef, price, variance * (season * season), this.q, abm);
    }
    reward = -(reward * toBps);
    this.priceSum += price;
    if (s.objective === OBJECTIVE_OPD) {
      reward = reward - (s.alpha / (s.shares * s.shares)) * (n * n);
      if (lastStep) reward = reward + s.side * (s.s0 - this.priceSum * (1.0 / s.steps)) * this.cum * toBps;
    }
    this.reward = reward;
    this.ret += reward;
    this.path.step(k, season);
    this.k = k + 1;
    if (stochastic && this.k < s.steps) this.nextVolume(this.k);
  }
}
