// TypeScript's copy of assembly/rollout/env-layout.ts and the policy slots (test/engine/layout.test.ts checks every one).

export const E = {
  MODEL: 0,
  STEPS: 1,
  PATHS: 2,
  SHARES: 3,
  S0: 4,
  SIDE: 5,
  PERM_LOG: 6,
  PERM_ADD: 7,
  TEMP_BETA: 8,
  TRANS_BETA: 9,
  COMPONENTS: 10,
  CAP: 11,
  SEED_LO: 12,
  SEED_HI: 13,
  FIRST_PATH: 14,
  STEP: 15,
  OBS_PRICE_SCALE: 16,
  OBS_VARIANCE_SCALE: 17,
  OBS_TRANSIENT_SCALE: 18,
  MEAN_VOLUME: 19,
  OFF_PARAMS: 20,
  OFF_TEMP_SCALE: 21,
  OFF_SPREAD: 22,
  OFF_TRANS_SCALE: 23,
  OFF_VOLUME: 24,
  OFF_KERNEL_W: 25,
  OFF_KERNEL_D: 26,
  OFF_STATE: 27,
  OFF_NORMALS: 28,
  OFF_UNIFORMS: 29,
  OFF_WORDS: 30,
  OFF_KEYS: 31,
  OFF_FRACTIONS: 32,
  OFF_OBSERVATIONS: 33,
  OBJECTIVE: 34,
  RISK_COEF: 35,
  ALPHA: 36,
  FORCE_LIQUIDATION: 37,
  PENALTY: 38,
  MODEL_VARIANCE: 39,
  STATE_STRIDE: 40,
  TRANS_SELF: 41,
  IMPACT_VOL: 42,
  VOLUME_NOISE: 43,
  VOLUME_PERSISTENCE: 44,
  VOLUME_ELASTICITY: 45,
  TRANS_BY_VOLUME: 46,
  OFF_SEASON: 47,
  OFF_VOLUME_NORMALS: 48,
  HEADER_LENGTH: 49,
} as const;

export const S = {
  X: 0,
  V: 1,
  Q: 2,
  CUM: 3,
  TIMING: 4,
  PERMANENT: 5,
  TEMPORARY: 6,
  TRANSIENT: 7,
  SPREAD: 8,
  MAXP: 9,
  PRICE_SUM: 10,
  REWARD: 11,
  RETURN: 12,
  PERM_LEVEL: 13,
  VOLUME_LOG: 14,
  VOLUME_MULT: 15,
  VWAP_SUM: 16,
  VOLUME_SUM: 17,
  TRANSIENT_0: 18,
  FIELDS: 18,
} as const;

export const OBJECTIVE_COST = 0;
export const OBJECTIVE_MEAN_VARIANCE = 1;
export const OBJECTIVE_OPD = 2;
/** Observation features per path: time left, inventory left, variance, price move, volume level, transient state. */
export const OBSERVATION_FEATURES = 6;
export const OBSERVATION_NAMES = [
  'timeLeft',
  'inventoryLeft',
  'variance',
  'priceMove',
  'volumeLevel',
  'transient',
] as const;
/** Bits of the features, in plane order (see stepConstantFeatures). */
export const FEATURE = {
  TIME_LEFT: 1,
  INVENTORY_LEFT: 2,
  VARIANCE: 4,
  PRICE_MOVE: 8,
  VOLUME_LEVEL: 16,
  TRANSIENT: 32,
} as const;

export const POLICY_SCHEDULE = 0;
export const POLICY_ADAPTIVE_AC = 1;
export const POLICY_MLP = 2;
export const POLICY_POV = 3;
export const AC = { LAMBDA: 0, ETA_TILDE: 1, TAU_DAYS: 2, USE_STATE_VARIANCE: 3, VARIANCE_YEAR: 4, LENGTH: 5 } as const;
/**
 * Columns of closedLoopRollout: timing, permanent, temporary, transient, spread, left, executed, max participation,
 * unimpacted terminal price, episode return, permanent level (sum m n), market VWAP of the unimpacted price, the last
 * step's volume multiplier u (1 without stochastic volume), the window's average unimpacted price.
 */
export const ROLLOUT_COLUMNS = 14;
/** Environments and network batches run in blocks of 16 paths (four f32x4). */
export const ENV_PATH_BLOCK = 16;
