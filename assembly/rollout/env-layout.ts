// Layout of a batched execution environment in memory (TypeScript builds it: src/engine/env-layout.ts mirrors it).
// A header of f64 slots, then per-step arrays and per-path state arrays at the byte offsets the header gives.

// Header slots (f64)
// @ts-ignore: decorator
@inline export const E_MODEL: i32 = 0;
// @ts-ignore: decorator
@inline export const E_STEPS: i32 = 1;
// @ts-ignore: decorator
@inline export const E_PATHS: i32 = 2;        // B, a multiple of 4
// @ts-ignore: decorator
@inline export const E_SHARES: i32 = 3;
// @ts-ignore: decorator
@inline export const E_S0: i32 = 4;
// @ts-ignore: decorator
@inline export const E_SIDE: i32 = 5;         // +1 sell, -1 buy
// @ts-ignore: decorator
@inline export const E_PERM_LOG: i32 = 6;     // log-price shift per share (log models)
// @ts-ignore: decorator
@inline export const E_PERM_ADD: i32 = 7;     // price shift per share (ABM)
// @ts-ignore: decorator
@inline export const E_TEMP_BETA: i32 = 8;
// @ts-ignore: decorator
@inline export const E_TRANS_BETA: i32 = 9;
// @ts-ignore: decorator
@inline export const E_COMPONENTS: i32 = 10;  // J, transient kernel components
// @ts-ignore: decorator
@inline export const E_CAP: i32 = 11;         // participation cap
// @ts-ignore: decorator
@inline export const E_SEED_LO: i32 = 12;
// @ts-ignore: decorator
@inline export const E_SEED_HI: i32 = 13;
// @ts-ignore: decorator
@inline export const E_FIRST_PATH: i32 = 14;
// @ts-ignore: decorator
@inline export const E_STEP: i32 = 15;        // the next step to take
// @ts-ignore: decorator
@inline export const E_OBS_PRICE_SCALE: i32 = 16;     // price move since arrival -> units of sigma over the horizon
// @ts-ignore: decorator
@inline export const E_OBS_VARIANCE_SCALE: i32 = 17;  // 1 / reference variance (Heston theta); 0 for the Brownian models
// @ts-ignore: decorator
@inline export const E_OBS_TRANSIENT_SCALE: i32 = 18; // transient state -> units of s0 sigma0 sqrt(dt)
// @ts-ignore: decorator
@inline export const E_MEAN_VOLUME: i32 = 19;         // average step volume (the volume observation is V_k / it)
// byte offsets from the environment's base
// @ts-ignore: decorator
@inline export const E_OFF_PARAMS: i32 = 20;
// @ts-ignore: decorator
@inline export const E_OFF_TEMP_SCALE: i32 = 21;
// @ts-ignore: decorator
@inline export const E_OFF_SPREAD: i32 = 22;
// @ts-ignore: decorator
@inline export const E_OFF_TRANS_SCALE: i32 = 23;
// @ts-ignore: decorator
@inline export const E_OFF_VOLUME: i32 = 24;
// @ts-ignore: decorator
@inline export const E_OFF_KERNEL_W: i32 = 25;
// @ts-ignore: decorator
@inline export const E_OFF_KERNEL_D: i32 = 26;
// @ts-ignore: decorator
@inline export const E_OFF_STATE: i32 = 27;
// @ts-ignore: decorator
@inline export const E_OFF_NORMALS: i32 = 28;  // B / 4 x 128 bytes
// @ts-ignore: decorator
@inline export const E_OFF_UNIFORMS: i32 = 29; // B / 4 x 64 bytes
// @ts-ignore: decorator
@inline export const E_OFF_WORDS: i32 = 30;    // Philox words, 64 bytes per 4 paths
// @ts-ignore: decorator
@inline export const E_OFF_KEYS: i32 = 31;     // PHILOX_KEY_TABLE_BYTES
// @ts-ignore: decorator
@inline export const E_OFF_FRACTIONS: i32 = 32; // B f64: the fraction of the remaining inventory each path trades
// @ts-ignore: decorator
@inline export const E_OFF_OBSERVATIONS: i32 = 33; // OBSERVATION_FEATURES x B f32, feature-major
// @ts-ignore: decorator
@inline export const E_OBJECTIVE: i32 = 34;        // OBJECTIVE_*
// @ts-ignore: decorator
@inline export const E_RISK_COEF: i32 = 35;        // mean-variance: lambda tau / 252 (1 / currency x days / days-per-year)
// @ts-ignore: decorator
@inline export const E_ALPHA: i32 = 36;            // OPD: weight of the squared action
// @ts-ignore: decorator
@inline export const E_FORCE_LIQUIDATION: i32 = 37; // 1: the last step sells what is left, cap lifted, excess penalised
// @ts-ignore: decorator
@inline export const E_PENALTY: i32 = 38;          // currency per share traded above the cap at a forced liquidation
// @ts-ignore: decorator
@inline export const E_MODEL_VARIANCE: i32 = 39;   // GBM: sigma^2; ABM: sigma^2 in currency^2 per year
// @ts-ignore: decorator
@inline export const E_STATE_STRIDE: i32 = 40;    // bytes from one state array to the next (see src/engine/wasm-env.ts)
// @ts-ignore: decorator
@inline export const E_TRANS_SELF: i32 = 41;      // G(0) / (1 + betaT): the share of its own impulse a trade pays
// @ts-ignore: decorator
@inline export const E_IMPACT_VOL: i32 = 42;      // 0: impact at the arrival volatility; else 1 / sqrt(v0) (Heston) or 1: scaled by the path's volatility
// @ts-ignore: decorator
@inline export const E_VOLUME_NOISE: i32 = 43;    // sigma_V of the log-volume noise (0: the volume curve is deterministic)
// @ts-ignore: decorator
@inline export const E_VOLUME_PERSISTENCE: i32 = 44; // phi of the AR(1) log-volume noise
// @ts-ignore: decorator
@inline export const E_VOLUME_ELASTICITY: i32 = 45;  // a: volume scales with (v / theta)^(a / 2) (Heston)
// @ts-ignore: decorator
@inline export const E_TRANS_BY_VOLUME: i32 = 46;    // 1: the transient impulse is measured against the step's volume
// @ts-ignore: decorator
@inline export const E_OFF_SEASON: i32 = 47;         // N f64: the volatility multiplier s_k of each step (1: flat)
// @ts-ignore: decorator
@inline export const E_OFF_VOLUME_NORMALS: i32 = 48; // B / 4 x 128 bytes: the log-volume noise's normals (stream 2)
// @ts-ignore: decorator
@inline export const E_HEADER_LENGTH: i32 = 49;

// Objectives (the reward of a step, in bps of the arrival notional)
// @ts-ignore: decorator
@inline export const OBJECTIVE_COST: i32 = 0;           // minus the step's cost
// @ts-ignore: decorator
@inline export const OBJECTIVE_MEAN_VARIANCE: i32 = 1;  // minus (cost + lambda sigma^2 tau x^2), Almgren-Chriss per step
// @ts-ignore: decorator
@inline export const OBJECTIVE_OPD: i32 = 2;            // price advantage vs the window's average price - alpha a^2
/** Observation features per path (see envObserve). */
// @ts-ignore: decorator
@inline export const OBSERVATION_FEATURES: i32 = 6;
// Bits of the features, in plane order (stepConstantFeatures)
// @ts-ignore: decorator
@inline export const FEATURE_TIME_LEFT: i32 = 1;
// @ts-ignore: decorator
@inline export const FEATURE_VARIANCE: i32 = 4;
// @ts-ignore: decorator
@inline export const FEATURE_VOLUME_LEVEL: i32 = 16;
// @ts-ignore: decorator
@inline export const FEATURE_TRANSIENT: i32 = 32;

// State arrays (each B f64), array i at base + i E_STATE_STRIDE
// @ts-ignore: decorator
@inline export const S_X: i32 = 0;            // log price (price for ABM), unimpacted
// @ts-ignore: decorator
@inline export const S_V: i32 = 1;            // variance (Heston)
// @ts-ignore: decorator
@inline export const S_Q: i32 = 2;            // shares left
// @ts-ignore: decorator
@inline export const S_CUM: i32 = 3;          // shares executed
// @ts-ignore: decorator
@inline export const S_TIMING: i32 = 4;       // sum side n (s0 - S), currency
// @ts-ignore: decorator
@inline export const S_PERMANENT: i32 = 5;    // sum side n S (1 - f) + n permAdd cum
// @ts-ignore: decorator
@inline export const S_TEMPORARY: i32 = 6;
// @ts-ignore: decorator
@inline export const S_TRANSIENT: i32 = 7;
// @ts-ignore: decorator
@inline export const S_SPREAD: i32 = 8;
// @ts-ignore: decorator
@inline export const S_MAXP: i32 = 9;         // largest participation n / V
// @ts-ignore: decorator
@inline export const S_PRICE_SUM: i32 = 10;   // sum of S_k over the steps taken (the OPD reward's window average)
// @ts-ignore: decorator
@inline export const S_REWARD: i32 = 11;      // reward of the last step (bps of notional)
// @ts-ignore: decorator
@inline export const S_RETURN: i32 = 12;      // sum of rewards so far
// @ts-ignore: decorator
@inline export const S_PERM_LEVEL: i32 = 13;  // sum of m n: shares traded, each weighted by the volatility multiplier m it met
// @ts-ignore: decorator
@inline export const S_VOLUME_LOG: i32 = 14;  // AR(1) log-volume noise psi
// @ts-ignore: decorator
@inline export const S_VOLUME_MULT: i32 = 15; // u: the market's volume this step over the curve's
// @ts-ignore: decorator
@inline export const S_VWAP_SUM: i32 = 16;    // sum of S_k V_k u_k (the market VWAP's numerator)
// @ts-ignore: decorator
@inline export const S_VOLUME_SUM: i32 = 17;  // sum of V_k u_k
// @ts-ignore: decorator
@inline export const S_TRANSIENT_0: i32 = 18; // then J transient components
// @ts-ignore: decorator
@inline export const STATE_FIELDS: i32 = 18;

/** f64 at a header slot. */
// @ts-ignore: decorator
@inline export function header(env: usize, slot: i32): f64 {
  return load<f64>(env + (<usize>slot << 3));
}

/** Pointer at a header offset slot. */
// @ts-ignore: decorator
@inline export function region(env: usize, slot: i32): usize {
  return env + <usize>load<f64>(env + (<usize>slot << 3));
}

/** Pointer to state array `field` (of B f64). */
// @ts-ignore: decorator
@inline export function stateArray(env: usize, field: i32): usize {
  return region(env, E_OFF_STATE) + <usize>field * <usize>header(env, E_STATE_STRIDE);
}

/** The address of lane pair `pair` of a state array. */
// @ts-ignore: decorator
@inline export function at(array: usize, pair: i32): usize {
  return array + (<usize>pair << 4);
}
