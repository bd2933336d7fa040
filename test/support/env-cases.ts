// Execution environments and policies for the closed-loop kernel tests: every model, a concave temporary part, a
// power-law transient kernel, a participation cap that binds; every policy kind and every objective.
import type { NormalPrecision, PriceModel } from '../../src/engine/model-params.js';
import { modelParamBlock } from '../../src/engine/model-params.js';
import type { EnvSpec, PolicyRef } from '../../src/engine/env-spec.js';
import {
  POLICY_SCHEDULE,
  POLICY_ADAPTIVE_AC,
  POLICY_MLP,
  POLICY_POV,
  AC,
  OBJECTIVE_COST,
  OBJECTIVE_MEAN_VARIANCE,
  OBJECTIVE_OPD,
  ROLLOUT_COLUMNS,
} from '../../src/engine/env-layout.js';
import { mlpBlock, mlpBlockAsF64 } from '../../src/engine/mlp-layout.js';
import { powerLawKernel } from '../../src/market/transient-kernel.js';
import type { KernelBackend } from '../../src/engine/backend.js';
import { SEED } from './markets.js';

/** Paths the closed-loop kernel walks together (assembly/rollout/closed-loop.ts ROLLOUT_BLOCK). */
export const ROLLOUT_BLOCK = 64;
/** Three full blocks and a ragged tail (13 paths of a 16-path block). */
export const RAGGED_PATHS = 3 * ROLLOUT_BLOCK + 13;

export function envSpec(model: PriceModel, modelId: number, side: 1 | -1, precision: NormalPrecision = 'f64'): EnvSpec {
  const steps = 23,
    kernel = powerLawKernel(0.5, 1, steps, 4);
  const stepVolume = Float64Array.from({ length: steps }, (_, k) => 5000 + 300 * k);
  return {
    modelId,
    params: modelParamBlock(model, 1 / (252 * 390), precision),
    steps,
    shares: 60_000,
    s0: model.s0,
    side,
    permanentLog: model.kind === 'abm' ? 0 : 2e-7,
    permanentAdd: model.kind === 'abm' ? 1e-6 : 0,
    temporaryBeta: 0.6,
    transientBeta: 0.8,
    transientSelf: 1 / 1.8,
    kernelWeights: kernel.weights,
    kernelDecays: kernel.decays,
    participationCap: 0.6,
    seed: SEED,
    temporaryScale: stepVolume.map((v) => (0.01 * model.s0) / v ** 0.6),
    spread: new Float64Array(steps).fill(0.01),
    transientScale: stepVolume.map((v) => (0.002 * model.s0) / v ** 0.8),
    stepVolume,
    obsPriceScale: 12.5,
    obsVarianceScale: model.kind === 'heston' ? 25 : 0,
    obsTransientScale: 0.3,
    meanVolume: 8000,
    objective: OBJECTIVE_COST,
    riskCoef: 0,
    alpha: 0,
    modelVariance: 0.09,
    forceLiquidation: false,
    penaltyPerShare: 0,
  };
}

/**
 * A path-dependent market on top of envSpec: impact at the path's volatility, a U-shaped volatility profile, and
 * AR(1) log-normal volume noise that rises with the Heston variance.
 */
export function pathMarketSpec(spec: EnvSpec, model: PriceModel): EnvSpec {
  return {
    ...spec,
    impactVolScale: model.kind === 'heston' ? 1 / Math.sqrt(model.v0) : 1,
    season: Float64Array.from({ length: spec.steps }, (_, k) => 0.7 + (0.04 * (k - spec.steps / 2) ** 2) / spec.steps),
    volumeNoise: 0.4,
    volumePersistence: 0.7,
    volumeElasticity: model.kind === 'heston' ? 1 : 0,
    transientByVolume: true,
  };
}

/** POV at 30% of the market's realised volume. */
export const povPolicy: PolicyRef = { kind: POLICY_POV, params: Float64Array.of(0.3) };

/** The three objectives; OPD with forced liquidation, a penalty and a cap low enough that the penalty is paid. */
export const OBJECTIVES: Array<[string, Partial<EnvSpec>]> = [
  ['cost', {}],
  ['mean-variance', { objective: OBJECTIVE_MEAN_VARIANCE, riskCoef: 1e-9 }],
  ['OPD', { objective: OBJECTIVE_OPD, alpha: 3, forceLiquidation: true, penaltyPerShare: 0.05, participationCap: 0.1 }],
];

/** A network with reproducible pseudo-random weights (hidden 16, 8), inputs normalised around plausible values. */
export function randomMlp(seed: number): Float32Array {
  let state = seed;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const arr = (n: number, scale: number) => Float32Array.from({ length: n }, () => rand() * scale);
  return mlpBlock({
    actionScale: seed % 2 ? 4 : 0,
    inputs: 6,
    hidden: [16, 8],
    obsMean: [0.5, 0.5, 1, 0, 1, 0],
    obsStd: [0.3, 0.3, 0.5, 1, 0.5, 1],
    w1: arr(96, 1),
    b1: arr(16, 0.2),
    w2: arr(128, 0.7),
    b2: arr(8, 0.2),
    w3: arr(8, 1),
    b3: [-1],
  });
}

export const schedulePolicy = (steps: number): PolicyRef => ({
  kind: POLICY_SCHEDULE,
  params: Float64Array.from({ length: steps }, (_, k) => 1000 + 200 * (k % 5)),
});

export function adaptiveAcPolicy(model: PriceModel, lambda = 1e-5): PolicyRef {
  const params = new Float64Array(AC.LENGTH);
  params[AC.LAMBDA] = lambda;
  params[AC.ETA_TILDE] = 1e-4;
  params[AC.TAU_DAYS] = 1 / 390;
  params[AC.USE_STATE_VARIANCE] = model.kind === 'heston' ? 1 : 0;
  params[AC.VARIANCE_YEAR] = 0.09;
  return { kind: POLICY_ADAPTIVE_AC, params };
}

/** Every policy kind: a schedule, adaptive AC, an MLP with an action scale (odd seed) and a plain sigmoid MLP. */
export function policies(model: PriceModel, steps: number): Array<[string, PolicyRef]> {
  return [
    ['schedule', schedulePolicy(steps)],
    ['adaptive AC', adaptiveAcPolicy(model)],
    ['MLP', { kind: POLICY_MLP, params: mlpBlockAsF64(randomMlp(7)) }],
    ['plain MLP', { kind: POLICY_MLP, params: mlpBlockAsF64(randomMlp(8)) }],
  ];
}

/** closedLoopRollout of n paths from firstPath on one backend: ROLLOUT_COLUMNS columns of n. */
export function rollout(
  backend: KernelBackend,
  spec: EnvSpec,
  policy: PolicyRef,
  n: number,
  firstPath = 77,
): Float64Array {
  const out = new Float64Array(ROLLOUT_COLUMNS * n);
  backend.closedLoopRollout(spec, firstPath, n, policy, out, n);
  return out;
}
