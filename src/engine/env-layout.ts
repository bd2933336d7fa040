// TypeScript's copy of assembly/rollout/env-layout.ts and the policy parameter slots (checked by test/engine/layout.test.ts).

export const E = {
  MODEL: 0, STEPS: 1, PATHS: 2, SHARES: 3, S0: 4, SIDE: 5, PERM_LOG: 6, PERM_ADD: 7, TEMP_BETA: 8, TRANS_BETA: 9,
  COMPONENTS: 10, CAP: 11, SEED_LO: 12, SEED_HI: 13, FIRST_PATH: 14, STEP: 15, SIGMA0: 16, VAR_REF: 17, DT_YEARS: 18,
  OFF_PARAMS: 20, OFF_TEMP_SCALE: 21, OFF_SPREAD: 22, OFF_TRANS_SCALE: 23, OFF_VOLUME: 24, OFF_KERNEL_W: 25,
  OFF_KERNEL_D: 26, OFF_STATE: 27, OFF_NORMALS: 28, OFF_UNIFORMS: 29, OFF_WORDS: 30, OFF_KEYS: 31, OFF_FRACTIONS: 32,
  HEADER_LENGTH: 40,
} as const;

export const S = {
  X: 0, V: 1, Q: 2, CUM: 3, TIMING: 4, PERMANENT: 5, TEMPORARY: 6, TRANSIENT: 7, SPREAD: 8, MAXP: 9, STEP_COST: 10,
  PRICE_SUM: 11, TRANSIENT_0: 12, FIELDS: 12,
} as const;

export const POLICY_SCHEDULE = 0;
export const POLICY_ADAPTIVE_AC = 1;
export const AC = { LAMBDA: 0, ETA_TILDE: 1, TAU_DAYS: 2, USE_STATE_VARIANCE: 3, VARIANCE_YEAR: 4, LENGTH: 5 } as const;
/** Columns of closedLoopRollout: timing, permanent, temporary, transient, spread, left, executed, max participation, S_N. */
export const ROLLOUT_COLUMNS = 9;
