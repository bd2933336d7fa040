// Raw draws for tests and for consumers outside the kernels: Philox words and normals of a path range.
import { philox4x32, philoxOut0, philoxOut1, philoxOut2, philoxOut3 } from './philox';
import { boxMullerF64, normalCos, normalSin } from './normal';

/** Philox4x32-10 words of counters (c0 .. c0 + n - 1, c1, c2, c3) under key (k0, k1): 4 u32 per counter. */
export function philoxBlock(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32, n: i32, outPtr: usize): void {
  for (let i = 0; i < n; i++) {
    philox4x32(c0 + <u32>i, c1, c2, c3, k0, k1);
    const out = outPtr + (<usize>i << 4);
    store<u32>(out, philoxOut0);
    store<u32>(out, philoxOut1, 4);
    store<u32>(out, philoxOut2, 8);
    store<u32>(out, philoxOut3, 12);
  }
}

/** Normals 0 .. n - 1 of the stream (seed; path, stream) as defined in normal.ts, scalar form. */
export function normalBlock(path: u32, stream: u32, k0: u32, k1: u32, n: i32, outPtr: usize): void {
  for (let m = 0; m < n; m += 4) {
    philox4x32(path, <u32>(m >> 2), stream, 0, k0, k1);
    const w0 = philoxOut0, w1 = philoxOut1, w2 = philoxOut2, w3 = philoxOut3;
    boxMullerF64(w0, w1);
    store<f64>(outPtr + (<usize>m << 3), normalCos);
    if (m + 1 < n) store<f64>(outPtr + (<usize>(m + 1) << 3), normalSin);
    boxMullerF64(w2, w3);
    if (m + 2 < n) store<f64>(outPtr + (<usize>(m + 2) << 3), normalCos);
    if (m + 3 < n) store<f64>(outPtr + (<usize>(m + 3) << 3), normalSin);
  }
}
