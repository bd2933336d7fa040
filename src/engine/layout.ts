// TypeScript's copy of the wasm layout constants (assembly/heston/params.ts, rollout/scratch.ts); test/engine/layout.test.ts checks them.

export const SCHEME_EULER = 0;
export const SCHEME_QE = 1;
export type SchemeName = 'euler' | 'qe';
export const SCHEME_IDS: Record<SchemeName, number> = { euler: SCHEME_EULER, qe: SCHEME_QE };

/** Steps per rollout block (draws generated ahead for eight paths). */
export const STEP_BLOCK = 64;
/** Paths per SIMD group of the rollout kernels; output buffers are padded to a multiple of it. */
export const PATH_GROUP = 8;

// Heston parameter block slots
export const P_X0 = 0, P_V0 = 1, P_MU_DT = 2;
export const P_DT = 3, P_HALF_DT = 4, P_KAPPA_THETA_DT = 5, P_KAPPA_DT = 6, P_XI = 7, P_RHO = 8, P_RHO_BAR = 9;
export const P_THETA = 10, P_E = 11, P_S2_V = 12, P_S2_0 = 13, P_K0 = 14, P_K1 = 15, P_K2 = 16, P_K3 = 17,
  P_K4 = 18, P_A = 19, P_K1_HALF_K3 = 20, P_PSI_C = 21;
export const HESTON_PARAMS_LENGTH = 22;

/** The ids of assembly/memory.ts layout(id), with the value TypeScript expects. */
export const LAYOUT_CHECKS: Array<[id: number, name: string, expected: number]> = [
  [0, 'HESTON_PARAMS_LENGTH', HESTON_PARAMS_LENGTH],
  [1, 'P_PSI_C', P_PSI_C],
  [2, 'P_RHO_BAR', P_RHO_BAR],
  [3, 'SCHEME_EULER', SCHEME_EULER],
  [4, 'SCHEME_QE', SCHEME_QE],
  [5, 'STEP_BLOCK', STEP_BLOCK],
];

/** n rounded up to a multiple of PATH_GROUP. */
export function padPaths(n: number): number {
  return Math.ceil(n / PATH_GROUP) * PATH_GROUP;
}
