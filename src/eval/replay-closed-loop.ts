// Closed-loop strategies (adaptive Almgren-Chriss, MLP policies) on a real day: one decision a step from what is known
// then (the time and inventory left, the day's price move since arrival, a variance estimate from the bars so far).
import { POLICY_ADAPTIVE_AC, POLICY_MLP } from '../engine/env-layout.js';
import { adaptiveAcFraction } from '../engine/adaptive-ac-fraction.js';
import { mlpOffsets, actionShift, actionFraction } from '../engine/mlp-layout.js';
import { initialVolatility } from '../engine/model-params.js';
import type { ExecutionPlan, ClosedLoopStrategyPlan } from './plan.js';
import type { ReplayDayInput } from './replay.js';

/** Pseudo-steps of weight the market's calibrated variance keeps in the running estimate (a shrinkage prior). */
export const PRIOR_STEPS = 5;

/** The closed-loop policies replay can run (the others need state the bars do not have). */
export function replayableClosedLoop(s: ClosedLoopStrategyPlan): boolean {
  return s.policy.kind === POLICY_ADAPTIVE_AC || s.policy.kind === POLICY_MLP;
}

/**
 * mu of the policy network for one observation, in f64 (the engine runs the same network in f32: the two agree to
 * about 1e-6 relative, far below what moves a fraction of the inventory). params: mlp-layout's block as f64.
 */
function mlpMean(params: Float64Array, obs: number[]): number {
  const f32 = new Float32Array(params.buffer, params.byteOffset, params.length * 2);
  const nIn = f32[0]!,
    h1 = f32[1]!,
    h2 = f32[2]!;
  const o = mlpOffsets(nIn, h1, h2);
  const x = obs.map((v, i) => Math.min(Math.max((v - f32[o.mean + i]!) * f32[o.invStd + i]!, -10), 10));
  const dense = (input: number[], nOut: number, w: number, b: number, relu: boolean) =>
    Array.from({ length: nOut }, (_, j) => {
      let acc = f32[b + j]!;
      for (let i = 0; i < input.length; i++) acc += f32[w + j * input.length + i]! * input[i]!;
      return relu && acc < 0 ? 0 : acc;
    });
  const a = dense(x, h1, o.w1, o.b1, true);
  const b = dense(a, h2, o.w2, o.b2, true);
  return dense(b, 1, o.w3, o.b3, false)[0]!;
}

/**
 * Shares traded at each step of the day, capped at participationCap x the step's real volume; what is left at the end
 * is the caller's (opportunity at the close, as for static schedules). The variance the policy sees is the calibrated
 * v0 shrunk towards the realised variance of the day's step returns so far: (PRIOR_STEPS v0 + sum r^2 / dt) /
 * (PRIOR_STEPS + returns seen). Observations mirror the env's (src/reference/rollout/execution-env.ts observe): the
 * volume feature is the configured curve's, as in training (the bar's own volume is not known before it closes), and
 * the transient state is 0 (replay does not replay transient impact).
 */
export function closedLoopQuantities(
  plan: ExecutionPlan,
  s: ClosedLoopStrategyPlan,
  day: ReplayDayInput,
): Float64Array {
  const steps = plan.steps,
    shares = plan.orderShares;
  const m = plan.model;
  const sigma0 = initialVolatility(m);
  const v0 = m.kind === 'heston' ? m.v0 : sigma0 * sigma0;
  const horizonYears = plan.horizonYears,
    dtYears = horizonYears / steps;
  const priceScale = 1 / Math.max(sigma0 * Math.sqrt(horizonYears), 1e-12);
  const varianceScale = m.kind === 'heston' ? 1 / Math.max(m.theta > 0 ? m.theta : m.v0, 1e-12) : 0;
  const meanVolume = plan.stepVolume.reduce((a, b) => a + b, 0) / steps;
  const abm = m.kind === 'abm';
  const params = s.policy.params;
  const isMlp = s.policy.kind === POLICY_MLP;
  const actionScale = isMlp ? new Float32Array(params.buffer, params.byteOffset, 8)[3]! : 0;
  const shift = actionShift(actionScale);
  const qty = new Float64Array(steps);
  let q = shares,
    sumSquares = 0,
    returns = 0;
  for (let k = 0; k < steps && q > 0; k++) {
    const price = day.price[k]!;
    if (k > 0 && day.price[k - 1]! > 0 && price > 0) {
      const r = Math.log(price / day.price[k - 1]!);
      sumSquares += r * r;
      returns++;
    }
    const v = (PRIOR_STEPS * v0 + sumSquares / dtYears) / (PRIOR_STEPS + returns);
    const move = Math.log(price / day.arrivalPrice);
    let fraction: number;
    if (isMlp) {
      const obs = [
        (steps - k) / steps,
        q / shares,
        varianceScale > 0 ? v * varianceScale : 1,
        abm ? ((price - day.arrivalPrice) / day.arrivalPrice) * priceScale : move * priceScale,
        plan.stepVolume[k]! / meanVolume,
        0,
      ];
      fraction = actionFraction(mlpMean(params, obs), actionScale, shift, steps - k);
    } else {
      // the policy's impact is in the plan's price units: the day's move applied to the plan's s0
      const x = abm ? plan.s0 * (price / day.arrivalPrice) : Math.log(plan.s0) + move;
      fraction = adaptiveAcFraction(params, k, steps, abm, x, abm ? v * plan.s0 * plan.s0 : v);
    }
    const n = Math.min(plan.participationCap * day.volume[k]!, Math.min(1, Math.max(0, fraction)) * q);
    qty[k] = n;
    q -= n;
  }
  return qty;
}
