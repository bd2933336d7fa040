// TypeScript's copy of the wasm layout constants (assembly/market-params.ts, rollout/scratch.ts, rng/philox.ts);
// test/engine/layout.test.ts checks every one against the assembly sources and the compiled module.
import { E, S, OBSERVATION_FEATURES, ROLLOUT_COLUMNS, FEATURE } from './env-layout.js';

// Price models (and Heston schemes)
export const MODEL_HESTON_EULER = 0;
export const MODEL_HESTON_QE = 1;
export const MODEL_GBM = 2;
export const MODEL_ABM = 3;

/** Steps per rollout block (draws generated ahead for eight paths). */
export const STEP_BLOCK = 64;
/** Paths per SIMD group of the rollout kernels; output buffers are padded to a multiple of it. */
export const PATH_GROUP = 8;

// Parameter block slots
export const P_X0 = 0,
  P_V0 = 1,
  P_MU_DT = 2;
export const P_DT = 3,
  P_HALF_DT = 4,
  P_KAPPA_THETA_DT = 5,
  P_KAPPA_DT = 6,
  P_XI = 7,
  P_RHO = 8,
  P_RHO_BAR = 9;
export const P_THETA = 10,
  P_E = 11,
  P_S2_V = 12,
  P_S2_0 = 13,
  P_K0 = 14,
  P_K1 = 15,
  P_K2 = 16,
  P_K3 = 17,
  P_K4 = 18,
  P_A = 19,
  P_K1_HALF_K3 = 20,
  P_PSI_C = 21;
export const P_DRIFT_DT = 22,
  P_VOL_SQRT_DT = 23;
/** 1 when the run draws single-precision normals (the opt-in `precision: "f32"`), 0 for f64. */
export const P_NORMALS_F32 = 24;
export const MODEL_PARAMS_LENGTH = 25;

/** Philox4x32-10: rounds, and the bytes of the per-environment table of round keys (two words a round, SIMD-splat). */
export const PHILOX_ROUNDS = 10;
export const PHILOX_KEY_TABLE_BYTES = (2 * PHILOX_ROUNDS + 2) * 16;

/** The ids of assembly/memory.ts layout(id), with the value TypeScript expects. */
export const LAYOUT_CHECKS: Array<[id: number, name: string, expected: number]> = [
  [0, 'MODEL_PARAMS_LENGTH', MODEL_PARAMS_LENGTH],
  [1, 'P_PSI_C', P_PSI_C],
  [2, 'P_RHO_BAR', P_RHO_BAR],
  [3, 'MODEL_HESTON_EULER', MODEL_HESTON_EULER],
  [4, 'MODEL_HESTON_QE', MODEL_HESTON_QE],
  [5, 'STEP_BLOCK', STEP_BLOCK],
  [6, 'MODEL_GBM', MODEL_GBM],
  [7, 'MODEL_ABM', MODEL_ABM],
  [8, 'P_VOL_SQRT_DT', P_VOL_SQRT_DT],
  [9, 'E.STATE_STRIDE', E.STATE_STRIDE],
  [10, 'E.HEADER_LENGTH', E.HEADER_LENGTH],
  [11, 'S.FIELDS', S.FIELDS],
  [12, 'OBSERVATION_FEATURES', OBSERVATION_FEATURES],
  [13, 'ROLLOUT_COLUMNS', ROLLOUT_COLUMNS],
  [14, 'FEATURE.TIME_LEFT', FEATURE.TIME_LEFT],
  [15, 'FEATURE.VARIANCE', FEATURE.VARIANCE],
  [16, 'FEATURE.VOLUME_LEVEL', FEATURE.VOLUME_LEVEL],
  [17, 'FEATURE.TRANSIENT', FEATURE.TRANSIENT],
  [18, 'S.REWARD', S.REWARD],
  [19, 'S.RETURN', S.RETURN],
];

/** n rounded up to a multiple of PATH_GROUP. */
export function padPaths(n: number): number {
  return Math.ceil(n / PATH_GROUP) * PATH_GROUP;
}
