// Slots of the per-run parameter block of a price model (f64 array built by src/engine/model-params.ts).
// TypeScript derives every constant once, so the wasm kernels and their TS twins read identical bits.

// Shared by both schemes
// @ts-ignore: decorator
@inline export const P_X0: i32 = 0;          // log s0
// @ts-ignore: decorator
@inline export const P_V0: i32 = 1;          // initial variance
// @ts-ignore: decorator
@inline export const P_MU_DT: i32 = 2;       // mu dt
// Full-truncation Euler
// @ts-ignore: decorator
@inline export const P_DT: i32 = 3;
// @ts-ignore: decorator
@inline export const P_HALF_DT: i32 = 4;
// @ts-ignore: decorator
@inline export const P_KAPPA_THETA_DT: i32 = 5;
// @ts-ignore: decorator
@inline export const P_KAPPA_DT: i32 = 6;
// @ts-ignore: decorator
@inline export const P_XI: i32 = 7;
// @ts-ignore: decorator
@inline export const P_RHO: i32 = 8;
// @ts-ignore: decorator
@inline export const P_RHO_BAR: i32 = 9;     // sqrt(1 - rho^2)
// Andersen QE (Andersen 2008, section 3.2.4 and 4.2; gamma1 = gamma2 = 1/2)
// @ts-ignore: decorator
@inline export const P_THETA: i32 = 10;
// @ts-ignore: decorator
@inline export const P_E: i32 = 11;          // exp(-kappa dt)
// @ts-ignore: decorator
@inline export const P_S2_V: i32 = 12;       // xi^2 E (1 - E) / kappa: coefficient of v in s^2
// @ts-ignore: decorator
@inline export const P_S2_0: i32 = 13;       // theta xi^2 (1 - E)^2 / (2 kappa)
// @ts-ignore: decorator
@inline export const P_K0: i32 = 14;         // -rho kappa theta dt / xi (used where the martingale correction is undefined)
// @ts-ignore: decorator
@inline export const P_K1: i32 = 15;
// @ts-ignore: decorator
@inline export const P_K2: i32 = 16;
// @ts-ignore: decorator
@inline export const P_K3: i32 = 17;
// @ts-ignore: decorator
@inline export const P_K4: i32 = 18;
// @ts-ignore: decorator
@inline export const P_A: i32 = 19;          // K2 + K4 / 2
// @ts-ignore: decorator
@inline export const P_K1_HALF_K3: i32 = 20; // K1 + K3 / 2
// @ts-ignore: decorator
@inline export const P_PSI_C: i32 = 21;      // switching level, 1.5
// Brownian models: x' = x + drift + vol z (GBM: x = log price; ABM: x = price)
// @ts-ignore: decorator
@inline export const P_DRIFT_DT: i32 = 22;   // GBM (mu - sigma^2 / 2) dt; ABM mu dt (currency)
// @ts-ignore: decorator
@inline export const P_VOL_SQRT_DT: i32 = 23; // GBM sigma sqrt(dt); ABM sigma sqrt(dt) (currency)
// @ts-ignore: decorator
@inline export const P_NORMALS_F32: i32 = 24; // 1: single-precision Box-Muller normals (rng/normal-f32.ts), 0: f64
// @ts-ignore: decorator
@inline export const MODEL_PARAMS_LENGTH: i32 = 25;

// Price models (and Heston schemes)
// @ts-ignore: decorator
@inline export const MODEL_HESTON_EULER: i32 = 0;
// @ts-ignore: decorator
@inline export const MODEL_HESTON_QE: i32 = 1;
// @ts-ignore: decorator
@inline export const MODEL_GBM: i32 = 2;
// @ts-ignore: decorator
@inline export const MODEL_ABM: i32 = 3;

/** f64 at a slot of a parameter block. */
// @ts-ignore: decorator
@inline export function param(paramsPtr: usize, slot: i32): f64 {
  return load<f64>(paramsPtr + (<usize>slot << 3));
}

/** Both lanes = the f64 at a slot of a parameter block. */
// @ts-ignore: decorator
@inline export function paramX2(paramsPtr: usize, slot: i32): v128 {
  return v128.load64_splat(paramsPtr + (<usize>slot << 3));
}
