// Array-wide math for tests and microbenchmarks: the f64x2 forms on pairs, the scalar form on an odd tail.
import { expF64x2, expF64, expNormalF64x2, expNormalF64 } from './exp';
import { logF64x2, logF64 } from './log';
import { sin2piF64x2, cos2piF64x2, sincos2piF64, sin2piResult, cos2piResult } from './sincos2pi';
import { expF32x4, sigmoidF32x4 } from './sigmoid-f32';
import { logPositiveNormalF32x4 } from './log-f32';
import { sinKernelF32x4, cosKernelF32x4 } from './sincos-f32';

/** out[i] = exp(x[i]) for i < n. */
export function expArray(xPtr: usize, outPtr: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(outPtr + (<usize>i << 3), expF64x2(v128.load(xPtr + (<usize>i << 3))));
  if (i < n) store<f64>(outPtr + (<usize>i << 3), expF64(load<f64>(xPtr + (<usize>i << 3))));
}

/** out[i] = exp(x[i]) by the normal-range form (|x| < 708) for i < n. */
export function expNormalArray(xPtr: usize, outPtr: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(outPtr + (<usize>i << 3), expNormalF64x2(v128.load(xPtr + (<usize>i << 3))));
  if (i < n) store<f64>(outPtr + (<usize>i << 3), expNormalF64(load<f64>(xPtr + (<usize>i << 3))));
}

/** out[i] = log(x[i]) for i < n. */
export function logArray(xPtr: usize, outPtr: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(outPtr + (<usize>i << 3), logF64x2(v128.load(xPtr + (<usize>i << 3))));
  if (i < n) store<f64>(outPtr + (<usize>i << 3), logF64(load<f64>(xPtr + (<usize>i << 3))));
}

/** sinOut[i] = sin(2 pi u[i]), cosOut[i] = cos(2 pi u[i]) for i < n. */
export function sincos2piArray(uPtr: usize, sinPtr: usize, cosPtr: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const u = v128.load(uPtr + (<usize>i << 3));
    v128.store(sinPtr + (<usize>i << 3), sin2piF64x2(u));
    v128.store(cosPtr + (<usize>i << 3), cos2piF64x2(u));
  }
  if (i < n) {
    sincos2piF64(load<f64>(uPtr + (<usize>i << 3)));
    store<f64>(sinPtr + (<usize>i << 3), sin2piResult);
    store<f64>(cosPtr + (<usize>i << 3), cos2piResult);
  }
}

/** The scalar forms on every element (to check them against the f64x2 forms). */
export function expArrayScalar(xPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(outPtr + (<usize>i << 3), expF64(load<f64>(xPtr + (<usize>i << 3))));
}
export function logArrayScalar(xPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(outPtr + (<usize>i << 3), logF64(load<f64>(xPtr + (<usize>i << 3))));
}
export function sincos2piArrayScalar(uPtr: usize, sinPtr: usize, cosPtr: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    sincos2piF64(load<f64>(uPtr + (<usize>i << 3)));
    store<f64>(sinPtr + (<usize>i << 3), sin2piResult);
    store<f64>(cosPtr + (<usize>i << 3), cos2piResult);
  }
}

/** out[i] = 1 / (1 + exp(-x[i])) in f32 for i < n (f32 arrays, n a multiple of 4). */
export function sigmoidArrayF32(xPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i + 4 <= n; i += 4) v128.store(outPtr + (<usize>i << 2), sigmoidF32x4(v128.load(xPtr + (<usize>i << 2))));
}

/** out[i] = exp(x[i]) in f32 (x clamped to [-87, 88]) for i < n (f32 arrays, n a multiple of 4). */
export function expArrayF32(xPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i + 4 <= n; i += 4) v128.store(outPtr + (<usize>i << 2), expF32x4(v128.load(xPtr + (<usize>i << 2))));
}

/** out[i] = log(x[i]) in f32 for positive normal x (f32 arrays, n a multiple of 4). */
export function logArrayF32(xPtr: usize, outPtr: usize, n: i32): void {
  for (let i = 0; i + 4 <= n; i += 4) v128.store(outPtr + (<usize>i << 2), logPositiveNormalF32x4(v128.load(xPtr + (<usize>i << 2))));
}
/** sin and cos kernels of f32 y in [-pi/4, pi/4] (f32 arrays, n a multiple of 4). */
export function sincosKernelArrayF32(yPtr: usize, sinPtr: usize, cosPtr: usize, n: i32): void {
  for (let i = 0; i + 4 <= n; i += 4) {
    const y = v128.load(yPtr + (<usize>i << 2)), z = f32x4.mul(y, y);
    v128.store(sinPtr + (<usize>i << 2), sinKernelF32x4(y, z));
    v128.store(cosPtr + (<usize>i << 2), cosKernelF32x4(z));
  }
}
